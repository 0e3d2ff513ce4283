// /api/device-tokens: the producer lists, issues and revokes button-panel and overlay tokens.
//   GET  /api/device-tokens                          → { tokens: [{ kind, label, token }] }
//   POST /api/device-tokens { kind, label, person? } → the new token (a label reissued replaces it);
//                                                      a panel issued for a show person acts as them
//   POST /api/device-tokens/revoke { label }         → { removed }; sockets using it close at once
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenService } from '../auth/token.service';
import { DEVICE_KINDS, isDeviceLabel, type DeviceKind, type DeviceTokenService } from '../auth/device-token.service';
import type { Route } from '../transport/route-table';
import { BodyError, bearerToken, parseJsonBody, readBody, sendError, sendJson } from '../transport/http-util';

export const DEVICE_TOKENS_API = '/api/device-tokens';

export function createDeviceTokensRoutes(deps: {
  tokens: TokenService;
  devices: DeviceTokenService;
  /** The loaded show's person id for a reference (id or name), or null. */
  personOf: (ref: string) => string | null;
}): Route[] {
  const bad = (res: ServerResponse, message: string) => sendJson(res, 400, { ok: false, error: { code: 'invalid_args', message } });
  /** True when the caller is a producer; otherwise the refusal has been sent. */
  const producer = (req: IncomingMessage, res: ServerResponse): boolean => {
    res.setHeader('cache-control', 'no-store');
    const grant = deps.tokens.check(bearerToken(req));
    if (!grant) {
      sendError(res, { code: 'unauthenticated', message: 'Send a producer token: Authorization: Bearer <token>.' });
      return false;
    }
    if (grant.role !== 'producer') {
      sendError(res, { code: 'forbidden', message: 'Only the producer manages panel and overlay tokens.' });
      return false;
    }
    return true;
  };
  const body = async (req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | null> => {
    try {
      const v = parseJsonBody(await readBody(req, 4096));
      return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      sendJson(res, error.status, { ok: false, error: { code: 'invalid_args', message: error.message } });
      return null;
    }
  };
  return [
    {
      method: 'GET',
      path: DEVICE_TOKENS_API,
      summary: 'List button-panel and overlay tokens (producer).',
      handle: ({ req, res }) => {
        if (producer(req, res)) sendJson(res, 200, { ok: true, result: { tokens: deps.devices.issued() } });
      },
    },
    {
      method: 'POST',
      path: DEVICE_TOKENS_API,
      summary: 'Issue a button-panel or overlay token { kind, label, person? } (producer); a panel issued for a show person acts as them.',
      handle: async ({ req, res }) => {
        if (!producer(req, res)) return;
        const b = await body(req, res);
        if (!b) return;
        if (!isDeviceLabel(b.label)) return bad(res, 'label: 1–60 letters, digits, spaces or . _ : ( ) -');
        if (!(DEVICE_KINDS as readonly unknown[]).includes(b.kind)) return bad(res, `kind: one of ${DEVICE_KINDS.join(', ')}`);
        let person: string | undefined;
        if (b.person !== undefined) {
          if (b.kind !== 'device') return bad(res, 'person: only a panel (kind device) acts for a person');
          const id = typeof b.person === 'string' && b.person.length <= 120 ? deps.personOf(b.person) : null;
          if (!id) return bad(res, 'person: not a person of the loaded show');
          person = id;
        }
        sendJson(res, 200, { ok: true, result: deps.devices.issue(b.kind as DeviceKind, b.label, person) });
      },
    },
    {
      method: 'POST',
      path: `${DEVICE_TOKENS_API}/revoke`,
      summary: 'Revoke a button-panel or overlay token by label { label }; its sockets close at once (producer).',
      handle: async ({ req, res }) => {
        if (!producer(req, res)) return;
        const b = await body(req, res);
        if (!b) return;
        if (!isDeviceLabel(b.label)) return bad(res, 'label: 1–60 letters, digits, spaces or . _ : ( ) -');
        sendJson(res, 200, { ok: true, result: { removed: deps.devices.revoke(b.label) } });
      },
    },
  ];
}
