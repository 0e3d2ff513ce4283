// Multilingual intent rules: weighted keyword/phrase lexicon (en/es/pt/id chat, slang, typos, emoji)
// plus structural cues (question marks, links, handles, phone numbers, styled letters, "+1", "#2", quantities).
//
// Phrases are matched on normalized keys (see text.normalize.ts): "neeeed" matches "need", "sérum" "serum".
// Matching is greedy longest-phrase-first from left to right, and a matched phrase *consumes* its
// tokens, so "sold out" (complaint) hides "sold" (order) and "quiero saber" (question) hides "quiero".
// Labelling rule for ties: order > complaint > question > other; the weights below encode it.

import type { Intent, TriageLang } from './triage.types';
import { keySetOf, phraseKey, phraseKeys, type NormalizedText } from './text.normalize';

type Lang = Exclude<TriageLang, 'und'>;

const O: Intent = 'order';
const Q: Intent = 'question';
const C: Intent = 'complaint';
const S: Intent = 'spam';
const X: Intent = 'other';

/**
 * [intent, weight, languages ('' = any; space separated otherwise), phrases separated by '|'].
 * A trailing '*' on a one-word phrase matches any word starting with it.
 * Intent null: a "neutral" phrase that only consumes its words (stops a shorter rule from firing).
 */
type LexRow = readonly [Intent | null, number, string, string];

