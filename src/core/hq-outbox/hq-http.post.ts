// The HTTP transport to HQ: one POST per batch with the station's token as a bearer, every
// outcome an answer (refusals are permanent, the rest are retried by the sender).
import type { HqAck, HqBatch } from '../../shared/contract/index';
import type { HqPost } from './hq-sender';

export interface HqTarget {
  /** HQ's base URL, e.g. https://hq.studio.lan:4900 */
  url: string;
  stationId: string;
  /** The station's HQ token (from BATON_HQ_TOKEN or the secret store), never logged. */
  token: string;
}

const POST_TIMEOUT_MS = 10_000;

export function createHttpHqPost(cfg: HqTarget): HqPost {
  const endpoint = new URL('/api/ingest', cfg.url).toString();
  return async (batch: HqBatch) => {
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${cfg.token}` },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
        // Never followed: a redirect could steer the batch to another host or down to plain http.
        redirect: 'manual',
      });
      const text = await res.text();
      if (res.ok) {
        const ack = JSON.parse(text) as HqAck;
        if (typeof ack.ackedSeq !== 'number') return { ok: false, reason: 'HQ answered without an acknowledgement', permanent: false };
        return { ok: true, ack };
      }
      let reason = `HQ answered ${res.status}`;
      if (res.status >= 300 && res.status < 400) reason += ' (a redirect, not followed: set HQ’s own https:// address)';
      try {
        const body = JSON.parse(text) as { error?: { message?: unknown } };
        if (typeof body.error?.message === 'string') reason += `: ${body.error.message.slice(0, 200)}`;
      } catch {
        // Not JSON: the status says enough.
      }
      return { ok: false, reason, permanent: res.status === 401 || res.status === 403 };
    } catch (error) {
      const e = error as Error;
      return { ok: false, reason: `HQ unreachable: ${e.name === 'TimeoutError' ? 'timed out' : ((e.cause as Error | undefined)?.message ?? e.message)}`, permanent: false };
    }
  };
}
