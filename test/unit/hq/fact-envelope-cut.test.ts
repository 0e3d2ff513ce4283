// HQ cuts what a station sends (an unknown kind, an over-long show id, the note of what is wrong)
// to a bound: on code points, never through a surrogate pair — half a pair is text PostgreSQL cannot
// store and a browser draws as �.
import { describe, expect, it } from 'vitest';
import { checkFactEnvelope, joinProblems, MAX_PROBLEM_CHARS, MAX_SHOW_ID_CHARS, MAX_UNKNOWN_KIND_CHARS } from '../../../hq/ingest/fact-envelope.check';

const placed = (raw: unknown) => {
  const e = checkFactEnvelope(raw);
  if (!('placed' in e)) throw new Error('not placed');
  return e.placed;
};
const EMOJI = '😀';

describe('HQ fact envelope cuts', () => {
  it('never splits a surrogate pair at any bound', () => {
    for (let pad = 0; pad < 4; pad++) {
      const kind = 'k'.repeat(MAX_UNKNOWN_KIND_CHARS - 1 - pad) + EMOJI.repeat(3);
      const showId = 's'.repeat(MAX_SHOW_ID_CHARS - 1 - pad) + EMOJI.repeat(3);
      const at = 'a'.repeat(39 - pad) + EMOJI.repeat(3);
      const f = placed({ seq: 1, kind, showId, at, body: 'x' });
      expect(f.kind.isWellFormed(), `kind, pad ${pad}`).toBe(true);
      expect(f.showId.isWellFormed(), `showId, pad ${pad}`).toBe(true);
      expect(f.problem?.isWellFormed(), `problem, pad ${pad}`).toBe(true);
      expect(f.kind.startsWith('k'.repeat(MAX_UNKNOWN_KIND_CHARS - 1 - pad))).toBe(true);
    }
  });

  it('cuts the joined note of what is wrong (envelope and body) at its bound, on a code point', () => {
    for (let pad = 0; pad < 3; pad++) {
      const note = joinProblems(['e'.repeat(200 + pad), null, EMOJI.repeat(100)]);
      expect(note!.length).toBeLessThanOrEqual(MAX_PROBLEM_CHARS);
      expect(note!.isWellFormed(), `pad ${pad}`).toBe(true);
      expect(note!.startsWith(`${'e'.repeat(200 + pad)}; ${EMOJI}`)).toBe(true);
    }
    expect(joinProblems([null, null])).toBeNull();
  });
});