export const LEXICON: readonly LexRow[] = [
  // ───────────────────────────── ORDER ─────────────────────────────
  [O, 3, '', `i want | i wnat | i need | i'll take | i'l take | i'll get | i'll buy | i'm buying | im buying | buying | buying now |
    i'm getting | im getting | taking it | taking | need the | want the | want that | still want | i still want | grabbing |
    gimme | take my money | sold | me me | i'm in | im in | put me down | put me on the list | add to cart | adding | carted |
    my cart | just checked out | checked out | just ordered | ordering | can i get | yes pls | gotta have | i'm in`],
  [O, 2.2, '', `want | wnat | need | neeed | getting the | get the | mine | convinced me | ordered`],
  [O, 2.2, 'en', `for me | add | put me | to my order`],
  [O, 1.2, 'en', `order | paid | checkout | pls | plz | yes | yess | ok fine | fine | cart | asap`],
  [O, 0.6, 'en', `me`],
  [O, 2, '', `:cart:`],
  [O, 1, '', `:check: | :money: | :hand:`],
  // es
  [O, 3, 'es', `quiero | kiero | lo quiero | yo quiero | quiero comprar | me llevo | yo me llevo | lo compro | comprado | ya pague |
    ya lo compre | vendido | mio | es mio | aparta* | apunta* | me apunto | guarda* | separa* | me pillo | al carrito |
    anadido al carrito | dame | me das | me pones | me convenciste | necesito`],
  [O, 2.2, 'es', `compro | para mi | carrito | me antoje | un kit para | pague`],
  [O, 1.5, 'es', `compre | comprar | porfa | plis | yo`],
  // pt
  [O, 3, 'pt', `quero | qro | eu quero | vou querer | vou levar | levo | fico com | comprado | ja paguei | vendido | e meu | e minha |
    guarda um | reserva | reservar | separa | coloca | carrinho | queria reservar | quero muito | pode ser um`],
  [O, 2.2, 'pt', `queria | pra mim | fechado | compro`],
  [O, 1.5, 'pt', `comprei | paguei | pfv`],
  [O, 0.8, 'pt', `eu | meu | minha`],
  // id
  [O, 3, 'id', `mau | aku mau | saya mau | ambil | aku ambil | keep | beli | pesan | pesen | saya pesan | ikut order | sudah co | co |
    udah checkout | masukin keranjang | keranjang | gas order | jangan sampe kehabisan`],
  [O, 2.2, 'id', `ikut | gas | order | transfer | buruan | checkout`],
  [O, 1, 'id', `dong | ya kak`],

  // ─────────────────────────── QUESTION ────────────────────────────
  [Q, 3, '', `question | how much | how many | how long | how do i | how do you | what's the price | whats the price | price for |
    price of | is it | difference between | what's the difference | do u ship | ship to | can i use | can u show | is there |
    do you accept | accept | sorry new here | what are we | what's in | whats in`],
  [Q, 2, '', `how | what | whats | where | wheres | does | does it | do you | do u | is the | is this | are the | can i | can u |
    should i | would | will the | price | internationally | restock | ingredients | difference | safe | ok for | good for |
    work on | paypal | pay with | asking | new here | what's | any`],
  [Q, 1, '', `is | are | do | can | will | ship | link`],
  [Q, 1, 'en', `q`],
  [Q, 1, '', `:think:`],
  // es
  [Q, 3, 'es', `quiero saber | una pregunta | pregunta | cuanto cuesta | cuanto sale | cuanto esta | como se compra | como compro |
    hacen envios | aceptan | aceptais | que diferencia | cuantos | cuanto | meses sin intereses | se puede`],
  [Q, 1, 'es', `que | como`],
  [Q, 2, 'es', `precio | cuando | hay | tiene | sirve | puedo | trae | viene | envio | envios | diferencia | oye`],
  // pt
  [Q, 3, 'pt', `quero saber | quanto custa | quanto e | quanto ta | quanto tempo | como compra | como compro | como uso | faz frete |
    enviam | entregam | aceita | alguem sabe | quantas | quanto | cade | parcela | duvida | qual a diferenca | tem desconto |
    como faco pra comprar`],
  [Q, 1, 'pt', `como`],
  [Q, 2, 'pt', `qual | quando | tem | serve | pode | posso | vale | mostra | diferenca | vem | boleto | frete | entrega`],
  // id
  [Q, 3, 'id', `berapa | brp | mau tanya | tanya | cara beli | gimana | kapan | dimana | kirim ke | cocok gak`],
  [Q, 2, 'id', `apa | mana | bisa | boleh | cocok | cara | harga | ongkir | isi | tunjukin | restock | atau`],
  [Q, 1, 'id', `ada`],

  // ─────────────────────────── COMPLAINT ───────────────────────────
  [C, 3, '', `not working | isn't working | isnt working | broke me out | broken | 404 | error | invalid | says invalid |
    charged twice | never came | hasn't moved | hasnt moved | still waiting | where is my order | my refund | refund |
    no confirmation | didn't get | didnt get | rash | melted | laggy | blurry | can't see | cant see | no sound |
    cutting out | sold out | ignoring | nobody answers | worst | ridiculous | keeps loading | loading forever | crashes |
    keeps failing | failing | got charged | can't find | cant find | wrong | missing | different on the website |
    stop reading`],
  [C, 2.2, '', `my order | why | why is | why does | broke | keeps | still | stop | rude | tracking | charged | slow | scam | wtf | ugh |
    come on | not | didn't | didnt | nobody | can't | cant | again`],
  [C, 1.5, '', `never`],
  [C, 3, '', `froze | stream froze | died after | leaks | overcharged | missing the | wrong item | no reply | is this a scam`],
  [C, 1.2, '', `:angry: | :eyeroll: | :weary: | different | audio | arrived | came | waiting`],
  // es
  [C, 3, 'es', `no funciona | no sirve | no carga | no abre | no me llego | nunca llego | me cobraron | cobraron | rota | pesimo |
    nadie contesta | agotado | se traba | no se escucha | reembolso | no me lo acepta | no me deja | no manches |
    nada que ver | me mandaron | vaya tela | cuesta mas que | se cierra`],
  [C, 2.2, 'es', `mi pedido`],
  [C, 3, 'es', `se congelo | dejo de calentar | rayado | me falta | equivocado | grosera | me bloqueo | me suben | pago pendiente |
    sigue diciendo | no hay sonido | ya no aparece | estafa | no me deja pagar`],
  [C, 2.2, 'es', `otra vez | traba | esperando | nadie | abierto | naranja | error | caro | nunca`],
  [C, 1.5, 'es', `nada`],
  // pt
  [C, 3, 'pt', `nao abre | nao chegou | ate hoje nada | e nada | quebrada | quebrado | veio quebrada | esgotou | fui cobrada | cobrada |
    reembolso | congelando | sem audio | sem som | absurdo | de brincadeira | ninguem | invalido | nao atualiza |
    cheiro forte | rachada | que absurdo | nao e o da live | cade meu pedido | meu pedido nao`],
  [C, 2.2, 'pt', `meu pedido`],
  [C, 3, 'pt', `congelou | travou | parou de funcionar | veio faltando | faltando | veio errado | chegou o | grossa | ngm responde |
    n confirmou | recusado | da erro | n consigo | cobraram | a mais | esvazia | golpe | venceu | estorno | q saco`],
  [C, 2.2, 'pt', `erro | errado | dnv`],
  [C, 2.2, 'pt', `pendente | rastreio | duas vezes | alaranjado | fecha | mandei mensagem | de novo | caro`],
  [C, 1.5, 'pt', `nada`],
  [C, 1.2, 'pt', `nao`],
  // id
  [C, 3, 'id', `gak bisa dibuka | gak bisa dipake | ga bisa dipake | error | belum nyampe | belum dikirim | kehabisan | patah | rusak |
    slow respon | gak dibales | refund | kepotong | jerawatan | beda banget | jadi oren | mahal bgt | keluar sendiri |
    yang dikirim | yang dateng | yg dateng | pesanan aku | pesenan aku`],
  [C, 2.2, 'id', `pesanan | pesenan`],
  [C, 3, 'id', `ngefreeze | gagal | gagal terus | salah warna | pecah | jutek | ketus | penipuan | ga dateng | beda sama`],
  [C, 2.2, 'id', `salah`],
  [C, 1, 'id', `baru mau co`],
  [C, 2.2, 'id', `gak bisa | ga bisa | kok | masa | mahal | beda | belum | oren`],
  [C, 1.2, 'id', `gak | ga`],

  // ───────────────────────────── SPAM ──────────────────────────────
  [S, 3.5, '', `link in bio | click my profile | check my page | my profile | my page | sub 4 sub | sub4sub | my channel |
    check out my channel | giveaway | giving away | free iphone | gift cards | v bucks | earn | from home | bitcoin |
    buy followers | cheap followers | followers | viewers | dm me | dm for | whatsapp | congratulations |
    you've been selected | youve been selected | selected | claim | claim here | winner | hot singles | singles | xxx |
    watch full | movies | cheap iphones | made __price__ | ask me how | no experience | code generator | generator`],
  [S, 1.5, '', `free | cheap | likes | follow | sub | dm | wa`],
  [S, 1.2, '', `:moneybag: | :slot: | :gift: | :loop: | :mail: | :point:`],
  // es
  [S, 3.5, 'es', `sigueme | te sigo | mi perfil | en mi perfil | gana dinero | gana | desde casa | cripto | inviertan | duplico |
    regalos gratis | vendo seguidores | seguidores | escribeme | al privado | info al dm | premio`],
  [S, 1.5, 'es', `gratis | comenta | privado`],
  // pt
  [S, 3.5, 'pt', `me segue | sigo de volta | segue meu perfil | meu perfil | olha meu perfil | link na bio | na bio | ganhe |
    sem sair de casa | invista | dobre | brindes | se inscreve | meu canal | vendo seguidores | seguidores | chama no direct |
    sorteio | trabalhe a partir de casa | seguidores gratis`],
  [S, 1.5, 'pt', `gratis | por dia | envie mensagem | comenta | privado`],
  // id
  [S, 3.5, 'id', `follback | follow aku | cek bio | link di bio | di bio | cek profil | profil aku | penghasilan | slot | gacor | pinjol |
    tanpa jaminan | tambah followers | klaim | hadiah | hubungi`],
  [S, 1.5, 'id', `jasa | murah | daftar | gratis`],

  // ───────────────────────────── OTHER ─────────────────────────────
  [X, 1.8, '', `hi | hii | hello | hey | hey hey | hi everyone | good morning | good night | night from | greetings | hi from |
    hello from | watching from | first time | just got here | thank u | ty | love u | congrats | brb | happy friday |
    got mine | been using | can't afford | cant afford | here for the | look at this | answering my question | for answering |
    i'm early | im early | slay | queen | mood | vibe | vibes | lmao | lmaoo | lol | hahaha`],
  [X, 1.6, '', `love | so pretty | pretty | gorgeous | amazing | cute | nice | same | yay | funny | obsessed | favorite | early | chat |
    so good | looks so | omg | wait | ok | :love: | :fire: | :clap: | :laugh: | :wave: | :yum: | :party:`],
  [X, 0.6, '', `:cry: | :emo: | :sad: | :plead: | :pray: | :hands: | :kiss:`],
  // es
  [X, 1.8, 'es', `hola | holaa | saludos | desde | buenas noches | primera vez | llegue | jaja | jajaja | gracias | me encanta |
    felicidades | te ves | chismear | viendo | que guay | ya quiero que`],
  [X, 1.6, 'es', `encanta | hermosa | precioso | divino | bonita | guapa | guay | rico | perrito | loquisimo | buenas | linda`],
  // pt
  [X, 1.8, 'pt', `oi | oii | ola | boa noite | alo | kkk | k | amo | amei | obrigada | parabens | beijos | do brasil | cheguei |
    so olhando | sem dinheiro | apaixonada`],
  [X, 1.6, 'pt', `linda | lindo | maravilhoso | perfeita | perfeito | fofo | carismatica | gente | hahaha`],
  // id
  [X, 1.8, 'id', `halo | salam | nyimak | wkwk | wkwkwk | makasih | hadir | mampir | baru gabung | pertama kali | semangat | selamat |
    asik | mantap`],
  [X, 1.6, 'id', `dari | cantik | cakep | lucu | gemes | suka | nonton | rame | enak`],

  // ───────────── neutral phrases (consume words, no intent) ─────────────
  [null, 0, '', `check out | order from | my order from | for my | i have`],
  [null, 0, 'es', `no se | si compro`],
  [null, 0, 'pt', `se eu levar | se eu comprar`],
];

