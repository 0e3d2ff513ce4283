// Keeps tuning and evaluation data apart: every rule phrase must be backed by the tuning data (a phrase that only
// an evaluation set contains is tuning to the test), no evaluation line repeats a tuning line, and the frozen
// evaluation files are byte-for-byte the ones whose hashes were recorded before the changes they judge.
import { describe, expect, it } from 'vitest';
import {
  corpusCategories,
  DATA_DIR,
  FROZEN,
  readJsonl,
  lineKey,
  loadCorpus,
  loadLegacyEvaluationSets,
  loadTuningSets,
  sha256File,
} from '../../../../bench/triage/datasets';
import { lexiconPhrases, phraseOccurs } from './intent.rules';
import { normalizeText } from './text.normalize';

const tuning = loadTuningSets();
const evaluation = [...loadLegacyEvaluationSets(), ...loadCorpus()];

describe('triage data discipline', () => {
  it('every rule phrase matches at least one comment of the tuning data (dev-tune, tune2)', () => {
    const tokens = tuning.flatMap((s) => s.rows.map((r) => normalizeText(r.text).tokens));
    const unbacked = lexiconPhrases()
      .filter((p) => !tokens.some((t) => phraseOccurs(p, t)))
      .map((p) => `${p.intent ?? 'neutral'}/${p.langs || '*'}: ${p.phrase}`);
    expect(unbacked).toEqual([]);
  });

  it('the phrase check can fail: a phrase nobody wrote in the tuning data is reported', () => {
    const tokens = tuning.flatMap((s) => s.rows.map((r) => normalizeText(r.text).tokens));
    const p = { keys: ['zz', 'qxv', 'never', 'written'], prefix: false };
    expect(tokens.some((t) => phraseOccurs(p, t))).toBe(false);
  });

  it('no line of an evaluation set equals (normalized) a line of the tuning data', () => {
    const seen = new Set(tuning.flatMap((s) => s.rows.map((r) => lineKey(r.text))));
    const repeats = evaluation.flatMap((s) => s.rows.filter((r) => seen.has(lineKey(r.text))).map((r) => `${s.name} ${r.id}`));
    expect(repeats).toEqual([]);
  });

  it('show2 and show3 files hold no repeat of a tuning line; the corpus loader leaves out only a handful (short chatter)', () => {
    const seen = new Set(tuning.flatMap((s) => s.rows.map((r) => lineKey(r.text))));
    for (const file of ['comments-show2.jsonl', 'comments-show3.jsonl']) {
      expect(readJsonl(DATA_DIR + file).filter((r) => seen.has(lineKey(r.text))).map((r) => r.id)).toEqual([]);
    }
    for (const c of corpusCategories()) {
      const raw = readJsonl(`${DATA_DIR}corpus/${c}/comments.jsonl`).length;
      const kept = evaluation.find((s) => s.name === `corpus/${c}`)?.rows.length ?? 0;
      expect(raw - kept).toBeLessThanOrEqual(Math.ceil(raw * 0.03));
    }
  });

  it('the frozen evaluation files are the ones whose hashes were recorded', () => {
    for (const [file, hash] of Object.entries(FROZEN)) expect(`${file} ${sha256File(DATA_DIR + file)}`).toBe(`${file} ${hash}`);
  });
});
