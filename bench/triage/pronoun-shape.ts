// Pronouns and clitics that could stand for the product on screen ("does it come in red?", "¿lo tienen en azul?",
// "ele vem com capa?", "ukurannya berapa?"), and the sentence shape they sit in — for counting how labellers read them
// (bench/triage/sku-pronoun-counts.ts). Not used by the matcher: the ninth SKU pass (docs/triage.md) measured that both
// labellers give most such lines no SKU, so a pronoun is not a pointing word there.
import { keySetOf } from '../../src/core/comments/triage/text.normalize';
import { TRAILING_IGNORE } from '../../src/core/comments/triage/sku.pointer';

/** "it" / "its" (also "it's" folded). Not "they"/"them": more often the shop or the host than one product. */
const EN_IT: ReadonlySet<string> = keySetOf(['it', 'its']);
/** Portuguese pronouns for a thing ("ele vem com capa?", "quero ela"), also with de/em. */
const PT_PRONOUNS: ReadonlySet<string> = keySetOf(['ele', 'ela', 'dele', 'dela', 'nele', 'nela']);
/**
 * Spanish object clitics standing apart ("lo tienen en azul?", "la quiero"): only before a verb of having, wanting,
 * sending or buying, since "la"/"los"/"las" are also articles and "lo" starts "lo que", "lo siento", "lo mejor".
 */
const ES_CLITICS: ReadonlySet<string> = keySetOf(['lo', 'la', 'los', 'las']);
const ES_CLITIC_VERBS: ReadonlySet<string> = keySetOf(
  ['quiero', 'queria', 'quisiera', 'tienen', 'tienes', 'tiene', 'venden', 'vendes', 'vende', 'mandan', 'mandas', 'manda', 'envian', 'envias',
   'envia', 'llevo', 'compro', 'aparto', 'apartas', 'apartan', 'separas', 'separan', 'necesito', 'pido', 'puedo', 'puedes', 'pueden', 'hacen',
   'traen', 'traes', 'recomiendas', 'recomiendan', 'usas', 'uso', 'ocupo']);
/** Spanish clitics on an infinitive, gerund or imperative ("comprarlo", "usandola", "apartamelo", "mandamela"). */
const ES_ENCLITIC_RE = /^[a-z]{2,}(?:ar|er|ir|ando|iendo)(?:lo|la|los|las)$|^[a-z]{3,}[aei](?:me|te|se|nos)(?:lo|la|los|las)$/;
/** Words that end like a clitic and are words of their own. */
const NOT_ENCLITIC: ReadonlySet<string> = new Set(['caramelo', 'camelo', 'carmela', 'cancela', 'escuela', 'abuela', 'canela', 'panela']);
/** Indonesian words ending in -nya that are not "its X" ("hanya", "punya", "tanya", "biasanya", "kayaknya"…). */
const NYA_LEXICAL: ReadonlySet<string> = new Set(
  ['hanya', 'punya', 'tanya', 'bertanya', 'nanya', 'sepertinya', 'sebenarnya', 'biasanya', 'katanya', 'akhirnya', 'kayaknya', 'kayanya',
   'harusnya', 'seharusnya', 'semuanya', 'rupanya', 'lainnya', 'berikutnya', 'sebelumnya', 'selanjutnya', 'tadinya', 'aslinya', 'emangnya',
   'caranya', 'adanya', 'sayangnya', 'untungnya', 'makanya', 'misalnya', 'sesudahnya', 'setelahnya', 'terusnya', 'bukannya']);

export type PronounClass = 'en it' | 'pt ele/ela' | 'es clitic' | 'id -nya';

function isEnclitic(t: string): boolean {
  return t.length >= 7 && !NOT_ENCLITIC.has(t) && ES_ENCLITIC_RE.test(t);
}