/** One phrase of the lexicon as written, with the keys it matches (for data checks and tooling). */
export interface LexiconPhrase {
  intent: Intent | null;
  langs: string;
  phrase: string;
  keys: string[];
  /** A trailing '*': the last key matches any word starting with it. */
  prefix: boolean;
}

export function lexiconPhrases(): LexiconPhrase[] {
  const out: LexiconPhrase[] = [];
  for (const [intent, , langs, phrases] of LEXICON) {
    for (const raw of phrases.split('|')) {
      const phrase = raw.trim().replace(/\s+/g, ' ');
      if (!phrase) continue;
      const prefix = phrase.endsWith('*');
      const keys = phraseKeys(prefix ? phrase.slice(0, -1) : phrase);
      if (keys.length > 0) out.push({ intent, langs, phrase, keys, prefix });
    }
  }
  return out;
}

/** Does the phrase occur in these normalized tokens (contiguously, ignoring language and consumption)? */
export function phraseOccurs(p: Pick<LexiconPhrase, 'keys' | 'prefix'>, tokens: readonly string[]): boolean {
  const n = p.keys.length;
  outer: for (let i = 0; i + n <= tokens.length; i++) {
    for (let k = 0; k < n; k++) {
      const t = tokens[i + k] ?? '';
      const key = p.keys[k] ?? '';
      if (p.prefix && k === n - 1 ? !t.startsWith(key) : t !== key) continue outer;
    }
    return true;
  }
  return false;
}

