// General-language cues for the learned intent model, the same for every catalog: talk about a product the viewer
// already owns, a number with a time unit, the shape of tokens with digits, the comment's length in words, and the
// word behind a chat spelling ("vc", "gak", "q") or behind the same everyday word in another language ("rusak",
// "quebrou", "broke"), so every spelling and every language of a word shares what the model learns of it.
import { wordKey } from './text.normalize';

const keysOf = (words: string): ReadonlySet<string> => new Set(words.split(' ').map(wordKey));

/** Possessives written before a product ("my fryer", "mi licuadora", "minha capa"). */
const OWN_BEFORE = keysOf('my our mi mis nuestro nuestra meu minha meus minhas nosso nossa');
/** Possessives written after it in Indonesian chat ("fryer aku", "case gue"). */
const OWN_AFTER = keysOf('aku saya gue gw ku');
/** Time units in en/es/pt/id: waiting, delays and holds are counted in them ("2 weeks", "20 menit", "3 dias"). */
const TIME_UNITS = keysOf(
  'min mins minute minutes hour hours hr hrs day days week weeks month months minuto minutos hora horas dia dias semana semanas mes meses menit jam hari minggu bulan',
);

/**
 * Chat spellings of frequent words in en/es/pt/id, by the word they stand for (the word itself included): general
 * abbreviations of written chat, not phrases of any data set. A spelling that stands for different words in two
 * languages ("q", "tb") stands for the word both share or is left out.
 */
const CHAT_SPELLINGS: ReadonlyArray<readonly [string, string]> = [
  ['you', 'you u yu'],
  ['your', 'your ur yr'],
  ['please', 'please pls plz plis pliss plss'],
  ['thanks', 'thanks thx ty tks tq'],
  ['because', 'because bc cuz coz'],
  ['que', 'que q'],
  ['porque', 'porque pq xq porq'],
  ['tambem', 'tambem también tbm tmb tb tbn'],
  ['voce', 'voce você vc vcs voces'],
  ['nao', 'nao não naum ñ n'],
  ['muito', 'muito mt mto mtu'],
  ['hoje', 'hoje hj'],
  ['tudo', 'tudo td'],
  ['tidak', 'tidak gak ga nggak ngga enggak engga gk tdk'],
  ['sudah', 'sudah udah udh sdh dah'],
  ['belum', 'belum blm'],
  ['banget', 'banget bgt bngt'],
  ['yang', 'yang yg'],
  ['saya', 'saya sy aku aq ak gue gw'],
  ['dengan', 'dengan dgn dg'],
  ['karena', 'karena krn karna'],
  ['juga', 'juga jg'],
  ['tapi', 'tapi tp'],
  ['kalau', 'kalau kalo klo kl'],
  ['bagaimana', 'bagaimana gimana gmn gmna'],
  ['lagi', 'lagi lg'],
];
/**
 * Everyday words of live-shopping chat with the same meaning in en/es/pt/id (and their common inflections), by one
 * English label: what the model learns of "rusak" in Indonesian also reads "quebrou" in Portuguese, so a language
 * with fewer training comments borrows from the others. General vocabulary of complaints, questions, orders and
 * chatter; a form that means something else in another of the four languages is left out ("mau": want in
 * Indonesian, bad in Portuguese; "rota": broken in Spanish, route in Portuguese; "dana", "pena").
 */
const SAME_MEANING: ReadonlyArray<readonly [string, string]> = [
  ['broken', 'broken broke break breaks roto rompio rompió rompe quebrou quebrado quebrada quebra rusak patah pecah'],
  ['works', 'work works working worked funciona funciono funcionó funcionou funcionando jalan berfungsi'],
  ['nothing', 'nothing nada'],
  ['difference', 'difference different diferencia diferente diferença beda bedanya perbedaan'],
  ['effect', 'effect effects efecto efectos efeito efeitos efek hasil'],
  ['still', 'still yet todavia todavía aun aún ainda masih'],
  ['waiting', 'waiting wait waited esperando espero esperar aguardando esperei nunggu tunggu menunggu'],
  ['arrived', 'arrived arrive arrives came llego llegó llega chegou chega chegar nyampe sampai sampe dateng datang'],
  ['refund', 'refund refunded reembolso reembolsar estorno devolucion devolución devolução devolver retur'],
  ['cancel', 'cancel cancelled canceled cancelar cancela cancelen cancelado batal batalin dibatalkan'],
  ['pay', 'pay paid payment pagar pague pago paguei pagamento bayar dibayar pembayaran'],
  ['charged', 'charged cobraron cobrou cobrado kepotong terpotong'],
  ['want', 'want wanna quiero quero pengen ingin'],
  ['know', 'know wonder wondering saber sei tahu tau'],
  ['ask', 'ask asking pregunta preguntar pergunta perguntar tanya nanya'],
  ['can', 'can could puedo puede posso pode bisa boleh'],
  ['how much', 'cuanto cuánto cuanta quanto quanta berapa brp'],
  ['love', 'love loving encanta encantó amo adoro amei suka'],
  ['hello', 'hi hello hey hola ola olá oi halo hai'],
  ['smell', 'smell smells smelled huele olor cheiro cheira bau'],
  ['taste', 'taste tastes sabor gosto rasanya'],
  ['expiry', 'expiry expired expires expiration vencido vencida vencimiento vencimento validade caducado caducada caducidad kadaluarsa kedaluwarsa'],
  ['spoiled', 'spoiled spoilt rotten moldy mouldy podrido podrida moho estragado estragada estragou mofo mofado busuk basi jamuran'],
  ['leak', 'leak leaks leaking leaked gotea goteando vaza vazou vazando vazamento bocor rembes'],
  ['wrong', 'wrong equivocado equivocada incorrecto errado errada salah keliru'],
  ['missing', 'missing falta faltó faltou faltando faltaba hilang'],
  ['hurts', 'hurt hurts pain painful duele dolor dolió dói doeu dor sakit nyeri perih'],
  ['rash', 'rash itch itchy itching allergy allergic ronchas comezón alergia alérgica alergico alérgico coceira gatal alergi ruam'],
];
const SPELLING_OF: ReadonlyMap<string, string> = new Map(
  [...CHAT_SPELLINGS, ...SAME_MEANING].flatMap(([word, forms]) => forms.split(' ').map((f) => [wordKey(f.normalize('NFD').replace(/[\u0300-\u036f]/g, '')), `≈ “${word}”`] as const)),
);

