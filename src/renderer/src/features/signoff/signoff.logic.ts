// The approver's page, without React: the link's code from the address, the API calls, and the
// body of a decision. Errors come back as the station's own sentence.
import type { ScriptVersionSummary, SignoffView } from '../../../../shared/contract/index';

export const SIGNOFF_API = '/api/signoff';

export function linkFromLocation(search: string): string | null {
  const code = new URLSearchParams(search).get('link');
  return code && /^[A-Za-z0-9_-]{32}$/.test(code) ? code : null;
}

export type Decision = { decision: 'approve'; note: string } | { decision: 'return'; note: string; comments: Record<string, string> };

/** The POST body: only cues with a comment, trimmed; a return without any is refused before sending. */
export function decisionBody(link: string, d: Decision): { ok: true; body: unknown } | { ok: false; reason: string } {
  if (d.decision === 'approve') return { ok: true, body: { link, decision: 'approve', note: d.note.trim() } };
  const comments = Object.entries(d.comments)
    .map(([cueId, comment]) => ({ cueId, comment: comment.trim() }))
    .filter((c) => c.comment.length > 0);
  if (comments.length === 0) return { ok: false, reason: 'Write a comment on at least one line, so the producer knows what to change.' };
  return { ok: true, body: { link, decision: 'return', note: d.note.trim(), comments } };
}

type Answer<T> = { ok: true; result: T } | { ok: false; message: string };

async function call<T>(doFetch: typeof fetch, url: string, init?: RequestInit): Promise<Answer<T>> {
  try {
    const res = await doFetch(url, init);
    const body = (await res.json()) as { ok: boolean; result?: T; error?: { message: string } };
    return body.ok && body.result !== undefined ? { ok: true, result: body.result } : { ok: false, message: body.error?.message ?? `The station answered HTTP ${res.status}.` };
  } catch (error) {
    return { ok: false, message: `The station cannot be reached: ${(error as Error).message}` };
  }
}

export const readSignoff = (doFetch: typeof fetch, link: string) => call<SignoffView>(doFetch, `${SIGNOFF_API}?link=${encodeURIComponent(link)}`);

export const sendDecision = (doFetch: typeof fetch, body: unknown) =>
  call<{ version: ScriptVersionSummary }>(doFetch, SIGNOFF_API, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
