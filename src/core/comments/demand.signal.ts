// Demand signals: "+1", "mine", "sold", "quero", "yo quiero", "aku mau" — orders that ask for no
// reply. They are counted per SKU and closed at once (unless the show turns that off), so the
// moderators' queues hold only what needs a person.
export const DEMAND_REASON = 'demand signal: counted per SKU, no reply needed';

const PHRASES = new Set([
  'mine', 'sold', 'me', 'me too', 'want', 'i want', 'i want it', 'i want one', 'want one', 'take my money', "i'll take it", 'ill take it', 'need', 'need it', 'yes', 'buy', 'buying',
  'quero', 'eu quero', 'quero um', 'quero uma', 'meu', 'minha', 'vendido', 'vendida', 'comprei', 'eu', 'eu também', 'eu tambem', 'pra mim',
  'quiero', 'yo quiero', 'yo', 'mío', 'mio', 'mía', 'mia', 'lo quiero', 'para mí', 'para mi', 'yo también', 'yo tambien',
  'mau', 'aku mau', 'saya mau', 'beli', 'aku beli', 'pesan', 'ambil', 'order', 'co', 'checkout', 'keep',
]);

/** Normalised: lower case, emoji and punctuation gone, quantities ("2", "x2") dropped. */
export function normaliseDemand(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/[!?.,;:…"“”()]+/gu, ' ')
    .split(/\s+/u)
    .filter((w) => w !== '' && !/^x?\d+x?$/u.test(w))
    .join(' ');
}

export function isDemandSignal(text: string): boolean {
  if (text.length > 40) return false;
  if (/^\s*(\+1\s*)+[!\s]*$/u.test(text)) return true;
  const t = normaliseDemand(text);
  return t !== '' && PHRASES.has(t);
}
