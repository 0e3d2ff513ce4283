import { describe, expect, it } from 'vitest';
import { onScreenCue } from './sku.on-screen';
import { compileSkuMatcher } from './sku.matcher';
import { skuInContext } from './sku.context';
import { normalizeText } from './text.normalize';
import { GLOW_CATALOG } from './triage.fixtures';
import type { Intent } from './triage.types';

const cue = (t: string) => onScreenCue(normalizeText(t));
const m = compileSkuMatcher(GLOW_CATALOG);
const PINNED = 'GLW-SER-30';
const inContext = (t: string, intent: Intent, pinned: string | null = PINNED) => skuInContext(m.match(normalizeText(t), pinned), intent, pinned);

describe('sku.on-screen: a comment about the product on screen that names nothing (labelling rule v2)', () => {
  it('finds a word standing for the product in each language', () => {
    expect(cue('does it sting on dry skin?')).toBe('pronoun');
    expect(cue('ela arde na pele seca?')).toBe('pronoun');
    expect(cue('lo tienen para piel grasa?')).toBe('pronoun');
    expect(cue('quiero probarlo ya')).toBe('pronoun');
    expect(cue('teksturnya lengket ga kak')).toBe('pronoun');
    expect(cue('itu satu ya kak')).toBe('pronoun');
  });

  it('does not read a dummy "it", an article "la" or an adverb "-nya" as the product', () => {
    expect(cue('what time is it there?')).toBeNull();
    expect(cue('is it raining there?')).toBeNull();
    expect(cue('la semana que viene?')).toBe('question');
    expect(cue('sebenarnya aku bingung')).toBe('question');
  });

  it('a question about shipping, payment, codes, the show or the host is not about the product', () => {
    for (const t of ['do you ship to peru?', 'aceita pix?', 'cod bisa kak?', 'when is the next live?', 'de donde eres?', 'el codigo sirve?']) expect(cue(t)).toBeNull();
  });

  it('Spanish "cuánto sale" asks the price (salir, to cost), a sale is still not the product (session 16)', () => {
    for (const t of ['cuánto sale?', 'a cuanto sale kak', 'y cuánto me sale?']) expect(cue(t)).toBe('question');
    expect(inContext('cuanto sale?', 'question')).toMatchObject({ sku: PINNED });
    // "este cuánto sale": the pointing word is the product, not the show's sale
    expect(m.match(normalizeText('este cuanto sale'), PINNED)).toMatchObject({ sku: PINNED, deictic: true });
    for (const t of ['hay sale hoy?', 'is there a sale today?', 'esta sale termina cuando?']) expect(cue(t)).toBeNull();
    expect(m.match(normalizeText('this sale is crazy'), PINNED).sku).toBeNull();
    // shipping priced with "sale" is still shipping
    expect(cue('cuanto sale el envio?')).toBeNull();
  });

  it('arrival, invoices, gift wrapping and exchanges are the store\'s, not the product\'s (session 16)', () => {
    for (const t of ['cuanto tarda en llegar a lima', 'chega até sexta em recife?', 'berapa hari nyampe jakarta kak', 'hacen factura?', 'emite nota fatura?',
      'do you do gift wrapping?', 'can i get an invoice', 'bisa tuker size kalo ga muat?', 'can i exchange for a bigger size?', 'da pra trocar o tamanho?']) expect(cue(t)).toBeNull();
    // a duration of the product's own is still the product's; a word standing for it still wins
    for (const t of ['cuánto tarda en secar?', 'demora pra esquentar?']) expect(cue(t)).toBe('question');
    expect(cue('does it come with a receipt?')).toBe('pronoun');
  });

  it('a duration counted in hours is the product\'s, the time of day is not', () => {
    for (const t of ['how many hours does the battery last', 'tahan brp jam kak', 'cuantas horas dura', 'quantas horas aguenta?']) expect(cue(t)).toBe('question');
    for (const t of ['what time do you close', 'jam berapa kak', 'a que hora empieza']) expect(cue(t)).toBeNull();
  });

  it('a request for a recommendation among the products is not about the one on screen; "which size" / "qual cor" still are', () => {
    for (const t of ['which one works for oily skin', 'which ones best for travel', 'cual me recomiendas para piel seca', 'qual é melhor pra pele oleosa', 'do u have anything for acne', 'tienen algo para manchas', 'tem algo pra olheiras', 'ada produk buat kulit kering ga kak']) {
      expect(cue(t)).toBeNull();
    }
    for (const t of ['which size should i get', 'qual cor é mais bonita?', 'qual a validade dele', 'cual es el precio?', 'qual é o preço?']) expect(cue(t)).not.toBeNull();
  });

  it('"-nya" on "berikut" (next) is no product, nor is a plural shipping word', () => {
    expect(cue('live berikutnya kapan kak')).toBeNull();
    expect(cue('hacen envios a peru?')).toBeNull();
  });

  it('a word standing for the product wins over a shipping word', () => {
    expect(cue('does it ship to peru?')).toBe('pronoun');
  });
});

