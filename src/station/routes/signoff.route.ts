// /api/signoff: the approver's side of a sign-off link, without a station token. The link's code
// is the credential; the route learns the approver from it and dispatches the decision in their
// name, so the audit row reads "Priya Shah (own sign-off link)", not the producer's.
//   GET  /api/signoff?link=<code>                       → what to sign (SignoffView)
//   POST /api/signoff { link, decision, note, comments } → the version after the decision
import type { ServerResponse } from 'node:http';
import type { SignoffView } from '../../shared/contract/index';
import type { DispatchResult } from '../../core/dispatch/dispatcher';
import type { Caller } from '../../core/dispatch/handler';
import type { Route } from '../transport/route-table';
import { parseJsonBody, readBody, sendError, sendJson } from '../transport/http-util';

export const SIGNOFF_API = '/api/signoff';
const LINK_READER: Caller = { actor: 'sign-off link', role: 'producer', via: 'http' };
const MAX_SIGNOFF_BODY = 256 * 1024;
/** A decision is a few kilobytes from a browser; a body still arriving after this is a client holding the socket. */
const BODY_DEADLINE_MS = 10_000;

export function createSignoffRoutes(deps: { dispatch(name: string, args: unknown, caller: Caller): Promise<DispatchResult> }): Route[] {
  const view = (link: unknown) => deps.dispatch('script.signoffView', { link }, LINK_READER);
  const reply = (res: ServerResponse, r: DispatchResult) => (r.ok ? sendJson(res, 200, { ok: true, result: r.result }) : sendError(res, r.error));

  return [
    {
      method: 'GET',
      path: SIGNOFF_API,
      summary: 'What a sign-off link asks to sign (?link=<code>).',
      handle: async ({ res, target }) => {
        res.setHeader('cache-control', 'no-store');
        reply(res, await view(target.query.get('link') ?? ''));
      },
    },
    {
      method: 'POST',
      path: SIGNOFF_API,
      summary: 'The approver’s decision on a sign-off link (JSON).',
      handle: async ({ req, res }) => {
        res.setHeader('cache-control', 'no-store');
        // JSON only: a cross-site HTML form can post text/plain or a form encoding, never JSON
        // without the browser asking first.
        const type = String(req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
        if (type !== 'application/json') {
          req.resume();
          sendError(res, { code: 'unsupported_media_type', message: 'Send the decision as JSON (content-type: application/json).' });
          return;
        }
        const body = parseJsonBody(await readBody(req, MAX_SIGNOFF_BODY, { deadlineMs: BODY_DEADLINE_MS }));
        const link = body && typeof body === 'object' ? (body as { link?: unknown }).link : undefined;
        const seen = await view(link);
        if (!seen.ok) {
          reply(res, seen);
          return;
        }
        const { approver } = seen.result as SignoffView;
        reply(res, await deps.dispatch('script.signoff', body, { actor: `${approver} (own sign-off link)`, role: 'producer', via: 'http' }));
      },
    },
  ];
}