/** The first pronoun or clitic that could stand for a product, by language; null when there is none. */
export function pronounClass(norm: { tokens: readonly string[]; folded: string }): PronounClass | null {
  const toks = norm.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] ?? '';
    if (EN_IT.has(t)) return 'en it';
    if (PT_PRONOUNS.has(t)) return 'pt ele/ela';
    if (ES_CLITICS.has(t) && ES_CLITIC_VERBS.has(toks[i + 1] ?? '')) return 'es clitic';
    if (isEnclitic(t)) return 'es clitic';
  }
  // the tokens have "-nya" stripped (text.normalize), so the folded text is read for it
  if (norm.folded.includes('nya')) {
    for (const w of norm.folded.match(/\p{L}+/gu) ?? []) if (w.length >= 6 && w.endsWith('nya') && !NYA_LEXICAL.has(w)) return 'id -nya';
  }
  return null;
}

/** Words that open a question without a question mark. */
const QUESTION_OPENERS: ReadonlySet<string> = keySetOf(
  ['does', 'do', 'is', 'are', 'can', 'could', 'will', 'would', 'how', 'what', 'which', 'where', 'when', 'why', 'cuanto', 'cuanta', 'que', 'como',
   'cual', 'donde', 'cuando', 'quanto', 'quanta', 'qual', 'onde', 'quando', 'berapa', 'apa', 'apakah', 'gimana', 'bagaimana', 'kapan', 'bisa', 'ada']);
/** Verbs of wanting, taking or buying now. */
const ORDER_VERBS: ReadonlySet<string> = keySetOf(
  ['want', 'take', 'buy', 'need', 'get', 'grab', 'add', 'order', 'quiero', 'llevo', 'compro', 'pido', 'necesito', 'quero', 'levo', 'pego',
   'preciso', 'mau', 'beli', 'ambil', 'pesan', 'checkout', 'co', 'keep', 'apartar', 'aparta', 'separa', 'reserva']);
/** Words of a purchase or delivery already made: the pronoun is what they bought, not the product on screen. */
const PAST_WORDS: ReadonlySet<string> = keySetOf(
  ['ordered', 'bought', 'received', 'arrived', 'delivered', 'came', 'broke', 'broken', 'got', 'compre', 'pedi', 'recibi', 'llego', 'llegaron',
   'comprado', 'comprei', 'recebi', 'chegou', 'chegaram', 'veio', 'sampai', 'nyampe', 'datang', 'dateng', 'diterima', 'kemarin', 'kemaren',
   'udah', 'sudah', 'yesterday', 'ayer', 'ontem', 'last', 'pasada', 'pasado', 'passada', 'passado', 'lalu']);
/** Words of liking ("I love it", "me encanta", "amei", "bagus bgt"). */
const REACTION_WORDS: ReadonlySet<string> = keySetOf(
  ['love', 'loving', 'like', 'cute', 'pretty', 'beautiful', 'gorgeous', 'amazing', 'nice', 'cool', 'wow', 'awesome', 'perfect', 'encanta',
   'encantan', 'amo', 'lindo', 'linda', 'hermoso', 'hermosa', 'bonito', 'bonita', 'precioso', 'preciosa', 'amei', 'adorei', 'maravilhoso',
   'maravilhosa', 'perfeito', 'perfeita', 'suka', 'bagus', 'cantik', 'keren', 'lucu', 'gemes', 'mantap', 'mantul']);

export type PronounShape = 'past' | 'question' | 'order' | 'reaction' | 'other';

/** The sentence shape, read from the words, first that applies: a past order, a question, an order, a reaction, other. */
export function pronounShape(toks: readonly string[]): PronounShape {
  if (toks.some((t) => PAST_WORDS.has(t))) return 'past';
  if (toks.includes('?') || QUESTION_OPENERS.has(toks[0] ?? '')) return 'question';
  if (toks.some((t) => ORDER_VERBS.has(t))) return 'order';
  if (toks.some((t) => REACTION_WORDS.has(t))) return 'reaction';
  return 'other';
}

/** The pronoun is the comment's last word (before politeness, '?', emoji): "can I get it?", "quero ela", "comprarlo". */
export function pronounIsLast(toks: readonly string[]): boolean {
  let last = toks.length - 1;
  while (last >= 0 && (TRAILING_IGNORE.has(toks[last] ?? '') || (toks[last] ?? '').startsWith(':'))) last--;
  const t = toks[last] ?? '';
  return EN_IT.has(t) || PT_PRONOUNS.has(t) || isEnclitic(t);
}
