import { describe, expect, it } from 'vitest';
import { createTriage } from './triage.service';
import { GLOW_CATALOG } from './triage.fixtures';
import type { Intent } from './triage.types';

const triage = () => createTriage({ catalog: GLOW_CATALOG });

type Case = [text: string, intent: Intent, sku: string | null];
const CASES: Record<'en' | 'es' | 'pt' | 'id', Case[]> = {
  en: [
    ["+1 berry, I'll take 2", 'order', 'LIP-TINT-BERRY'],
    ['does the serum have fragrance?', 'question', 'GLW-SER-30'],
    ['the checkout link is broken 😡', 'complaint', null],
    ['earn $500 a day from home, link in bio', 'spam', null],
    ['hello from manila 👋 love this live', 'other', null],
  ],
  es: [
    ['quiero el tinte rojo porfa', 'order', 'LIP-TINT-RED'],
    ['¿cuánto cuesta el kit?', 'question', 'BNDL-GLOW-KIT'],
    ['me cobraron dos veces y nadie contesta', 'complaint', null],
    ['sígueme y te sigo, todo en mi perfil', 'spam', null],
    ['holaaa saludos desde Lima, qué bonita', 'other', null],
  ],
  pt: [
    ['quero 2 do vermelho pfv', 'order', 'LIP-TINT-RED'],
    ['quanto custa o kit?', 'question', 'BNDL-GLOW-KIT'],
    ['meu pedido não chegou até hoje', 'complaint', null],
    ['ganhe R$500 por dia sem sair de casa, link na bio', 'spam', null],
    ['boa noite gente, amo essa live', 'other', null],
  ],
  id: [
    ['kak aku mau yang merah 1 ya', 'order', 'LIP-TINT-RED'],
    ['ongkir ke Medan berapa kak?', 'question', null],
    ['kak link nya gak bisa dibuka', 'complaint', null],
    ['slot gacor hari ini maxwin, cek bio', 'spam', null],
    ['halo kak, salam dari Surabaya', 'other', null],
  ],
};

