import { describe, expect, it } from 'vitest';
import { compileLangDetector, normalizeLangHint } from './lang.detect';
import { normalizeText } from './text.normalize';

const d = compileLangDetector();
const detect = (t: string, hint?: string | null): string => d.detect(normalizeText(t), hint).lang;

describe('lang.detect', () => {
  it.each([
    ['is the serum safe for sensitive skin?', 'en'],
    ['i want the red one pls', 'en'],
    ['quiero el rojo porfa', 'es'],
    ['¿cuánto cuesta el envío?', 'es'],
    ['eu quero o vermelho, quanto tá?', 'pt'],
    ['não chegou ainda kkkk', 'pt'],
    ['kak aku mau yang merah 1 ya', 'id'],
    ['serumnya ada wanginya gak?', 'id'],
  ])('%s → %s', (text, lang) => {
    expect(detect(text)).toBe(lang);
  });

  it('returns und when there is no evidence', () => {
    expect(detect('😍😍😍')).toBe('und');
    expect(detect('+1')).toBe('und');
    expect(detect('#2')).toBe('und');
  });

  it('uses a valid hint and ignores an unknown one', () => {
    expect(detect('+1', 'pt-BR')).toBe('pt');
    expect(detect('quiero el rojo', 'fr')).toBe('es');
    expect(normalizeLangHint('in')).toBe('id');
    expect(normalizeLangHint(null)).toBeNull();
  });

  it('lists a close second language as plausible', () => {
    const g = d.detect(normalizeText('no me ha llegado nada'));
    expect(g.lang).toBe('es');
    expect(g.plausible.has('es')).toBe(true);
  });
});
