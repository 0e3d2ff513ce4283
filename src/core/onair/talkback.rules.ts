// Talkback messages as values: a preset's fixed words or the producer's short text, and the host's
// one-key acknowledgement of the message on screen (never of an older one).
import { TALKBACK_PRESETS, type TalkbackMessage, type TalkbackPresetId } from '../../shared/contract/index';
import { oneLine } from '../../shared/text/one-line';

export function newTalkback(input: { id: string; preset: TalkbackPresetId | null; text: string | null; now: number; by: string }): TalkbackMessage {
  const presetText = input.preset ? (TALKBACK_PRESETS.find((p) => p.id === input.preset)?.text ?? null) : null;
  // Free text is one line of plain words: control characters and runs of spaces fold away.
  const own = oneLine(input.text ?? '');
  return { id: input.id, preset: input.preset, text: presetText ?? own, sentAt: input.now, sentBy: input.by, ackAt: null, ackBy: null };
}

export type AckResult = { ok: true; message: TalkbackMessage } | { ok: false; reason: string };

export function ackTalkback(current: TalkbackMessage | null, id: string | null, now: number, by: string): AckResult {
  if (!current) return { ok: false, reason: 'There is no talkback message to acknowledge.' };
  if (id !== null && id !== current.id) return { ok: false, reason: 'That message was replaced by a newer one: read the card again.' };
  if (current.ackAt !== null) return { ok: true, message: current };
  return { ok: true, message: { ...current, ackAt: now, ackBy: by } };
}
