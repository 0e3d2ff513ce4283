import { describe, expect, it } from 'vitest';
import { GLOW_CATALOG } from './triage.fixtures';
import { deserializeTriageModel, serializeTriageModel, trainTriageModel, type TrainingExample } from './triage.model';
import { createTriage } from './triage.service';
import { skuInContext } from './sku.context';
import { compileSkuMatcher } from './sku.matcher';
import { normalizeText } from './text.normalize';
import { ON_SCREEN_MIN_PER_CLASS, onScreenApplies, onScreenTarget, trainOnScreenModel } from './sku.on-screen.model';

// Invented lines (no evaluation set's text), all naming nothing of GLOW_CATALOG while the sun stick is pinned: questions
// about the product's own attributes carry the pinned SKU, the rest (shipping, the host, an earlier order, chatter) none.
const PINNED = 'SPF-50-STK';
const about = ['how much', 'what is the price', 'is it waterproof', 'does it come bigger', 'how do i use it', 'what does it come with', 'is it vegan',
  'how long does it last', 'does it smell nice', 'good for oily skin?', 'what is the texture like', 'is it sticky', 'can kids use it', 'still available?',
  'any stock left?', 'is it long lasting', 'does it have fragrance', 'what are the ingredients', 'how many grams', 'is it original', 'harganya berapa kak',
  'cuanto cuesta', 'quanto custa'];
const elsewhere = ['do you ship to chile', 'when is the next live', 'my order never arrived', 'what is your name', 'hello from brazil', 'love your hair',
  'is payment by card ok', 'where is my refund', 'the host is funny', 'good night all', 'what song is this', 'how long is delivery to lisbon',
  'do you accept paypal', 'my package came late', 'can i pay later', 'first time watching', 'where are you from', 'happy birthday mom',
  'is there a giveaway', 'the stream is lagging', 'kapan live lagi', 'hola a todos', 'boa noite gente'];
const intentOf = (t: string): TrainingExample['intent'] =>
  /never arrived|refund|came late|lagging/.test(t) ? 'complaint' : /\?|^(how|what|is|does|can|do|when|where|any|harga|cuanto|quanto|kapan)/.test(t) ? 'question' : 'other';
const rows: TrainingExample[] = [
  ...about.map((text) => ({ text, intent: intentOf(text), pinnedSku: PINNED, sku: PINNED })),
  ...elsewhere.map((text) => ({ text, intent: intentOf(text), pinnedSku: PINNED, sku: null })),
  // a row without a v2 label teaches the step nothing; a row labelled another product is not this step's business
  { text: 'how much is the lip tint', intent: 'question', pinnedSku: PINNED, sku: 'LIP-TINT-RED' },
  { text: 'mine!!', intent: 'order', sub: 'buy', pinnedSku: PINNED },
  { text: 'hold one for me', intent: 'order', sub: 'reserve', pinnedSku: PINNED },
  { text: 'follow me for free gifts', intent: 'spam' },
];
const model = trainTriageModel([{ catalog: GLOW_CATALOG, rows }], { folds: 3, epochs: 20, onScreen: { epochs: 30, dropout: 0 } });