describe('createTriage().classify', () => {
  for (const [lang, cases] of Object.entries(CASES)) {
    describe(lang, () => {
      it.each(cases)('%s → %s', (text, intent, sku) => {
        const r = triage().classify({ text });
        expect(r.intent).toBe(intent);
        expect(r.sku).toBe(sku);
        expect(r.lang).toBe(lang);
        expect(r.confidence).toBeGreaterThan(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(r.reasons.length).toBeGreaterThan(0);
      });
    });
  }

  it('slang, short forms and typos', () => {
    const t = triage();
    expect(t.classify({ text: 'sold' }).intent).toBe('order');
    expect(t.classify({ text: 'SOOOLD!!! #3' }).sku).toBe('SPF-50-STK');
    expect(t.classify({ text: 'mine 🙋‍♀️ nude' }).intent).toBe('order');
    expect(t.classify({ text: 'i neeeeed the serum' }).intent).toBe('order');
    expect(t.classify({ text: 'kiero el rojo' }).intent).toBe('order');
    expect(t.classify({ text: 'qro o vermelho' }).intent).toBe('order');
    expect(t.classify({ text: 'mw 1 sis' }).intent).toBe('order');
    expect(t.classify({ text: '#1' }).intent).toBe('order');
  });

  it('offer code and pinned product', () => {
    const t = triage();
    const r = t.classify({ text: 'code LIVEGLOW says invalid 🙄' });
    expect(r.intent).toBe('complaint');
    expect(r.offerCode).toBe('LIVEGLOW');
    expect(r.sku).toBe('BNDL-GLOW-KIT');
    const p = t.classify({ text: 'yang ini kak, mau 1', pinnedSku: 'SPF-50-STK' });
    expect(p.intent).toBe('order');
    expect(p.sku).toBe('SPF-50-STK');
    // an unknown pinned SKU is ignored
    expect(t.classify({ text: 'this one!!', pinnedSku: 'NOPE' }).sku).toBeNull();
    // "#2" alone is ambiguous between the colours
    expect(t.classify({ text: '#2 pls' }).sku).toBeNull();
  });

  it('emoji-only comments', () => {
    const t = triage();
    const love = t.classify({ text: '😍😍😍' });
    expect(love.intent).toBe('other');
    expect(love.lang).toBe('und');
    expect(t.classify({ text: '🛒✅' }).intent).toBe('order');
    expect(t.classify({ text: '😡😡' }).intent).toBe('complaint');
  });

  it('10 KB of text stays fast and sane', () => {
    const t = triage();
    const big = ('i want the red one, is shipping free? ' + 'lorem ipsum dolor sit amet '.repeat(10)).repeat(40).slice(0, 10_240);
    expect(big.length).toBe(10_240);
    const t0 = performance.now();
    const r = t.classify({ text: big });
    const ms = performance.now() - t0;
    // A guard against runaway (backtracking) patterns, not a speed target: speed is `npm run bench -- triage`.
    expect(ms).toBeLessThan(1000);
    expect(r.intent).toBeTypeOf('string');
  });

  it('HTML is treated as text (never echoed into reasons)', () => {
    const t = triage();
    const r = t.classify({ text: '<b>quiero</b> el <i>rojo</i>' });
    expect(r.intent).toBe('order');
    expect(r.sku).toBe('LIP-TINT-RED');
    const x = t.classify({ text: '<img src=x onerror=alert(1)> <a href="http://win.xyz">WIN</a>' });
    expect(x.intent).toBe('spam');
    expect(x.reasons.join(' ')).not.toMatch(/[<>]/);
  });

  it('RTL and other scripts do not crash', () => {
    const t = triage();
    for (const text of ['مرحبا بالجميع ❤️', 'שלום\u200F כולם', '\u202Eevil\u202C', 'привет 👋', '你好', '\u0000\uFFFF', '']) {
      const r = t.classify({ text });
      expect(['order', 'question', 'complaint', 'spam', 'other']).toContain(r.intent);
      expect(Number.isFinite(r.confidence)).toBe(true);
    }
    expect(t.classify({ text: 'مرحبا بالجميع ❤️' }).intent).toBe('other');
  });

  it('works with an empty catalog (before a show is loaded)', () => {
    const t = createTriage({ catalog: { products: [], offers: [] } });
    const r = t.classify({ text: 'quiero el rojo', lang: 'es' });
    expect(r.intent).toBe('order');
    expect(r.sku).toBeNull();
    expect(r.offerCode).toBeNull();
    expect(r.lang).toBe('es');
  });

  it('rejects a malformed catalog', () => {
    expect(() => createTriage({ catalog: {} as never })).toThrow(TypeError);
  });

  it('bad input does not throw', () => {
    const t = triage();
    expect(() => t.classify({ text: undefined as unknown as string })).not.toThrow();
    expect(() => t.classify({ text: 42 as unknown as string, lang: 'xx' })).not.toThrow();
  });

  it('reports low confidence through confidence only, keeping the best guess', () => {
    const t = createTriage({ catalog: GLOW_CATALOG, unsureBelow: 0.99 });
    const r = t.classify({ text: 'ok' });
    expect(r.confidence).toBeLessThan(0.99);
    expect(r.intent).toBe('other');
    expect(t.stats().unsure).toBe(1);
    expect(t.stats().unsureBelow).toBe(0.99);
    expect(triage().unsureBelow).toBe(0.55);
  });
});

describe('createTriage().learn', () => {
  it('a correction changes a later classification of that and similar comments', () => {
    const t = triage();
    const text = 'the ribbon on the box is wonky';
    expect(t.classify({ text }).intent).not.toBe('complaint');
    t.learn(text, 'complaint');
    const after = t.classify({ text });
    expect(after.intent).toBe('complaint');
    expect(after.reasons.some((r) => r.startsWith('learned from corrections'))).toBe(true);
    expect(t.classify({ text: 'ribbon on my box was wonky' }).intent).toBe('complaint');
    // unrelated comments keep their label
    expect(t.classify({ text: '+1 nude' }).intent).toBe('order');
    expect(t.classify({ text: 'hello from texas' }).intent).toBe('other');
    const s = t.stats();
    expect(s.learned).toBe(1);
    expect(s.learnedByIntent.complaint).toBe(1);
    expect(s.modelWeightsTouched).toBeGreaterThan(0);
  });

  it('learning is per instance (no shared state)', () => {
    const a = triage();
    const b = triage();
    a.learn('wen lambo', 'spam');
    a.learn('wen lambo', 'spam');
    expect(a.classify({ text: 'wen lambo' }).intent).toBe('spam');
    expect(b.classify({ text: 'wen lambo' }).intent).toBe('other');
  });

  it('takes 500 corrections in a row and keeps each (its cost is measured by `npm run bench -- triage`)', () => {
    const t = triage();
    const n = 500;
    for (let i = 0; i < n; i++) t.learn(`kak aku mau yang merah ${i} ya, transfer nanti malam`, i % 2 ? 'order' : 'question');
    expect(t.classify({ text: 'kak aku mau yang merah 499 ya, transfer nanti malam' }).intent).toBe('order');
    expect(t.classify({ text: 'kak aku mau yang merah 498 ya, transfer nanti malam' }).intent).toBe('question');
  });

  it('rejects an unknown intent', () => {
    expect(() => triage().learn('x', 'nonsense' as Intent)).toThrow(TypeError);
  });
});
