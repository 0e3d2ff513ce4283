// "The one you're holding": pointing words and phrases that refer to the product pinned on screen, and the words
// that make "this" mean the show rather than a product. Pure functions over a comment's tokens.
import { keySetOf, phraseKeys } from './text.normalize';
import { isCostVerb } from './sku.words';

const DEICTIC_PHRASES = ['this one', 'that one', 'this 1', 'yang ini', 'yg ini', 'este aqui', 'esta aqui', 'esse aqui', 'essa aqui', 'ese de ahi',
  'the one on screen', 'the one you have', 'the one youre holding', 'the one you are holding', 'the one in your hand', 'the one youre wearing',
  'el que tienes', 'el que tienes en la mano', 'la que tienes', 'el que traes', 'o que ta na mao', 'o que voce ta segurando', 'esse que voce ta segurando',
  'essa que voce ta segurando', 'o da mao', 'yang dipegang', 'yg dipegang', 'yang lagi dipegang', 'yg lagi dipegang', 'yang kakak pegang', 'yg kakak pegang',
  'yang dipake', 'yg dipake', 'yang dipakai', 'yg dipakai', 'yang lagi dipake', 'yg lagi dipake', 'yang lagi dipakai', 'yg lagi dipakai', 'lagi dipake',
  'lagi dipakai', 'sedang dipakai', 'kakak pake', 'yg kakak pake', 'the pinned one', 'the pinned', 'pinned one', 'el fijado', 'la fijada', 'o fixado', 'a fixada', 'yang dipin', 'yg dipin'];
const DEICTIC_WORDS: ReadonlySet<string> = keySetOf(['this', 'este', 'esta', 'esse', 'essa']);
/**
 * Demonstratives that, anywhere in a comment, point at the pinned product ("does this come in…", "ini bahannya…").
 * Not "that" (also a conjunction) nor the neuter pronouns (eso, isso: a situation more often than an object).
 */
const POINTER_WORDS: ReadonlySet<string> = keySetOf(
  ['this', 'these', 'este', 'esta', 'estos', 'estas', 'ese', 'esa', 'esos', 'esas', 'esse', 'essa', 'esses', 'essas', 'estes', 'ini', 'aquel', 'aquella',
   'aquele', 'aquela', 'desse', 'dessa', 'deste', 'desta', 'daquele', 'daquela']);
/**
 * Verbs of holding or showing (the host's hands are on the pinned product): "the one ur holding". Not "dipake" alone
 * ("can't be used", "when worn"): only in "yg dipake" above.
 */
const SHOWING_WORDS: ReadonlySet<string> = keySetOf(
  ['holding', 'showing', 'wearing', 'segurando', 'mostrando', 'sosteniendo', 'sostiene', 'dipegang', 'pegang', 'ditunjukin',
   'ditunjukkan']);
/** "that" / "itu" point only right beside a product word ("that scooter", "selimut … itu") or as the last word ("i want that"). */
const THAT_BEFORE: ReadonlySet<string> = keySetOf(['that', 'those']);
const THAT_AFTER: ReadonlySet<string> = keySetOf(['itu']);
/** With these anywhere, "this" is the show, not the product ("this live is fun", "esse som"). */
const STREAM_WORDS: ReadonlySet<string> = keySetOf(
  ['live', 'lives', 'show', 'stream', 'streaming', 'transmision', 'transmissao', 'siaran', 'chat', 'video', 'song', 'music', 'musica', 'lagu',
   'audio', 'sound', 'som', 'sonido', 'suara', 'host', 'game', 'app', 'aplikasi', 'platform', 'channel', 'canal', 'sale', 'promo', 'offer', 'oferta']);
/**
 * Time words make "this" a time only right beside it ("this week", "minggu ini", "esta semana"); further away they are
 * the product's ("ini buat anak umur 8 tahun": this one, for an 8-year-old).
 */
const TIME_WORDS: ReadonlySet<string> = keySetOf(
  ['weekend', 'week', 'semana', 'minggu', 'year', 'ano', 'tahun', 'time', 'vez', 'kali', 'morning', 'hari', 'dia', 'day', 'moment', 'momento',
   'month', 'mes', 'bulan', 'night', 'noche', 'noite', 'malam']);
/** Politeness and filler words that may end a comment after the word that matters. */
export const TRAILING_IGNORE: ReadonlySet<string> = keySetOf(
  ['pls', 'plz', 'please', 'porfa', 'pfv', 'kak', 'min', 'sis', 'gan', 'ya', 'dong', 'ok', 'now', 'ya', 'yaa', 'rn', 'lol', 'aqui', 'ahora',
   'agora', 'skrg', 'sekarang', '?']);
const DEICTIC_KEYS: readonly string[][] = DEICTIC_PHRASES.map((p) => phraseKeys(p));

/** Which pointing cue a comment has (null: none): a phrase, a last word, a holding verb, "that" beside a product, an opening "this…?". */
export type PointerCue = 'phrase' | 'last word' | 'holding verb' | 'that + product' | 'opening question' | 'demonstrative';

