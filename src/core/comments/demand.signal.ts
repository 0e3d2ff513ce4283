// Demand: orders that ask for no reply ("+1", "mine", "I'll take the red", "quero o rosa", "aku mau
// yang merah"). A pure decision built on what triage already knows (intent order with its sub-tag,
// the SKU or offer it matched, the language) plus plain structural signals; anything uncertain stays a
// task, because a missed reply costs more than an extra task. Demand is counted per SKU and, unless
// the show says otherwise, closed on arrival with the reason written on the comment.
import type { TriageResult } from './triage/triage.types';
import { normalizeText, phraseKeys, wordKey } from './triage/text.normalize';

/** Every demand comment's first reason starts with this (the desk's figures and the tests read it). */
export const DEMAND_PREFIX = 'demand signal';
export const DEMAND_REASON = 'demand signal: counted per SKU, no reply needed';

/** What the show decides (show file `comments.demand`, validated there). */
export interface DemandPolicy {
  /** Close demand on arrival; off: counted, left open for a person. */
  autoClose: boolean;
  /** signals: the decision below; phrases: only the short fixed phrases ("+1", "mine", "quero"). */
  mode: 'signals' | 'phrases';
  /** Languages whose comments may be read as demand; others stay tasks. */
  languages: readonly string[];
  /** Order sub-tags that count (a reservation asks the team to hold one: a task unless the show adds it). */
  subs: readonly ('buy' | 'reserve')[];
  /** Triage confidence an order needs before it can be demand. */
  minConfidence: number;
}

export const DEFAULT_DEMAND_POLICY: DemandPolicy = { autoClose: true, mode: 'signals', languages: ['en', 'es', 'pt', 'id'], subs: ['buy'], minConfidence: 0.8 };

export interface DemandVerdict {
  /** Closed on arrival (policy.autoClose); else counted and left for a person. */
  close: boolean;
  /** The audit reason written first on the comment. */
  reason: string;
}

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

/** The short fixed phrases: "+1", "mine", "quero", "aku mau" alone (with quantities and emoji). */
export function isDemandSignal(text: string): boolean {
  if (text.length > 40) return false;
  if (/^\s*(\+1\s*)+[!\s]*$/u.test(text)) return true;
  const t = normaliseDemand(text);
  return t !== '' && PHRASES.has(t);
}

/**
 * Words that make an order something a person must read, in the four languages, keyed as triage keys
 * words (accents folded, letter runs squashed). Written from the languages, not from any data set.
 */
const ASKS = words([
  // questions
  'how', 'what', 'whats', 'when', 'where', 'which', 'why', 'who', 'can', 'could', 'would', 'will', 'does', 'do', 'did', 'is', 'are', 'any', 'anyone', 'price', 'much', 'cost', 'available', 'stock', 'ship', 'shipping',
  'como', 'cual', 'cuales', 'cuando', 'donde', 'cuanto', 'cuanta', 'cuesta', 'precio', 'hay', 'tienen', 'tiene', 'puedo', 'puede', 'pueden', 'sirve', 'disponible', 'envio', 'envios',
  'qual', 'quais', 'quando', 'onde', 'quanto', 'quanta', 'custa', 'preco', 'tem', 'posso', 'pode', 'podem', 'serve', 'aceita', 'aceitam', 'disponivel', 'frete', 'entrega',
  'apa', 'apakah', 'gimana', 'bagaimana', 'kapan', 'dimana', 'mana', 'berapa', 'harga', 'bisa', 'boleh', 'ada', 'kenapa', 'ready', 'ongkir', 'emang', 'masih',
  // complaints, negation, things gone wrong
  'not', 'no', 'never', 'nothing', 'dont', 'didnt', 'doesnt', 'isnt', 'wont', 'cant', 'cannot', 'havent', 'broken', 'broke', 'wrong', 'late', 'refund', 'cancel', 'cancelled', 'canceled', 'return', 'problem', 'issue', 'error', 'fail', 'failed', 'scam', 'fake', 'worst', 'bad', 'still', 'waiting', 'missing', 'damaged', 'out', 'again',
  'nunca', 'nada', 'roto', 'rota', 'mal', 'problema', 'reembolso', 'devolver', 'devolucion', 'cancelar', 'cancele', 'tarde', 'todavia', 'aun', 'estafa', 'falso', 'agotado', 'agotada', 'sin',
  'nao', 'nem', 'quebrado', 'quebrou', 'errado', 'errada', 'atraso', 'atrasado', 'devolucao', 'cancela', 'erro', 'golpe', 'ainda', 'ruim', 'pessimo', 'esgotado', 'esgotou', 'sem', 'cade',
  'tidak', 'tdk', 'gak', 'ga', 'gk', 'nggak', 'ngga', 'enggak', 'engga', 'belum', 'blm', 'rusak', 'salah', 'telat', 'batal', 'masalah', 'gagal', 'kecewa', 'penipu', 'tipu', 'jelek', 'lama', 'kok', 'komplain', 'retur', 'habis', 'sold out',
  // a choice or a condition still open ("big or small", "if it runs small", "I want to know")
  'or', 'ou', 'atau', 'if', 'whether', 'know', 'saber', 'kalau', 'kalo', 'tahu', 'tau',
  // money back
  'money back', 'dinero', 'dinheiro', 'uang', 'balikin',
  // a purchase gone wrong: contrast, exchange, something received, removed or sent
  'but', 'though', 'although', 'pero', 'aunque', 'mas', 'porem', 'embora', 'tapi', 'tp', 'namun',
  'exchange', 'swap', 'change', 'cambiar', 'cambio', 'trocar', 'troca', 'tukar', 'ganti',
  'ordered', 'received', 'arrived', 'sent', 'remove', 'removes', 'removed', 'recibi', 'llego', 'mandaron', 'quita', 'quito', 'devuelvan',
  'recebi', 'chegou', 'mandaram', 'tira', 'tirou', 'sampai', 'nyampe', 'dateng', 'datang', 'dikirim', 'hapus', 'hilang', 'ilang',
  // requests to the team (send, hold, show, help, answer)
  'send', 'dm', 'pm', 'message', 'inbox', 'link', 'check', 'help', 'tell', 'let me know', 'reply', 'answer', 'call', 'contact', 'hold', 'save', 'reserve', 'invoice', 'address', 'number', 'show', 'try', 'zoom', 'explain', 'confirm',
  'manda', 'mandame', 'envia', 'enviar', 'mensaje', 'ayuda', 'dime', 'avisame', 'muestra', 'muestrame', 'guarda', 'guardame', 'aparta', 'apartame', 'reserva', 'separa', 'separame', 'confirma', 'direccion',
  'mande', 'mostra', 'chama', 'responde', 'ajuda', 'me passa', 'explica', 'endereco', 'direct', 'guardar', 'separar',
  'tolong', 'kirim', 'kirimin', 'cek', 'balas', 'japri', 'tunjukin', 'liat', 'lihat', 'simpan', 'simpenin', 'keep', 'booking', 'nomor', 'rekening', 'alamat', 'wa', 'whatsapp', 'jelasin', 'konfirmasi',
]);

