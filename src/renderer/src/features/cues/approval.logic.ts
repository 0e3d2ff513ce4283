// How an approval is credited on every screen: the approver's own sign-off (their link) reads as
// theirs; one given elsewhere reads "recorded by …" with where it came from, never as the
// approver's own act. Pure, so the producer's review, the deck, the host card and the badges agree.
import type { Approval, ApprovalChannel } from '../../../../shared/contract/index';

export const CHANNEL_LABELS: Record<ApprovalChannel, string> = { email: 'email', paper: 'paper', phone: 'phone', 'in-person': 'in person' };

export interface ApprovalCredit {
  /** True only when the approver signed in Baton themselves. */
  own: boolean;
  /** Short badge word: SIGNED (own link), RECORDED (entered by someone else), SHOW FILE. */
  badge: 'SIGNED' | 'RECORDED' | 'SHOW FILE';
  /** The sentence shown with the version. */
  line: string;
  /** A few words for tight places (the host card's corner, the deck's chip). */
  short: string;
}

export function approvalCredit(a: Approval, formatTime: (ms: number) => string = (ms) => new Date(ms).toLocaleString()): ApprovalCredit {
  const who = `${a.approver} (${a.role})`;
  if (a.source === 'show-file') {
    return { own: false, badge: 'SHOW FILE', line: `Approved by ${who} on ${formatTime(a.at)} — sign-off recorded from the show file (hash matched)`, short: `approved by ${who} · sign-off from show file` };
  }
  if (a.via === 'signoff-link') {
    return { own: true, badge: 'SIGNED', line: `Signed by ${who} through their own sign-off link on ${formatTime(a.at)}`, short: `approved by ${who}` };
  }
  const where = a.via ? `given by ${CHANNEL_LABELS[a.via]}` : 'given outside Baton';
  return {
    own: false,
    badge: 'RECORDED',
    line: `Approval of ${who}, ${where} — recorded by ${a.recordedBy} on ${formatTime(a.at)}`,
    short: `${a.approver}’s approval recorded by ${a.recordedBy}`,
  };
}
