// /api/signoff: the approver's side of a sign-off link, without a station token. The link's code
// is the credential; the route learns the approver from it and dispatches the decision in their
// name, so the audit row reads "Priya Shah (own sign-off link)", not the producer's.
//   GET  /api/signoff?link=<code>                       → what to sign (SignoffView)
//   POST /api/signoff { link, decision, note, comments } → the version after the decision
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SignoffView } from '../../shared/contract/index';
import type { DispatchResult } from '../../core/dispatch/dispatcher';
import type { Caller } from '../../core/dispatch/handler';
import type { RouteHandler } from '../transport/api.server';
import { BodyError, parseJsonBody, readBody, sendError, sendJson } from '../transport/http-util';

export const SIGNOFF_API = '/api/signoff';
const LINK_READER: Caller = { actor: 'sign-off link', role: 'producer', via: 'http' };

export function createSignoffRoute(deps: { dispatch(name: string, args: unknown, caller: Caller): Promise<DispatchResult> }): RouteHandler {
  const view = (link: unknown) => deps.dispatch('script.signoffView', { link }, LINK_READER);
  const reply = (res: ServerResponse, r: DispatchResult) => (r.ok ? sendJson(res, 200, { ok: true, result: r.result }) : sendError(res, r.error));

  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (url.pathname !== SIGNOFF_API) return false;
    res.setHeader('cache-control', 'no-store');
    if (req.method === 'GET') {
      reply(res, await view(url.searchParams.get('link') ?? ''));
      return true;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'invalid_args', message: 'Use GET to read a sign-off link and POST to decide.' } });
      return true;
    }
    let body: unknown;
    try {
      body = parseJsonBody(await readBody(req, 256 * 1024));
    } catch (error) {
      if (!(error instanceof BodyError)) throw error;
      sendJson(res, error.status, { ok: false, error: { code: 'invalid_args', message: error.message } });
      return true;
    }
    const link = body && typeof body === 'object' ? (body as { link?: unknown }).link : undefined;
    const seen = await view(link);
    if (!seen.ok) {
      reply(res, seen);
      return true;
    }
    const { approver } = seen.result as SignoffView;
    reply(res, await deps.dispatch('script.signoff', body, { actor: `${approver} (own sign-off link)`, role: 'producer', via: 'http' }));
    return true;
  };
}