/** Words that cancel a following order phrase ("no quiero", "gak mau"). */
const NEGATORS: ReadonlySet<string> = keySetOf(
  ['not', 'dont', 'never', 'no', 'nao', 'gak', 'ga', 'tidak', 'nggak', 'enggak', 'jangan', 'ni', 'nunca', 'didnt', 'cant', 'wont', 'ya no']);

const ID_QTAGS: ReadonlySet<string> = keySetOf(['gak', 'ga', 'nggak', 'enggak', 'gk', 'ngga', 'tidak', 'kah']);
const ID_PARTICLES: ReadonlySet<string> = keySetOf(['kak', 'kakak', 'min', 'sis', 'gan', 'ya', 'sih', 'dong', 'nih', 'say']);
/**
 * "sudah … belum?" ("has it … yet?"): a closing "belum" after "sudah" is the yes/no tag of a question, as "gak" is;
 * "belum" anywhere else ("belum nyampe") or after "sudah" + a number ("udah 2 minggu … belum", a count of days) is a
 * plain "not yet". Grammar of Indonesian chat, written with its chat spellings.
 */
const ID_YET_TAGS: ReadonlySet<string> = keySetOf(['belum', 'blm']);
const ID_ALREADY: ReadonlySet<string> = keySetOf(['sudah', 'udah', 'udh', 'sdh', 'dah']);

/** Filler words ignored when deciding whether a comment is just "a product name" (e.g. "yooo el nude", "#3!!"). */
const FILLER: ReadonlySet<string> = new Set(
  `the a an el la los las lo o os as um uma un una de do da del yang yg nya ya kak kakak min sis gan dong pls plz please porfa pfv plis
   ty thx omg oh ok okay and y e dan one uno 1 me i my mi meu aku saya this that ese esa esse essa ini itu yo yes yess si sim
   too tambien tambem juga also for para pra buat`
    .split(/\s+/)
    .filter(Boolean)
    .map(phraseKey),
);

