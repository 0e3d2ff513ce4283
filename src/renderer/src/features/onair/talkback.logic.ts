// What the producer reads about a talkback message: waiting for the host, or "read by Leo 2 s after".
import type { TalkbackMessage } from '../../../../shared/contract/index';

export function readLine(m: TalkbackMessage, now: number): string {
  if (m.ackAt === null) return `not read yet · sent ${Math.max(0, Math.round((now - m.sentAt) / 1000))} s ago`;
  const after = Math.max(0, Math.round((m.ackAt - m.sentAt) / 1000));
  return `read by ${firstName(m.ackBy ?? 'the host')} ${after} s after`;
}

/** "Leo Martins (host)" → "Leo"; a device label stays whole. */
export function firstName(who: string): string {
  const bare = who.replace(/\s*\(.*\)\s*$/, '').trim();
  return bare.split(/\s+/)[0] ?? bare;
}