/**
 * Words that close or open a chat line without saying what kind of line it is — forms of address and fillers in
 * en/es/pt/id ("… kak?", "… amiga", "pls …", "lol") — skipped when finding the words that frame the sentence.
 */
const FRAME_FILLERS = keysOf(
  'kak kakak ka min mimin sis sist gan ya yah sih dong nih deh say guys girl girls babe pls please plz lol haha hahaha amiga amigas amigo amiguis chica chicas gente mana manas porfa porfavor jaja jajaja kk kkk',
);
/**
 * The words that frame a sentence — the first and the last one that is not a question mark, an emoji or a filler —
 * as features of their own ("starts “does”", "ends “belum”"): in all four languages the kind of sentence sits at its
 * edges (question words and verbs first, tags such as "…or not", "…belum", "…né" last), also when the line ends with
 * a form of address or no question mark. Chat spellings are read as their word ("udh" starts like "sudah").
 */
const CHAT_WORD_OF: ReadonlyMap<string, string> = new Map(
  CHAT_SPELLINGS.flatMap(([word, forms]) => forms.split(' ').map((f) => [wordKey(f.normalize('NFD').replace(/[\u0300-\u036f]/g, '')), word] as const)),
);

function isFrameWord(w: string): boolean {
  const c0 = w.charCodeAt(0);
  return w !== '?' && c0 !== 58 && !FRAME_FILLERS.has(w);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The shape of a token with a digit: letters → 'a', digits → '0', runs collapsed, at most 4 runs ("x2" → "a0",
 * "2024" → "0", "v2a3b" → "a0a0"); null without a digit. Returned as its feature name, from a fixed table.
 */
function digitShape(w: string): string | null {
  let digit = false;
  for (let i = 0; i < w.length && !digit; i++) digit = isDigit(w.charCodeAt(i));
  if (!digit) return null;
  let shape = '';
  let last = '';
  for (let i = 0; i < w.length && shape.length < 4; i++) {
    const k = isDigit(w.charCodeAt(i)) ? '0' : 'a';
    if (k !== last) shape += k;
    last = k;
  }
  return SHAPE_LABELS[shape] ?? null;
}

/** Every collapsed shape of ≤ 4 runs (alternating and with a digit: 7 of them), named once: no string is built per comment. */
const SHAPE_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  ['0', '0a', '0a0', '0a0a', 'a0', 'a0a', 'a0a0'].map((s) => [s, `token shape ${s}`]),
);

/**
 * Appends the cues of one comment's model words (product mentions already '__prod__', on-screen numbers '#n') to
 * `out`, each at most once. Emoji tokens (':fire:') do not count towards the length.
 */
export function appendModelCues(words: readonly string[], out: string[]): void {
  let n = 0;
  let owns = false;
  let timed = false;
  let shapes: string[] | null = null;
  const before = out.length;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const c0 = w.charCodeAt(0);
    if (c0 === 58) continue;
    n++;
    const spelled = SPELLING_OF.get(w);
    if (spelled !== undefined && !out.includes(spelled, before)) out.push(spelled);
    if (w === '__prod__') {
      if ((i > 0 && OWN_BEFORE.has(words[i - 1] ?? '')) || (i + 1 < words.length && OWN_AFTER.has(words[i + 1] ?? ''))) owns = true;
      continue;
    }
    if (c0 === 35 || c0 === 43 || c0 === 95) continue;
    const shape = digitShape(w);
    if (shape === null) continue;
    shapes ??= [];
    if (!shapes.includes(shape)) shapes.push(shape);
    if (i + 1 < words.length && TIME_UNITS.has(words[i + 1] ?? '')) timed = true;
  }
  if (owns) out.push('talks about a product they own');
  if (timed) out.push('a number with a time unit');
  if (shapes) for (const s of shapes) out.push(s);
  out.push(n <= 1 ? 'one word' : n <= 3 ? '2–3 words' : n <= 7 ? '4–7 words' : '8+ words');
  let first = 0;
  while (first < words.length && !isFrameWord(words[first] ?? '')) first++;
  let last = words.length - 1;
  while (last > first && !isFrameWord(words[last] ?? '')) last--;
  if (first < words.length) {
    const f = words[first] ?? '';
    const l = words[last] ?? '';
    out.push(`starts “${CHAT_WORD_OF.get(f) ?? f}”`, `ends “${CHAT_WORD_OF.get(l) ?? l}”`);
  }
}