describe('sku.context with the on-screen cue', () => {
  it('a question naming nothing while a product is pinned is about the pinned product, with the reason shown', () => {
    const r = inContext('how long does a bottle last?', 'question');
    expect(r.sku).toBe(PINNED);
    expect(r.reason).toContain('pinned');
    expect(inContext('harganya berapa kak', 'question').sku).toBe(PINNED);
  });

  it('an order with a word standing for the product takes the pinned product; a bare order only assumes it', () => {
    expect(inContext("i'll take it", 'order').sku).toBe(PINNED);
    const bare = inContext('+1', 'order');
    expect(bare.sku).toBeNull();
    expect(bare.contextSku).toBe(PINNED);
  });

  it('not for complaints, off-product questions, chatter, spam, or with nothing pinned', () => {
    expect(inContext('it arrived broken', 'complaint').sku).toBeNull();
    expect(inContext('do you ship to peru?', 'question').sku).toBeNull();
    expect(inContext('love it', 'other').sku).toBeNull();
    expect(inContext('is it free? follow me', 'spam').sku).toBeNull();
    expect(inContext('how long does a bottle last?', 'question', null).sku).toBeNull();
  });

  it('a complaint whose only cue is a bare demonstrative names nothing: the pinned one assumed, not matched (session 16)', () => {
    for (const t of ['esse veio vazando', 'this broke after a week', 'falou desse muito rápido, volta']) {
      expect(inContext(t, 'complaint')).toMatchObject({ sku: null, contextSku: PINNED });
      expect(inContext(t, 'complaint').reason).toContain('a complaint');
    }
    // the same words in an order or a question still point; a pointing phrase in a complaint still does
    expect(inContext('quero esse', 'order').sku).toBe(PINNED);
    expect(inContext('does this sting?', 'question').sku).toBe(PINNED);
    expect(inContext("the one you're holding arrived broken", 'complaint').sku).toBe(PINNED);
  });

  it('instalments and wallets are the store\'s (payment), not the product (session 18)', () => {
    for (const t of ['pagan en cuotas?', 'tiene meses sin intereses?', 'dá pra parcelar em 3x sem juros?', 'parcelado no cartão?', 'can i pay in installments?',
      'do you take afterpay?', 'aceptan yape?', 'puedo pagar en oxxo?', 'bisa qris kak?']) {
      expect(cue(t), t).toBeNull();
    }
    // still about the product: whether it is effective, worth the money, what it holds
    expect(cue('es efectivo?')).toBe('question');
    expect(cue('vale o dinheiro?')).toBe('question');
    expect(cue('how much weight can it hold?')).toBe('pronoun');
  });

  it('"-nya" on the stream\'s camera, sound, music or video and "se congela" are the show\'s, not a word for the product (session 18)', () => {
    for (const t of ['kak kameranya bisa dideketin?', 'musiknya bisa dikecilin?', 'videonya kok putus2?']) expect(cue(t), t).toBeNull();
    for (const t of ['otra vez se congela todo', 'cancela mi compra porfa', 'kak suaranya ilang']) expect(cue(t), t).not.toBe('pronoun');
    expect(inContext('kak kameranya bisa dideketin?', 'question').sku).toBeNull();
    // "-nya" on the product's own parts and attributes still stands for it
    expect(cue('warnanya ada yg lain?')).toBe('pronoun');
    expect(cue('lampunya terang ga?')).toBe('pronoun');
  });

  it('a named product still beats the pinned one', () => {
    expect(inContext('does the sun stick sting?', 'question').sku).toBe('SPF-50-STK');
  });
});
