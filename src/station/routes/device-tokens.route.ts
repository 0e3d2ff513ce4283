// /api/device-tokens: the producer lists, issues and revokes button-panel and overlay tokens.
//   GET  /api/device-tokens                          → { tokens: [{ kind, label, token }] }
//   POST /api/device-tokens { kind, label }          → the new token (a label reissued replaces it)
//   POST /api/device-tokens/revoke { label }         → { removed }; sockets using it close at once
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenService } from '../auth/token.service';
import { DEVICE_KINDS, isDeviceLabel, type DeviceKind, type DeviceTokenService } from '../auth/device-token.service';
import type { RouteHandler } from '../transport/api.server';
import { BodyError, bearerToken, parseJsonBody, readBody, sendError, sendJson } from '../transport/http-util';

export const DEVICE_TOKENS_API = '/api/device-tokens';

export function createDeviceTokensRoute(deps: { tokens: TokenService; devices: DeviceTokenService }): RouteHandler {
  const bad = (res: ServerResponse, message: string) =>
    sendJson(res, 400, { ok: false, error: { code: 'invalid_args', message } });

  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname !== DEVICE_TOKENS_API && url.pathname !== `${DEVICE_TOKENS_API}/revoke`) return false;
    res.setHeader('cache-control', 'no-store');
    const grant = deps.tokens.check(bearerToken(req));
    if (!grant) {
      sendError(res, { code: 'unauthenticated', message: 'Send a producer token: Authorization: Bearer <token>.' });
      return true;
    }
    if (grant.role !== 'producer') {
      sendError(res, { code: 'forbidden', message: 'Only the producer manages panel and overlay tokens.' });
      return true;
    }
    if (req.method === 'GET' && url.pathname === DEVICE_TOKENS_API) {
      sendJson(res, 200, { ok: true, result: { tokens: deps.devices.issued() } });
      return true;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'invalid_args', message: 'List with GET; issue and revoke with POST.' } });
      return true;
    }
    let body: Record<string, unknown>;
    try {
      const v = parseJsonBody(await readBody(req, 4096));
      body = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      sendJson(res, error.status, { ok: false, error: { code: 'invalid_args', message: error.message } });
      return true;
    }
    if (!isDeviceLabel(body.label)) {
      bad(res, 'label: 1–60 letters, digits, spaces or . _ : ( ) -');
      return true;
    }
    if (url.pathname.endsWith('/revoke')) {
      sendJson(res, 200, { ok: true, result: { removed: deps.devices.revoke(body.label) } });
      return true;
    }
    if (!(DEVICE_KINDS as readonly unknown[]).includes(body.kind)) {
      bad(res, `kind: one of ${DEVICE_KINDS.join(', ')}`);
      return true;
    }
    sendJson(res, 200, { ok: true, result: deps.devices.issue(body.kind as DeviceKind, body.label) });
    return true;
  };
}
