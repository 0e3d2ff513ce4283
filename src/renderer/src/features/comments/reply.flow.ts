// Replying with an approved macro: check the text with the compliance guard when the station has
// one, then post it on the platform (where the source can) or copy it for the moderator to paste.
import type { Send } from '../../state/station.store';

export type ReplyOutcome =
  | { ok: true; how: 'sent' | 'copied'; note: string | null }
  | { ok: false; reason: string };

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Clipboard API refused (no permission, not focused): the old selection trick still works.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export async function replyWithMacro(
  send: Send,
  input: { commentId: string; macroId: string; text: string; canSend: boolean; by: string },
  copy: (text: string) => Promise<boolean> = copyText,
): Promise<ReplyOutcome> {
  let note: string | null = null;
  try {
    const check = await send('compliance.check', { text: input.text });
    if (!check.ok) return { ok: false, reason: `Compliance: ${check.violations.map((v) => v.reason).join('; ')}` };
  } catch (error) {
    const code = (error as { error?: { code?: string } }).error?.code;
    // No guard in this station yet: the macro is already an approved text, so it may go out.
    if (code !== 'unavailable' && code !== 'unknown_command') throw error;
    note = 'compliance check not available in this station';
  }
  if (!input.canSend && !(await copy(input.text))) return { ok: false, reason: 'The reply could not be copied to the clipboard.' };
  await send('comment.answer', { id: input.commentId, macroId: input.macroId, send: input.canSend, by: input.by });
  return { ok: true, how: input.canSend ? 'sent' : 'copied', note };
}

/**
 * Replying to a whole work item: the same check, then one reply for every asker (`cluster.answer`);
 * `pin` leaves it standing so later identical questions are attached to it.
 */
export async function replyToCluster(
  send: Send,
  input: { clusterId: string; macroId: string; text: string; canSend: boolean; pin: boolean; by: string },
  copy: (text: string) => Promise<boolean> = copyText,
): Promise<ReplyOutcome & { answered?: number }> {
  let note: string | null = null;
  try {
    const check = await send('compliance.check', { text: input.text });
    if (!check.ok) return { ok: false, reason: `Compliance: ${check.violations.map((v) => v.reason).join('; ')}` };
  } catch (error) {
    const code = (error as { error?: { code?: string } }).error?.code;
    if (code !== 'unavailable' && code !== 'unknown_command') throw error;
    note = 'compliance check not available in this station';
  }
  // The copy is best effort here: the answer is recorded either way, and the toast says how it went out.
  const copied = input.canSend ? true : await copy(input.text);
  const r = await send('cluster.answer', { clusterId: input.clusterId, macroId: input.macroId, send: input.canSend, pin: input.pin, by: input.by });
  const again = r.alreadySent > 0 ? `${r.alreadySent} room(s) already had it from the earlier try, not posted again` : null;
  const notes = [copied ? note : 'could not copy to the clipboard; copy it from the detail', again].filter((n): n is string => n !== null);
  return { ok: true, how: input.canSend ? 'sent' : 'copied', note: notes.length > 0 ? notes.join('; ') : null, answered: r.answered };
}

/**
 * What a bulk action's toast says: how many comments it changed, for an answer whether it went out on
 * the platform (posted once per room and language) or must be copied by hand, and why items were skipped.
 */
export function bulkOutcome(action: 'answer' | 'dismiss' | 'escalate', r: { done: number; skipped: { reason: string }[]; sent?: number; alreadySent?: number }): string {
  const verb = action === 'answer' ? 'Answered' : action === 'dismiss' ? 'Dismissed' : 'Escalated';
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  let text = `${verb} ${plural(r.done, 'comment', 'comments')}`;
  if (action === 'answer' && r.done > 0)
    text +=
      (r.sent ?? 0) > 0
        ? ` — ${plural(r.sent ?? 0, 'reply', 'replies')} posted in chat`
        : (r.alreadySent ?? 0) > 0
          ? ''
          : ' — not posted: this chat source cannot post, paste the reply in the chat yourself';
  if (action === 'answer' && (r.alreadySent ?? 0) > 0) text += ` — ${plural(r.alreadySent ?? 0, 'room', 'rooms')} already had the reply from the earlier try, not posted again`;
  if (r.skipped.length > 0) text += ` — ${r.skipped.length} item(s) skipped: ${r.skipped[0]?.reason ?? ''}`;
  return text;
}