/** Spanish "o" / "u" (or) is Portuguese's article "o": read as a choice only in Spanish. */
const ASKS_ES = words(['o', 'u']);

/** Longer than this many words, an order usually carries something else a person should read. */
const MAX_WORDS = 12;

/**
 * Demand or not. `lang` is the comment's language (the platform's or triage's); `result` is triage's
 * verdict; `pinned` says a product is on screen (a bare "+1" then means it).
 */
export function decideDemand(text: string, result: Pick<TriageResult, 'intent' | 'confidence' | 'sub' | 'sku' | 'offerCode' | 'candidates' | 'contextSku'>, lang: string, policy: DemandPolicy): DemandVerdict | null {
  if (result.intent !== 'order') return null;
  const known = policy.languages.includes(lang);
  // "+1" and "mine" carry no language of their own: a short fixed phrase counts unless it is in a language the show left out
  if (!known && lang !== 'und') return null;
  const verdict = (why: string): DemandVerdict => ({ close: policy.autoClose, reason: `${DEMAND_REASON} (${why}${policy.autoClose ? '' : '; left open: the show keeps demand for a person'})` });
  if (isDemandSignal(text)) return verdict('short order phrase');
  if (policy.mode === 'phrases' || !known) return null;
  if (result.confidence < policy.minConfidence) return null;
  if (!result.sub || !policy.subs.includes(result.sub as 'buy' | 'reserve')) return null;
  // A named product or offer; several that fit ("the pink" of two pink ones) still name what is wanted.
  const target = result.sku ?? result.offerCode ?? (result.candidates?.length ? `one of ${result.candidates.length} products` : result.contextSku ? `the pinned ${result.contextSku}` : null);
  if (!target) return null;
  const n = normalizeText(text);
  if (n.flags.question || n.flags.url || n.flags.handles > 0 || n.flags.phone || n.flags.truncated) return null;
  const wordsOnly = n.tokens.filter((t) => /\p{L}/u.test(t) && !t.startsWith('__') && !t.startsWith(':'));
  if (wordsOnly.length === 0 || wordsOnly.length > MAX_WORDS) return null;
  if (hasAny(n.tokens, ASKS) || (lang === 'es' && hasAny(n.tokens, ASKS_ES))) return null;
  return verdict(`order·${result.sub}, ${target}, ${lang}, no question, complaint or request`);
}

interface WordSets {
  single: Set<string>;
  multi: string[][];
}

function words(list: readonly string[]): WordSets {
  const single = new Set<string>();
  const multi: string[][] = [];
  for (const w of list) {
    const keys = phraseKeys(w);
    if (keys.length === 1) single.add(keys[0] as string);
    else if (keys.length > 1) multi.push(keys);
    // a key may differ from the folded word (enclitics, runs): the plain key is added too
    if (!w.includes(' ')) single.add(wordKey(w));
  }
  return { single, multi };
}

function hasAny(tokens: readonly string[], set: WordSets): boolean {
  for (let i = 0; i < tokens.length; i++) {
    if (set.single.has(tokens[i] as string)) return true;
    for (const m of set.multi) if (m.every((k, j) => tokens[i + j] === k)) return true;
  }
  return false;
}