const NUMBER_WORDS: ReadonlySet<string> = keySetOf(
  ['one', 'two', 'three', 'uno', 'dos', 'tres', 'um', 'uma', 'dois', 'duas', 'satu', 'dua', 'tiga']);
const POLITE_AFTER_QTY: ReadonlySet<string> = keySetOf(
  ['pls', 'plz', 'please', 'porfa', 'pfv', 'ya', 'kak', 'min', 'sis', 'gan', 'for', 'para', 'pra', 'buat', 'more', 'mas', 'lagi', 'x']);
const TIME_UNITS: ReadonlySet<string> = keySetOf(
  ['day', 'days', 'dia', 'dias', 'hari', 'week', 'weeks', 'semana', 'semanas', 'minggu', 'hour', 'hours', 'hora', 'horas', 'jam', 'h',
   'min', 'mins', 'minutes', 'menit', 'month', 'months', 'mes', 'meses', 'bulan', 'year', 'years', 'anos', 'tahun', 'times', 'vezes',
   'veces', 'kali', 'seconds', 'segundos', 'detik', 'k', 'pm', 'am', 'ml', 'cm', 'l']);

interface Entry {
  keys: string[];
  intent: Intent | null;
  w: number;
  langs: Lang[] | null;
  label: string;
  id: string;
}

export interface RuleHit {
  id: string;
  intent: Intent;
  w: number;
  label: string;
}

/** What the SKU matcher found, as far as intent rules care. */
export interface ProductContext {
  /** Token positions that belong to a product/offer mention (alias, on-screen number, code). */
  productTokens: ReadonlySet<number>;
  /** A product, on-screen number, offer or code was named. */
  mentioned: boolean;
  /** Deictic "this one"/"yang ini" resolved to the pinned product. */
  deictic: boolean;
}

export interface RuleScores {
  scores: Record<Intent, number>;
  hits: RuleHit[];
}

export interface IntentRules {
  /**
   * @param lang the detected language ('und' = apply every language's rules)
   * @param plausible further languages with some evidence, whose rules also apply (mixed or unclear text)
   */
  score(norm: NormalizedText, lang: TriageLang, product: ProductContext, plausible?: ReadonlySet<string>): RuleScores;
  /** Number of compiled lexicon entries. */
  readonly size: number;
}

/** Prior score of each intent before any evidence ("other" wins when nothing fires). */
export const INTENT_BIAS: Readonly<Record<Intent, number>> = { order: 0, question: 0, complaint: 0, spam: 0, other: 1.2 };
/** Weight of every cue after the strongest one, per intent. */
export const SECONDARY_CUE_FACTOR = 0.4;
/** A cue this strong is "strong evidence" for the priority bonus. */
const STRONG_CUE = 2.9;
const PRIORITY_BONUS = { order: 0.8, complaint: 0.4 } as const;

function langOk(e: Entry, l: TriageLang, plausible: ReadonlySet<string> | undefined): boolean {
  if (e.langs === null || l === 'und' || e.langs.includes(l as Lang)) return true;
  if (plausible === undefined) return false;
  for (const x of e.langs) if (plausible.has(x)) return true;
  return false;
}

/** Counts one cue: the first time in full (and as a hit), a repeat ("sold sold sold") only a little. */
function addCue(sum: Record<Intent, number>, top: Record<Intent, number>, hits: RuleHit[], id: string, intent: Intent, w: number, label: string): void {
  for (let k = 0; k < hits.length; k++) {
    if (hits[k]!.id === id) {
      sum[intent] += w * 0.15;
      return;
    }
  }
  sum[intent] += w;
  if (w > top[intent]) top[intent] = w;
  hits.push({ id, intent, w, label });
}

