import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { GLOW_CATALOG } from './triage.fixtures';
import { deserializeTriageModel, prepare, serializeTriageModel, supportRates, trainTriageModel, type TrainingExample } from './triage.model';
import { loadTriageModelFile, shippedModelPath } from './triage.model-file';
import { createTriage } from './triage.service';

// Invented lines (no evaluation set's text): enough for each intent and sub-intent to be learnable.
const rows: TrainingExample[] = [
  ...['the pay button does nothing', 'checkout page just spins', 'card got declined twice', 'payment link is broken', 'cant pay, error at checkout', 'voucher code says invalid'].map((text) => ({ text, intent: 'complaint' as const, sub: 'checkout' })),
  ...['the strap snapped on day one', 'zip came off already', 'left side hums', 'arrived scratched all over', 'the lid cracked', 'stopped charging after a week'].map((text) => ({ text, intent: 'complaint' as const, sub: 'defect' })),
  ...['please cancel my order', 'i want my money back', 'refund please it never worked', 'how do i return it', 'cancel it pls', 'can i get a refund'].map((text) => ({ text, intent: 'complaint' as const, sub: 'cancel_refund' })),
  ...['mine!!', 'i will take two', 'add one to my cart', 'sold, one for me', 'want it now', 'buying the blue'].map((text) => ({ text, intent: 'order' as const, sub: 'buy' })),
  ...['hold one for me', 'save me one pls', 'reserve a blue for me', 'keep one aside', 'put one on hold for me', 'hold me two'].map((text) => ({ text, intent: 'order' as const, sub: 'reserve' })),
  ...['how much is it', 'do you ship abroad?', 'what sizes are there', 'is it waterproof?', 'how long is delivery', 'which one is lighter?'].map((text) => ({ text, intent: 'question' as const })),
  ...['follow me for free gifts', 'check my profile', 'earn 500 a day from home', 'dm me for cheap followers', 'click link in bio', 'win a free phone'].map((text) => ({ text, intent: 'spam' as const })),
  ...['hello everyone', 'love this show', 'good evening from Lisbon', 'haha you are funny', 'wow so pretty', 'first time here'].map((text) => ({ text, intent: 'other' as const })),
];
const model = trainTriageModel([{ catalog: GLOW_CATALOG, rows }], { folds: 3, epochs: 20 });
const dir = mkdtempSync(join(tmpdir(), 'baton-model-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('triage model', () => {
  it('classifies with rules + model, gives a sub-intent and names the model’s features among the reasons', () => {
    const t = createTriage({ catalog: GLOW_CATALOG, model });
    const r = t.classify({ text: 'the pay button does nothing at all' });
    expect(r.intent).toBe('complaint');
    expect(r.sub).toBe('checkout');
    expect(r.reasons.some((x) => x.startsWith('model: '))).toBe(true);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(t.classify({ text: 'hold one for me please' }).sub).toBe('reserve');
  });

  it('round-trips through its file format and refuses anything else', () => {
    const again = deserializeTriageModel(serializeTriageModel(model));
    const a = createTriage({ catalog: GLOW_CATALOG, model }).classify({ text: 'refund please' });
    const b = createTriage({ catalog: GLOW_CATALOG, model: again }).classify({ text: 'refund please' });
    expect(b).toEqual(a);
    expect(() => deserializeTriageModel(new TextEncoder().encode('{"magic":"nope"}\n'))).toThrow(TypeError);
    expect(() => deserializeTriageModel(new Uint8Array([1, 2, 3]))).toThrow(TypeError);
  });

  it('keeps a per-language calibration (fitted out of fold) through its file and refuses a damaged one', () => {
    expect(Object.keys(model.stack.langBias ?? {})).toContain('en');
    const again = deserializeTriageModel(serializeTriageModel(model));
    expect(again.stack.langBias).toEqual(model.stack.langBias);
    const bytes = serializeTriageModel({ ...model, stack: { ...model.stack, langBias: { en: [1, 2] } } });
    expect(() => deserializeTriageModel(bytes)).toThrow(/language calibration/);
  });

  it('a missing, damaged or disabled model file leaves the rules deciding, with the reason', () => {
    expect(loadTriageModelFile(join(dir, 'none.bin.gz'))).toMatchObject({ model: null, problem: expect.stringContaining('no triage model') });
    writeFileSync(join(dir, 'bad.bin.gz'), gzipSync(Buffer.from('garbage')));
    expect(loadTriageModelFile(join(dir, 'bad.bin.gz'))).toMatchObject({ model: null, problem: expect.stringContaining('not loaded') });
    writeFileSync(join(dir, 'good.bin.gz'), gzipSync(serializeTriageModel(model)));
    expect(loadTriageModelFile(join(dir, 'good.bin.gz')).model).not.toBeNull();
    expect(shippedModelPath({ BATON_TRIAGE_MODEL: 'off' })).toBeNull();
  });

  it('the shipped model (npm run triage:model) loads, knows the sub-intents and reads a checkout report', () => {
    const { model: shipped, problem } = loadTriageModelFile(shippedModelPath({}, process.cwd()));
    expect(problem).toBeNull();
    expect(shipped?.examples).toBeGreaterThan(5000);
    expect(shipped?.sub?.classes).toContain('checkout');
    const r = createTriage({ catalog: GLOW_CATALOG, model: shipped }).classify({ text: 'the pay button does nothing, tried 3 times' });
    expect(r).toMatchObject({ intent: 'complaint', sub: 'checkout' });
  });

  it('training is deterministic', () => {
    const again = trainTriageModel([{ catalog: GLOW_CATALOG, rows }], { folds: 3, epochs: 20 });
    expect(Buffer.compare(Buffer.from(serializeTriageModel(again)), Buffer.from(serializeTriageModel(model)))).toBe(0);
  });

  it('fits the stack per class by default (rules trusted more for one class than another), keeps it through its file and refuses a damaged one', () => {
    expect(model.stack.classA).toHaveLength(5);
    expect(model.stack.classB).toHaveLength(5);
    expect(new Set(model.stack.classB).size).toBeGreaterThan(1);
    const again = deserializeTriageModel(serializeTriageModel(model));
    expect(again.stack.classA).toEqual(model.stack.classA);
    expect(again.stack.classB).toEqual(model.stack.classB);
    const bytes = serializeTriageModel({ ...model, stack: { ...model.stack, classB: [1, 2] } });
    expect(() => deserializeTriageModel(bytes)).toThrow(/per-class stack/);
    const shared = trainTriageModel([{ catalog: GLOW_CATALOG, rows }], { folds: 3, epochs: 20, perClassStack: false });
    expect(shared.stack.classA).toBeUndefined();
    expect(createTriage({ catalog: GLOW_CATALOG, model: shared }).classify({ text: 'the pay button does nothing at all' }).intent).toBe('complaint');
  });

  it('keeps each comment with a question mark also without it, and learns from both when asked (bareCopies)', () => {
    const [asked, plain] = prepare([{ catalog: GLOW_CATALOG, rows: [{ text: '¿is it waterproof?', intent: 'question' }, { text: 'how much is it', intent: 'question' }] }]);
    expect(plain?.bare).toBeUndefined();
    expect(asked?.bare).toBeDefined();
    // without the mark the rules no longer see a question's ending, and the features differ only by what the mark gave
    expect(asked!.bare!.rules[1]).toBeLessThan(asked!.rules[1]!);
    expect(asked!.bare!.x.n).toBeLessThan(asked!.x.n);
    const withCopies = trainTriageModel([{ catalog: GLOW_CATALOG, rows }], { folds: 3, epochs: 20, bareCopies: true });
    expect(Buffer.compare(Buffer.from(serializeTriageModel(withCopies)), Buffer.from(serializeTriageModel(model)))).not.toBe(0);
    expect(createTriage({ catalog: GLOW_CATALOG, model: withCopies }).classify({ text: 'is it waterproof' }).intent).toBe('question');
  });

  it('counts how many catalogs use a feature (catalogSupport): a word of one shop steps slower than a word of three', () => {
    const shop = (n: number): typeof GLOW_CATALOG => ({ ...GLOW_CATALOG, products: GLOW_CATALOG.products.map((p) => ({ ...p, sku: `${p.sku}-${n}` })) });
    // 'arrived' is written for three shops, 'zzqx' for one; 'broken' twice in one shop still counts one shop
    const data = prepare([
      { catalog: shop(1), rows: [{ text: 'arrived broken', intent: 'complaint' }, { text: 'broken zzqx', intent: 'complaint' }] },
      { catalog: shop(2), rows: [{ text: 'arrived late', intent: 'complaint' }] },
      { catalog: shop(3), rows: [{ text: 'arrived today', intent: 'other' }] },
    ]);
    const rate = supportRates(data, 3, 1, 18);
    const wordRow = (text: string): number => prepare([{ catalog: shop(9), rows: [{ text, intent: 'other' }] }])[0]!.x.idx[0]! & ((1 << 18) - 1);
    expect(rate[wordRow('arrived')]).toBe(1);
    expect(rate[wordRow('broken')]).toBeCloseTo(1 / 3, 6);
    expect(rate[wordRow('zzqx')]).toBeCloseTo(1 / 3, 6);
    expect(supportRates(data, 3, 2, 18)[wordRow('zzqx')]).toBeCloseTo(1 / 9, 6);
    // a model trained with it differs from one without, and still reads the toy comments
    const groups = [1, 2, 3].map((n) => ({ catalog: shop(n), rows: rows.filter((_, i) => i % 3 === n - 1) }));
    const plain = trainTriageModel(groups, { folds: 3, epochs: 20 });
    const spread = trainTriageModel(groups, { folds: 3, epochs: 20, catalogSupport: 3 });
    expect(Buffer.compare(Buffer.from(serializeTriageModel(spread)), Buffer.from(serializeTriageModel(plain)))).not.toBe(0);
    expect(createTriage({ catalog: shop(1), model: spread }).classify({ text: 'the pay button does nothing' }).intent).toBe('complaint');
  });
});
