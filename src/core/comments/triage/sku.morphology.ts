// Word forms viewers build from a catalog word without the catalog saying so: Spanish/Portuguese diminutives and
// augmentatives ("azulito", "cinzinha", "roxão"), singulars of plural nouns, and numbers written as words (en/es/pt/id).
import { phraseKey as key } from './text.normalize';

/**
 * Diminutive and augmentative forms of one Spanish/Portuguese word (keys, already normalized): "verde" → verdecito,
 * verdinho, verdinha…; "chico" → chiquito; "azul" → azulito, azulzinho. English/Indonesian words get forms that no
 * viewer writes, which cost nothing. Words under four letters, or of several words, get none.
 */
export function diminutives(word: string): string[] {
  const w = key(word);
  if (w.length < 4 || w.includes(' ') || !/^[a-z]+$/.test(w)) return [];
  const out = new Set<string>();
  const last = w[w.length - 1] ?? '';
  const ends = ['ito', 'ita', 'itos', 'itas', 'inho', 'inha', 'inhos', 'inhas'];
  if ('aeo'.includes(last)) {
    let stem = w.slice(0, -1);
    // chico → chiqu-ito, largo → largu-ito (the sound kept before i)
    if (stem.endsWith('c')) stem = stem.slice(0, -1) + 'qu';
    else if (stem.endsWith('g')) stem = stem.slice(0, -1) + 'gu';
    for (const e of ends) out.add(stem + e);
    for (const e of ['zinho', 'zinha', 'cito', 'cita', 'citos', 'citas']) out.add(w + e);
    out.add(w.slice(0, -1) + 'ao'); // roxo → roxão (accent folded)
    out.add(w.slice(0, -1) + 'ona');
  } else {
    for (const e of ['ito', 'ita', 'itos', 'itas', 'zinho', 'zinha', 'zinhos', 'zinhas', 'cito', 'cita']) out.add(w + e);
  }
  out.delete(w);
  // the forms are plain letters already: only a doubled letter at the joint needs squashing, as keys do
  return [...out].map((f) => f.replace(/(.)\1+/g, '$1'));
}

/** The singular of a plural noun as a catalog row writes it ("brincos" → brinco, "argolas" → argola), or null. */
export function singularOf(word: string): string | null {
  const w = key(word);
  if (w.includes(' ') || w.length < 5 || !w.endsWith('s')) return null;
  if (w.endsWith('es') && w.length >= 6 && !'aeiou'.includes(w[w.length - 3] ?? '')) return w.slice(0, -2); // collares, relojes
  return w.slice(0, -1);
}

/** Numbers as words, 1–12 and some round ones, in the four languages (first the digits). */
const NUMBER_ROWS: ReadonlyArray<readonly [number, string]> = [
  [1, 'one | un | uno | una | um | uma | satu | se'],
  [2, 'two | dos | dois | duas | dua'],
  [3, 'three | tres | tres | tiga'],
  [4, 'four | cuatro | quatro | empat'],
  [5, 'five | cinco | lima'],
  [6, 'six | seis | enam'],
  [7, 'seven | siete | sete | tujuh'],
  [8, 'eight | ocho | oito | delapan'],
  [9, 'nine | nueve | nove | sembilan'],
  [10, 'ten | diez | dez | sepuluh'],
  [11, 'eleven | once | onze | sebelas'],
  [12, 'twelve | doce | doze | dua belas'],
  [15, 'fifteen | quince | quinze | lima belas'],
  [20, 'twenty | veinte | vinte | dua puluh'],
  [25, 'twenty five | veinticinco | vinte e cinco | dua puluh lima'],
  [30, 'thirty | treinta | trinta | tiga puluh'],
  [40, 'forty | cuarenta | quarenta | empat puluh'],
  [50, 'fifty | cincuenta | cinquenta | lima puluh'],
  [100, 'hundred | one hundred | cien | cem | seratus'],
];
const NUMBER_WORDS: ReadonlyMap<number, string[]> = new Map(NUMBER_ROWS.map(([n, row]) => [n, row.split('|').map((w) => key(w)).filter(Boolean)]));

/** Words for a number ("6" → six, seis, enam); none for numbers without words here. */
export function numberWords(n: number): string[] {
  return NUMBER_WORDS.get(n) ?? [];
}
