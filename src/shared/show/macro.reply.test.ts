import { describe, expect, it } from 'vitest';
import { macroRepliesFor, macroReply, type Macro } from './macro.reply';

const howToBuy: Macro = {
  id: 'how-to-buy',
  label: 'How to buy',
  text: 'Tap the pinned Glow Kit; LIVEGLOW is applied at checkout.',
  texts: { pt: 'Toque no Glow Kit fixado; o LIVEGLOW entra no checkout.', es: 'Toca el Glow Kit fijado; LIVEGLOW se aplica al pagar.' },
  offerId: 'glow-kit-live',
  paused: { text: 'The Glow Kit deal is paused for a moment — we will say when it is back.', texts: { pt: 'A oferta do Glow Kit está pausada por um momento.' } },
};

describe('macroReply', () => {
  it('answers in the comment’s language when the show approved one, base language included', () => {
    expect(macroReply(howToBuy, 'pt', new Set())).toMatchObject({ ok: true, lang: 'pt', variant: 'normal', text: expect.stringContaining('Toque') });
    expect(macroReply(howToBuy, 'pt-BR', new Set())).toMatchObject({ lang: 'pt' });
    expect(macroReply(howToBuy, 'de', new Set())).toMatchObject({ lang: null, text: howToBuy.text });
    expect(macroReply(howToBuy, null, new Set())).toMatchObject({ lang: null, text: howToBuy.text });
  });

  it('swaps an offer’s macro for the approved paused text while the offer is paused, and never offers the paused code', () => {
    const paused = new Set(['glow-kit-live']);
    const r = macroReply(howToBuy, 'pt', paused);
    expect(r).toMatchObject({ ok: true, variant: 'paused', lang: 'pt' });
    expect(macroReply(howToBuy, 'es', paused)).toMatchObject({ ok: true, variant: 'paused', lang: null, text: howToBuy.paused?.text });
    expect(JSON.stringify(macroReply(howToBuy, 'en', paused))).not.toContain('LIVEGLOW');
    const { paused: _none, ...bare } = howToBuy;
    expect(macroReply(bare, 'en', paused)).toMatchObject({ ok: false });
  });
});

describe('macroRepliesFor (what a bulk answer sends)', () => {
  it('gives a mixed selection every text that goes out, with how many items get it; unknown and unapproved languages share the base text', () => {
    const r = macroRepliesFor(howToBuy, ['pt', 'en', 'pt-BR', null, 'de'], new Set());
    expect(r).toEqual({
      ok: true,
      variant: 'normal',
      groups: [
        { text: howToBuy.text, lang: null, items: 3 },
        { text: howToBuy.texts?.['pt'], lang: 'pt', items: 2 },
      ],
    });
  });

  it('is one text for a one-language selection, the paused variant while the offer is paused, and refused when a tied macro has no paused text', () => {
    const paused = new Set(['glow-kit-live']);
    expect(macroRepliesFor(howToBuy, ['pt', 'pt'], paused)).toEqual({ ok: true, variant: 'paused', groups: [{ text: howToBuy.paused?.texts?.['pt'], lang: 'pt', items: 2 }] });
    expect(JSON.stringify(macroRepliesFor(howToBuy, ['pt', 'en', 'es'], paused))).not.toContain('LIVEGLOW');
    const { paused: _none, ...bare } = howToBuy;
    expect(macroRepliesFor(bare, ['en'], paused)).toMatchObject({ ok: false });
  });
});