export function compileIntentRules(): IntentRules {
  const byFirst = new Map<string, Entry[]>();
  const prefixes: Entry[] = [];
  let size = 0;
  for (const [intent, w, langStr, phrases] of LEXICON) {
    const langs = langStr ? (langStr.split(' ') as Lang[]) : null;
    for (const rawPhrase of phrases.split('|')) {
      const phrase = rawPhrase.trim().replace(/\s+/g, ' ');
      if (!phrase) continue;
      const isPrefix = phrase.endsWith('*');
      const keys = phraseKeys(isPrefix ? phrase.slice(0, -1) : phrase);
      if (keys.length === 0) continue;
      const e: Entry = { keys, intent, w, langs, label: phrase, id: `${intent ?? 'neutral'}:${keys.join('_')}` };
      size++;
      if (isPrefix) {
        prefixes.push(e);
        continue;
      }
      const first = keys[0] ?? '';
      const list = byFirst.get(first);
      if (list) list.push(e);
      else byFirst.set(first, [e]);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length || b.w - a.w);

  function score(norm: NormalizedText, lang: TriageLang, product: ProductContext, plausible?: ReadonlySet<string>): RuleScores {
    const sum: Record<Intent, number> = { order: 0, question: 0, complaint: 0, spam: 0, other: 0 };
    const top: Record<Intent, number> = { order: 0, question: 0, complaint: 0, spam: 0, other: 0 };
    const hits: RuleHit[] = [];
    const toks = norm.tokens;
    const n = toks.length;
    const at = (k: number): string => toks[k] ?? '';
    const f = norm.flags;

    // Indonesian question tag: "... gak kak?", "bisa COD ga?" — the negator closing the sentence asks, it doesn't complain.
    let tagAt = -1;
    if (lang === 'id' || lang === 'und') {
      let k = n - 1;
      while (k >= 0 && (at(k) === '?' || at(k).startsWith(':') || ID_PARTICLES.has(at(k)))) k--;
      if (k > 0 && ID_QTAGS.has(at(k))) tagAt = k;
      else if (k > 1 && ID_YET_TAGS.has(at(k))) {
        for (let j = 0; j < k - 1; j++) {
          if (ID_ALREADY.has(at(j)) && !/^\d/.test(at(j + 1))) {
            tagAt = k;
            break;
          }
        }
      }
    }
    // one cue id for both tags: what the model learns of "…gak?" also reads "sudah … belum?"
    if (tagAt >= 0) addCue(sum, top, hits, 'struct:id_qtag', 'question', 2.5, ID_YET_TAGS.has(at(tagAt)) ? '“sudah … belum?” question tag' : '“…gak?” question tag');

    // ---- lexicon, greedy longest match, tokens consumed ----
    let i = 0;
    let qLex = 0;
    let cLex = 0;
    while (i < n) {
      const t = at(i);
      if (product.productTokens.has(i) || i === tagAt) {
        i++;
        continue;
      }
      let matched: Entry | null = null;
      const cands = byFirst.get(t);
      if (cands) {
        for (const e of cands) {
          if (!langOk(e, lang, plausible)) continue;
          if (i + e.keys.length > n) continue;
          let ok = true;
          for (let k = 1; k < e.keys.length; k++) if (at(i + k) !== (e.keys[k] ?? '')) { ok = false; break; }
          if (ok) { matched = e; break; }
        }
      }
      if (!matched && t.length >= 4) {
        for (const e of prefixes) if (langOk(e, lang, plausible) && t.startsWith(e.keys[0] ?? '')) { matched = e; break; }
      }
      if (!matched) {
        i++;
        continue;
      }
      if (matched.intent) {
        let intent = matched.intent;
        let w = matched.w;
        let label = matched.label;
        // negation: "no quiero", "gak mau" — an order phrase right after a negator
        if (intent === 'order') {
          const p1 = i > 0 ? at(i - 1) : '';
          const p2 = i > 1 ? at(i - 2) : '';
          const neg = (w: string): boolean => NEGATORS.has(w) && !(w === 'no' && lang === 'pt'); // pt "no" = "in the"
          if (neg(p1) || (neg(p2) && p1 !== 'but' && p1 !== 'pero' && p1 !== 'mas' && p1 !== 'tapi')) {
            intent = 'complaint';
            w = 0.8;
            label = `negated “${matched.label}”`;
          }
        }
        if (intent === 'question') qLex += w;
        if (intent === 'complaint') cLex += w;
        addCue(sum, top, hits, matched.id, intent, w, label);
      }
      i += matched.keys.length;
    }

    // ---- structural cues ----
    if (f.questionEnd) addCue(sum, top, hits, 'struct:q_end', 'question', 1.8, 'ends with “?”');
    else if (f.question) addCue(sum, top, hits, 'struct:q_any', 'question', 0.8, 'has “?”');
    if (/^\s*¿/.test(norm.capped)) addCue(sum, top, hits, 'struct:q_open', 'question', 0.6, 'starts with “¿”');
    if (f.url) addCue(sum, top, hits, 'struct:url', 'spam', 4, 'contains a link');
    if (f.html) addCue(sum, top, hits, 'struct:html', 'spam', 3, 'contains HTML markup');
    if (f.phone) addCue(sum, top, hits, 'struct:phone', 'spam', 3, 'contains a phone number');
    if (f.fancy) addCue(sum, top, hits, 'struct:fancy', 'spam', 3, 'styled look-alike letters');
    if (f.repeatedPhrase) addCue(sum, top, hits, 'struct:repeat', 'spam', 1.5, 'same phrase repeated');
    if (f.length > 600) addCue(sum, top, hits, 'struct:long', 'spam', 0.8, 'very long comment');
    if (f.handles > 0 && hits.some((h) => h.intent === 'spam')) addCue(sum, top, hits, 'struct:handle', 'spam', 1, 'mentions an account');
    if (f.emojiOnly) addCue(sum, top, hits, 'struct:emoji_only', 'other', 1.2, 'emoji only');
    if (f.empty) addCue(sum, top, hits, 'struct:empty', 'other', 1, 'empty');

    // "+1", "+2"
    let plus = false;
    let qty = false;
    let onScreen = false;
    for (let k = 0; k < n; k++) {
      const t = at(k);
      if (t.charCodeAt(0) === 43 && /^\+\d/.test(t)) plus = true;
      else if (t.charCodeAt(0) === 35) onScreen = true;
      else if (/^x\d{1,2}$/.test(t)) qty = true;
      else if ((/^\d{1,2}$/.test(t) && +t > 0 && +t <= 20) || NUMBER_WORDS.has(t)) {
        const next = k + 1 < n ? at(k + 1) : '';
        const prev = k > 0 ? at(k - 1) : '';
        if (TIME_UNITS.has(next) || prev === '__price__' || next === '__price__') continue;
        if (product.productTokens.has(k)) continue;
        if (product.productTokens.has(k + 1) || product.productTokens.has(k - 1) || POLITE_AFTER_QTY.has(next) || n <= 2) qty = true;
      }
    }
    if (plus && !f.phone) addCue(sum, top, hits, 'struct:plus', 'order', 3.2, '“+1”');
    if (qty) addCue(sum, top, hits, 'struct:qty', 'order', 1.5, 'quantity');
    if (onScreen) addCue(sum, top, hits, 'struct:onscreen', 'order', 0.6, 'on-screen number');

    // A bare product mention ("#3!!", "yooo el nude"): in a live sale that is an order.
    if ((product.mentioned || product.deictic) && qLex === 0 && cLex === 0 && !f.question && !f.url) {
      let content = 0;
      for (let k = 0; k < n; k++) {
        const t = at(k);
        if (product.productTokens.has(k) || t.startsWith(':') || t.startsWith('#') || t.startsWith('+')) continue;
        if (FILLER.has(t) || /^\d{1,2}$/.test(t) || /^x\d+$/.test(t)) continue;
        content++;
      }
      if (content <= 1) addCue(sum, top, hits, 'struct:bare_product', 'order', 2.4, 'just names a product');
    }

    // Combine: the strongest cue counts fully, further cues of the same intent with diminishing weight
    // (five weak compliments do not outvote one "link in bio"). Strong order / complaint cues get the
    // labelling priority (order > complaint > question > other).
    const scores: Record<Intent, number> = { order: 0, question: 0, complaint: 0, spam: 0, other: 0 };
    for (const c of ['order', 'question', 'complaint', 'spam', 'other'] as const) {
      scores[c] = top[c] + SECONDARY_CUE_FACTOR * (sum[c] - top[c]);
    }
    if (top.order >= STRONG_CUE) scores.order += PRIORITY_BONUS.order;
    if (top.complaint >= STRONG_CUE) scores.complaint += PRIORITY_BONUS.complaint;
    for (const c of ['order', 'question', 'complaint', 'spam'] as const) scores[c] += INTENT_BIAS[c];
    scores.other = Math.max(INTENT_BIAS.other, scores.other);
    return { scores, hits };
  }

  return { score, size };
}
