// Language guess for en / es / pt / id from function words, chat slang and a few letters.
// Pure; lexicons are compiled once per call of compileLangDetector (no module-level mutable state).

import type { TriageLang } from './triage.types';
import { wordKey, type NormalizedText } from './text.normalize';

type Lang = Exclude<TriageLang, 'und'>;

// Words typical of each language in short chat. A word listed under two languages counts half for each.
const WORDS: Readonly<Record<Lang, string>> = {
  en: `the a an is are was i im i'm you u ur your my me mine it its it's this that these those and or but for to of
    with in on at from pls plz please what whats how does do did can could will would should so lol lmao omg just
    want need got get have has had be been not no yes yeah ok okay thanks thank ty love like look looks so much
    too very really who where when why which there here they we she he her his our buy buying sold ordered order
    ship shipping price link anyone asking gonna wanna gimme take i'll ill im it's don't dont can't cant didn't
    doesn't isn't hi hey hello guys y'all yall everyone tonight today rn fr ngl tho bc idk tbh pretty cute same`,
  es: `el la los las y es en un una lo mi mis por para con pero muy hay está esta estoy qué que cómo como cuánto cuanto
    cuál cuando cuándo dónde donde yo tú te se su sus del al porfa plis gracias hola quiero quiere tiene tienen
    puedo puede también tambien ya pa mío mia mía nada todo todas todos eso esto aquí aqui jaja jajaja jeje
    vendido compro compré pedido envío envio envíos llegó llego cuesta precio ahora mismo nomas nomás oye neta
    chicas amiga tía tia guapa hermosa bonito bonita gusta encanta verdad pues vale alguien ayuda funciona
    veces dos llevo convenciste saludos desde interesa pago ha han he hemos llegado nadie nunca siempre cuándo porque por qué
    ustedes usted vosotros están estaba tengo tienes ese esa sí si mucho muchísimo ahorita bueno buena buenas`,
  pt: `o a os as e é em um uma meu minha pra pro para com não nao tá ta tô to você voce vc vcs de do da dos das no na
    que quero queria tem quanto quantos qual como cadê cade onde quando gente kkk kkkk pfv obrigada obrigado
    muito também tambem mas já ja eu ele ela isso esse essa aqui amei linda lindo chegou comprei paguei frete
    vou levar fica fico tudo nada demais ainda agora pode posso vai vem boa noite oi olá ola né ne aí ai
    cadê pedido vocês nunca sempre porque também tô estou tava foi ficou minha seu sua mim comigo então entao`,
  id: `kak kakak min sis gan yg yang ini itu aku saya kamu dong sih aja udah sudah belum mau bisa gak ga nggak
    enggak tidak ada apa berapa brp buat untuk sama dan atau tapi kok masa banget bgt wkwk wkwkwk ya yah deh nih
    dulu lagi juga beli pesan pesen kirim ongkir harga gimana kapan dimana mana cara bikin pake pakai kulit
    cocok warna punya punyaku ambil keep co dateng datang nyampe sampe sampai kasih makasih terima
    kasih halo hai nonton suka lucu cantik cakep mantap semangat gas jadi kalo kalau tp trs udh blm sdh
    pesanan pesenan dong lho kan nya banget sekali aja kok masih baru mulai lama cepat murah mahal bagus`,
};

// Letters that only one of the four languages uses in normal writing.
const LETTER_CUES: ReadonlyArray<[RegExp, Lang, number]> = [
  [/[ñ¿¡]/u, 'es', 2.5],
  [/[ãõç]/u, 'pt', 2.5],
  [/[âêô]/u, 'pt', 1],
  [/\b\w{2,}nya\b/u, 'id', 2],
];

export interface LangGuess {
  lang: TriageLang;
  /** Evidence per language (0 when none). */
  scores: Record<Lang, number>;
  /** A hint was given and used. */
  fromHint: boolean;
  /** Languages with real evidence (the best one and any close second) — their rules apply. */
  plausible: ReadonlySet<Lang>;
}

export interface LangDetector {
  detect(norm: NormalizedText, hint?: string | null): LangGuess;
}

export function normalizeLangHint(hint: string | null | undefined): Lang | null {
  if (!hint) return null;
  const base = String(hint).trim().toLowerCase().split(/[-_]/)[0];
  if (base === 'en' || base === 'es' || base === 'pt' || base === 'id') return base;
  if (base === 'in' || base === 'ind') return 'id';
  if (base === 'eng') return 'en';
  if (base === 'spa') return 'es';
  if (base === 'por') return 'pt';
  return null;
}

export function compileLangDetector(): LangDetector {
  const table = new Map<string, Lang[]>();
  for (const lang of Object.keys(WORDS) as Lang[]) {
    for (const raw of WORDS[lang].split(/\s+/)) {
      if (!raw) continue;
      const key = wordKey(raw.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/['’]/g, '').toLowerCase());
      const cur = table.get(key);
      if (!cur) table.set(key, [lang]);
      else if (!cur.includes(lang)) cur.push(lang);
    }
  }

  function detect(norm: NormalizedText, hint?: string | null): LangGuess {
    const scores: Record<Lang, number> = { en: 0, es: 0, pt: 0, id: 0 };
    const hinted = normalizeLangHint(hint);
    if (hinted) {
      scores[hinted] = 1;
      return { lang: hinted, scores, fromHint: true, plausible: new Set([hinted]) };
    }
    const lower = norm.capped.toLowerCase();
    for (const [re, lang, w] of LETTER_CUES) if (w > 0 && re.test(lower)) scores[lang] += w;
    // laughter is a strong cue: kkkk (pt), jaja (es), wkwk (id)
    if (/\bk{3,}\b/.test(lower)) scores.pt += 2;
    if (/\b(?:ja){2,}j?\b|\bjeje/.test(lower)) scores.es += 2;
    if (/\b(?:wk){2,}/.test(lower)) scores.id += 2;
    let n = 0;
    for (const t of norm.tokens) {
      if (n++ > 80) break;
      const langs = table.get(t);
      if (!langs) continue;
      const w = 1 / langs.length;
      for (const l of langs) scores[l] += w;
    }
    let best: Lang = 'en';
    let bestScore = -1;
    let second = -1;
    for (const l of ['en', 'es', 'pt', 'id'] as Lang[]) {
      const v = scores[l];
      if (v > bestScore) {
        second = bestScore;
        bestScore = v;
        best = l;
      } else if (v > second) second = v;
    }
    const plausible = new Set<Lang>();
    for (const l of ['en', 'es', 'pt', 'id'] as Lang[]) if (scores[l] >= 0.5 && scores[l] >= 0.6 * bestScore) plausible.add(l);
    if (bestScore < 0.75 || bestScore === second) return { lang: 'und', scores, fromHint: false, plausible };
    return { lang: best, scores, fromHint: false, plausible };
  }

  return { detect };
}