function deicticCue(toks: readonly string[], productTokens: ReadonlySet<number>): PointerCue | null {
  const n = toks.length;
  for (const p of DEICTIC_KEYS) {
    outer: for (let i = 0; i + p.length <= n; i++) {
      for (let k = 0; k < p.length; k++) if (toks[i + k] !== p[k]) continue outer;
      return 'phrase';
    }
  }
  // a bare "this"/"este"/"ini" that ends the comment (a pointing word as last word),
  // or opens a question
  let last = n - 1;
  const at = (k: number): string => toks[k] ?? '';
  while (last >= 0 && (TRAILING_IGNORE.has(at(last)) || at(last).startsWith(':') || productTokens.has(last))) last--;
  if (last >= 0 && (DEICTIC_WORDS.has(at(last)) || THAT_BEFORE.has(at(last)) || THAT_AFTER.has(at(last)))) return 'last word';
  for (let i = 0; i < n; i++) {
    const t = at(i);
    if (SHOWING_WORDS.has(t)) return 'holding verb';
    if (THAT_BEFORE.has(t) && productTokens.has(i + 1)) return 'that + product';
    if (THAT_AFTER.has(t) && productTokens.has(i - 1)) return 'that + product';
  }
  if (n > 1 && DEICTIC_WORDS.has(at(0)) && toks.includes('?')) return 'opening question';
  return null;
}

/**
 * "esta"/"estas" with accents folded is also the verb "está"/"estás" (is / you are): after a reflexive or object pronoun
 * ("se está deshaciendo") or before a gerund ("está viendo", "está ficando") it points at nothing.
 */
const VERB_TWINS: ReadonlySet<string> = keySetOf(['esta', 'estas']);
const PRONOUNS_BEFORE_VERB: ReadonlySet<string> = keySetOf(['se', 'me', 'te', 'nos', 'le', 'lo', 'la', 'les']);
/**
 * …and it is the verb after a subject with its article ("el diseño está…", "la señal está…": article, noun, está), or
 * before a participle or an adjective of judgement ("está torcida", "está horrible", "está muy…", "está brutal").
 */
const SUBJECT_ARTICLES: ReadonlySet<string> = keySetOf(['el', 'la', 'los', 'las', 'mi', 'tu', 'su', 'o', 'a', 'os', 'as', 'meu', 'minha', 'seu', 'sua']);
const NOT_A_SUBJECT: ReadonlySet<string> = keySetOf(['de', 'del', 'en', 'con', 'para', 'por', 'pra', 'da', 'do', 'na', 'no', 'que', 'q']);
const AFTER_THE_VERB: ReadonlySet<string> = keySetOf(['muy', 'mas', 'tan', 'super', 'bien', 'mal', 'bem', 'muito', 'mto', 'meio', 'bastante', 'demasiado',
  'brutal', 'genial', 'increible', 'hermosa', 'hermoso', 'divina', 'divino', 'linda', 'lindo', 'bonita', 'bonito', 'fea', 'feo', 'rota', 'roto', 'cara', 'caro',
  'barata', 'barato', 'perfecta', 'perfecto', 'buena', 'bueno', 'boa', 'bom', 'otima', 'otimo', 'incrivel', 'horrivel', 'fuerte', 'forte', 'suave', 'chida',
  'chido', 'padre', 'preciosa', 'precioso', 'top', 'demais', 'igual', 'agotada', 'agotado', 'esgotada', 'esgotado']);
const PARTICIPLE_OR_ADJECTIVE = /^[a-z]{2,}(?:ad[oa]s?|id[oa]s?|ible|ivel|able|avel)$/;
function isVerbTwin(toks: readonly string[], i: number): boolean {
  if (!VERB_TWINS.has(toks[i] ?? '')) return false;
  const next = toks[i + 1] ?? '';
  if (PRONOUNS_BEFORE_VERB.has(toks[i - 1] ?? '') || /^[a-z]{2,}(?:ando|iendo|endo|indo)$/.test(next)) return true;
  if (i >= 2 && SUBJECT_ARTICLES.has(toks[i - 2] ?? '') && !NOT_A_SUBJECT.has(toks[i - 1] ?? '')) return true;
  return AFTER_THE_VERB.has(next) || PARTICIPLE_OR_ADJECTIVE.test(next);
}

/** A pointing word anywhere ("does this come in…", "ini bahannya…"), unless the comment is about the show itself. */
export function hasPointer(toks: readonly string[], productTokens: ReadonlySet<number>): boolean {
  return pointerCue(toks, productTokens) !== null;
}

/** The cue `hasPointer` found (for the bench's breakdown of pointer errors by kind), or null. */
export function pointerCue(toks: readonly string[], productTokens: ReadonlySet<number>): PointerCue | null {
  const cue = deicticCue(toks, productTokens);
  if (cue) return cue;
  let pointer = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] ?? '';
    // "este cuánto sale": Spanish "sale" after a how-much word is the price, not the show's sale
    if (STREAM_WORDS.has(t) && !isCostVerb(toks, i)) return null;
    if (POINTER_WORDS.has(t) && !TIME_WORDS.has(toks[i - 1] ?? '') && !TIME_WORDS.has(toks[i + 1] ?? '') && !isVerbTwin(toks, i)) pointer = true;
  }
  return pointer ? 'demonstrative' : null;
}
