// Any other store, through a signed webhook: Baton POSTs `{ action, offer, reason, requestedAt }`
// signed with HMAC-SHA256 over `${timestamp}.${body}` and an idempotency key per intent; the store
// answers with the resulting state. The exact protocol is in docs/commerce-webhook.md.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CommerceAdapter, StoreOp, StoreReading } from './commerce.adapter';
import { StoreError } from './commerce.adapter';
import { hostOf, postJson, type HttpDeps } from './http-json';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, sign, verifyReply } from './hmac';

export type WebhookAction = 'pause' | 'resume' | 'read' | 'remove_bonus';

export const webhookReplySchema = z.object({
  state: z.enum(['paused', 'live', 'partial']),
  detail: z.string().max(500).optional(),
  stock: z.record(z.string(), z.number().int()).optional(),
  bonusActive: z.boolean().optional(),
});
export type WebhookReply = z.output<typeof webhookReplySchema>;

export function createWebhookAdapter(deps: {
  http: HttpDeps;
  url: string;
  offer: { id: string; code: string; skus: string[] };
  secret: () => string | null;
  secretName: string;
  now: () => number;
}): CommerceAdapter {
  const where = hostOf(deps.url);

  const call = async (action: WebhookAction, op: StoreOp | null): Promise<StoreReading> => {
    const secret = deps.secret();
    if (!secret) throw new StoreError('config', `no HMAC key for the store webhook: store it with offer.credentials (secret "${deps.secretName}")`, null, false);
    const body = JSON.stringify({ action, offer: deps.offer, reason: op?.reason ?? null, requestedAt: deps.now() });
    const timestamp = String(Math.floor(deps.now() / 1000));
    // A change keeps its intent's key across retries (the store applies it once); each read gets
    // a fresh one, so a store can log it and its signed answer cannot stand in for another call.
    const key = op?.key ?? `read-${randomUUID()}`;
    const answer = await postJson(deps.http, deps.url, body, {
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: sign(secret, timestamp, body),
      [IDEMPOTENCY_HEADER]: key,
      'x-baton-action': action,
    });
    if (answer.status >= 300) {
      const message = (answer.body as { error?: unknown } | null)?.error;
      throw new StoreError('rejected', `${where} refused "${action}" (HTTP ${answer.status})${typeof message === 'string' ? `: ${message.slice(0, 200)}` : ''}`, answer.status);
    }
    const signed = verifyReply({
      secret,
      timestamp: answer.headers.get(TIMESTAMP_HEADER) ?? undefined,
      signature: answer.headers.get(SIGNATURE_HEADER) ?? undefined,
      idempotencyKey: key,
      body: answer.text,
      nowMs: deps.now(),
    });
    if (!signed.ok) {
      // Never show PAUSED on an answer that may not come from the store.
      throw new StoreError('protocol', `${where}'s answer to "${action}" is not signed for this request (${signed.reason}); see docs/commerce-webhook.md`);
    }
    const reply = webhookReplySchema.safeParse(answer.body);
    if (!reply.success) {
      throw new StoreError('protocol', `${where} answered "${action}" without a valid state (${reply.error.issues[0]?.message ?? 'bad reply'}); see docs/commerce-webhook.md`);
    }
    const r = reply.data;
    return {
      paused: r.state === 'paused' ? true : r.state === 'live' ? false : 'partial',
      detail: r.detail ?? `${where} reports ${r.state}`,
      stock: r.stock ?? null,
      bonusActive: r.bonusActive ?? null,
    };
  };

  return {
    kind: 'webhook',
    label: `Webhook ${where}`,
    // The receiving service's admin is the shop's own business: Baton cannot name it.
    adminUrl: null,
    rehearsal: false,
    setPaused: (paused, op) => call(paused ? 'pause' : 'resume', op),
    read: () => call('read', null),
    removeBonus: (op) => call('remove_bonus', op),
    // Orders come in through Baton's own signed event webhook (POST /api/events).
    pollOrders: () => Promise.resolve(null),
    close() {},
  };
}