describe('the learned "about the product on screen" step', () => {
  it('is trained into the triage model from rows carrying a v2 label, and decides with its probability in the reason', () => {
    expect(model.onScreen).toBeTruthy();
    const t = createTriage({ catalog: GLOW_CATALOG, model });
    const r = t.classify({ text: 'is it waterproof', pinnedSku: PINNED });
    expect(r.sku).toBe(PINNED);
    expect(r.reasons.some((x) => /^sku: about the product on screen \(model (0\.\d\d|1\.00)(; a word standing for the product on screen)?\), none named → pinned SPF-50-STK$/.test(x))).toBe(true);
    const off = t.classify({ text: 'do you ship to chile', pinnedSku: PINNED });
    expect(off.sku).toBeNull();
    // nothing pinned: the step does not apply
    expect(t.classify({ text: 'is it waterproof' }).sku).toBeNull();
  });

  it('round-trips through the model file with its threshold', () => {
    const again = deserializeTriageModel(serializeTriageModel(model));
    expect(again.onScreen?.threshold).toBe(model.onScreen?.threshold);
    for (const text of ['is it waterproof', 'what is your name', 'how much', 'mine!!']) {
      const a = createTriage({ catalog: GLOW_CATALOG, model }).classify({ text, pinnedSku: PINNED });
      const b = createTriage({ catalog: GLOW_CATALOG, model: again }).classify({ text, pinnedSku: PINNED });
      expect(b).toEqual(a);
    }
  });

  it('a model file without the step loads and falls back to the rule cue', () => {
    const old = deserializeTriageModel(serializeTriageModel({ ...model, onScreen: null }));
    expect(old.onScreen).toBeNull();
    const r = createTriage({ catalog: GLOW_CATALOG, model: old }).classify({ text: 'is it waterproof?', pinnedSku: PINNED });
    expect(r.intent).toBe('question');
    expect(r.sku).toBe(PINNED);
    expect(r.reasons).toContain('sku: a word standing for the product on screen, none named → pinned SPF-50-STK');
    // a file written before the step existed has no "onScreen" key in its header at all
    const bytes = serializeTriageModel({ ...model, onScreen: null });
    const nl = bytes.indexOf(10);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, nl))) as Record<string, unknown>;
    delete header.onScreen;
    const head = new TextEncoder().encode(JSON.stringify(header) + '\n');
    const older = new Uint8Array(head.length + bytes.length - nl - 1);
    older.set(head, 0);
    older.set(bytes.subarray(nl + 1), head.length);
    expect(deserializeTriageModel(older).onScreen).toBeNull();
  });

  it('refuses a damaged step instead of loading half of it', () => {
    const bytes = serializeTriageModel(model);
    const nl = bytes.indexOf(10);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, nl))) as { onScreen: { threshold: unknown; length: number } };
    for (const change of [{ threshold: 7 }, { threshold: 'x' }, { length: header.onScreen.length * 4 }]) {
      const h = new TextEncoder().encode(JSON.stringify({ ...header, onScreen: { ...header.onScreen, ...change } }) + '\n');
      const out = new Uint8Array(h.length + bytes.length - nl - 1);
      out.set(h, 0);
      out.set(bytes.subarray(nl + 1), h.length);
      expect(() => deserializeTriageModel(out)).toThrow(TypeError);
    }
  });

  it('learns nothing from too few examples of a class (the rule cue stays)', () => {
    const x = { idx: new Int32Array([1, 2]), scale: 1, src: new Int32Array([0, 0]), n: 2 };
    const few = [...Array(ON_SCREEN_MIN_PER_CLASS - 1).fill({ x, y: 1 }), ...Array(50).fill({ x, y: 0 })];
    expect(trainOnScreenModel(few)).toBeNull();
    expect(trainOnScreenModel([...few, { x, y: 1 }])).not.toBeNull();
  });

  it('takes its target from the v2 label and applies only where nothing is named while a product is pinned', () => {
    expect(onScreenTarget(PINNED, PINNED)).toBe(1);
    expect(onScreenTarget(null, PINNED)).toBe(0);
    expect(onScreenTarget('LIP-TINT-RED', PINNED)).toBeNull();
    const m = compileSkuMatcher(GLOW_CATALOG);
    expect(onScreenApplies(m.match(normalizeText('does it come bigger'), PINNED), PINNED)).toBe(true);
    expect(onScreenApplies(m.match(normalizeText('does it come bigger'), null), null)).toBe(false);
    expect(onScreenApplies(m.match(normalizeText('is the lip tint waterproof'), PINNED), PINNED)).toBe(false);
    expect(onScreenApplies(m.match(normalizeText('this one please'), PINNED), PINNED)).toBe(false);
  });

  it('below its threshold: a question names none, a bare order keeps the pinned product as an assumption', () => {
    const m = compileSkuMatcher(GLOW_CATALOG).match(normalizeText('mine'), PINNED);
    const low = { p: 0.2, threshold: 0.5, veto: 0.3 };
    expect(skuInContext(m, 'order', PINNED, low)).toMatchObject({ sku: null, contextSku: PINNED });
    expect(skuInContext(m, 'question', PINNED, low)).toMatchObject({ sku: null, contextSku: null });
    expect(skuInContext(m, 'order', PINNED, { p: 0.9, threshold: 0.5, veto: 0.3 })).toMatchObject({ sku: PINNED, reason: 'sku: about the product on screen (model 0.90), none named → pinned SPF-50-STK' });
    expect(skuInContext(m, 'spam', PINNED, { p: 0.9, threshold: 0.5, veto: 0.3 }).sku).toBeNull();
  });

  it('lets the rule cue’s pick stand unless the model vetoes it', () => {
    const q = compileSkuMatcher(GLOW_CATALOG).match(normalizeText('how much?'), PINNED);
    expect(q.onScreen).toBe('question');
    expect(skuInContext(q, 'question', PINNED, { p: 0.45, threshold: 0.8, veto: 0.3 })).toMatchObject({
      sku: PINNED,
      reason: 'sku: about the product on screen (model 0.45; a question about the product on screen), none named → pinned SPF-50-STK',
    });
    expect(skuInContext(q, 'question', PINNED, { p: 0.25, threshold: 0.8, veto: 0.3 })).toMatchObject({ sku: null, contextSku: null });
    // a remark no cue makes a question about the product: only the model, when sure
    expect(skuInContext(q, 'other', PINNED, { p: 0.45, threshold: 0.8, veto: 0.3 }).sku).toBeNull();
    expect(skuInContext(q, 'other', PINNED, { p: 0.85, threshold: 0.8, veto: 0.3 }).reason).toBe('sku: about the product on screen (model 0.85), none named → pinned SPF-50-STK');
  });
});
