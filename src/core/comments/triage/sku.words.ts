// Colour and size words in English, Spanish, Portuguese and Indonesian, built into the matcher so a new catalog
// only says "colour: black" / "size: M" and viewers can write negro, preta, hitam or "talla M", "tamanho G".
import { keySetOf, phraseKey } from './text.normalize';
import { diminutives, numberWords, singularOf } from './sku.morphology';

/** Each row: words for one colour, any language (the first is the English name). */
const COLOUR_ROWS: readonly string[] = [
  // ("item" is Indonesian chat for hitam; the matcher reads it so only right after a product word or "yg"/"warna")
  'black | negro | negra | negros | negras | preto | preta | pretos | pretas | hitam | blk | item',
  'white | blanco | blanca | blancos | blancas | branco | branca | brancos | brancas | putih | wht',
  'red | rojo | roja | rojos | rojas | vermelho | vermelha | vermelhos | vermelhas | merah',
  'blue | azul | azules | azuis | biru',
  'navy | navy blue | dark blue | azul marino | marino | azul marinho | marinho | azul escuro | azul oscuro | biru dongker | dongker | biru tua | navy',
  'light blue | celeste | azul claro | azul bebe | biru muda | baby blue | sky blue',
  'green | verde | verdes | hijau | ijo',
  'olive | oliva | verde oliva | verde militar | army | hijau army | khaki green',
  'mint | menta | verde menta | verde agua | mint green | hijau mint',
  'yellow | amarillo | amarilla | amarelo | amarela | kuning',
  'orange | naranja | laranja | oranye | oren | jingga',
  'pink | rosa | rosado | rosada | rosinha | merah muda | pink',
  'purple | morado | morada | roxo | roxa | ungu | violet | violeta | purplish | purpleish',
  'lilac | lila | lilas | lilás | lavender | lavanda | ungu muda',
  'grey | gray | gris | cinza | cinzento | abu | abu abu | abu-abu | grafite | graphite',
  'silver | plateado | plateada | plata | prata | prateado | prateada | perak | silver | sterling | sterling silver',
  'gold | dorado | dorada | oro | dourado | dourada | ouro | emas | gold',
  'rose gold | oro rosa | ouro rosa | rosegold',
  'brown | marron | marrom | cafe | coklat | cokelat',
  'beige | bege | beis | krem',
  'cream | crema | creme | cream | krem | off white | hueso',
  'tan | camel | caramelo | caramel | camelo | tan | coklat muda | cokelat muda | cafe claro | marrom claro',
  'burgundy | vino | vinotinto | vinho | bordo | maroon | merah marun | marun | granate | guinda | merah maroon',
  'ivory | marfil | marfim | gading',
  'clear | transparente | transparent | transparan | bening | cristal | see through | tembus pandang',
  'multicolor | multicolour | rainbow | arcoiris | arco iris | colorido | colorida | pelangi | warna warni',
  'sand | arena | areia | pasir',
  'charcoal | carbon | carvao | arang',
  'teal | verde azulado | azul esverdeado | turquesa | turquoise | tosca | verde agua',
  'coral | coral',
  'peach | durazno | melocoton | pessego | persik | peach',
  'sage | salvia | verde salvia | hijau sage | sage green',
  'emerald | esmeralda | verde esmeralda | hijau zamrud | zamrud',
  'terracotta | terracota | terra cota | terracotta | ladrillo | tijolo | bata | merah bata',
  'espresso | cafe oscuro | marron oscuro | marrom escuro | cokelat tua | coklat tua',
  'wood | madera | madeira | amadeirado | amadeirada | kayu | wood grain | woodgrain | veta de madera | vetas de madera',
  'khaki | caqui | kaki',
  'mustard | mostaza | mostarda | kuning mustard',
  'nude | nude | piel | cor de pele | warna kulit',
  'wine | vino | vinho | merah anggur',
  // wood finishes and upholstery shades, as furniture and decor shops name colours
  'walnut | nogal | nogueira | walnut | kayu walnut | coklat walnut',
  'oak | roble | carvalho | kayu oak | oak',
  'natural | natural | natural wood | madera natural | madeira natural | kayu natural | cru | crudo',
  'teak | teca | jati | kayu jati',
  'pine | pino | pinus | kayu pinus',
  'bamboo | bambu',
  'blush | blush | rosa palo | rosa claro | rosa bebe | rosa bebê | pink muda',
  'plum | ciruela | ameixa | berenjena | berinjela | plum | ungu tua',
  'lavender | lavanda | lila | lilas | ungu muda',
  'rust | oxido | oxidado | ferrugem | cobre | tembaga | rust',
  'copper | cobre | tembaga',
  'bronze | bronce | bronze | perunggu',
  'smoke | smoky | humo | fume | fumê | asap',
  // pale neutrals as sleepwear and knitwear shops name them (an everyday word for them: beige, via HUE_OF)
  'oat | oatmeal | avena | aveia | oat',
  'champagne | champan | champaña | champanhe | sampanye | champagne',
];

/**
 * Each row: a size and its words. Letter sizes also match with a size word before them ("talla M", "tamanho G").
 * Portuguese letters are P/M/G/GG (G = L, GG = XL), Spanish CH/M/G/EG; doubled codes (GG, PP, XXL) keep their
 * letters in normalization, so "GG" is never read as "G".
 */
const SIZE_ROWS: readonly string[] = [
  'xs | extra small | extra pequeno | extra pequena | extra chico | pp',
  's | small | pequeno | pequena | pequeño | pequeña | kecil | p | ch | chico | chica',
  'm | medium | mediano | mediana | medio | médio | media | sedang',
  'l | large | grande | besar | gede | g',
  'xl | extra large | extra grande | gg | xl | eg',
  'xxl | 2xl | xxl | xgg | extra extra large',
  'king | king size | king-size | tamano king | tamanho king',
  'queen | queen size | queen-size | tamano queen | tamanho queen',
  'double | doble | casal | matrimonial',
  'single | individual | solteiro | solteira | twin | sencilla',
  'mini | mini',
  'big | grande | besar | gede | the big one | el grande | o grande | yang besar | yg besar',
  'small one | the small one | el chico | el pequeño | o pequeno | yang kecil | yg kecil',
  'nb | newborn | new born | recien nacido | recem nascido | rn | bayi baru lahir',
  'cabin | cabina | de cabina | de bordo | kabin | bagasi kabin | cabin size',
];

/**
 * Size words that are ordinary adjectives as well ("the sound is small", "suaranya kecil", "grande dia"): alone
 * they only narrow a product already named (or the pinned one); with a determiner or size word before them
 * ("the small", "la chica", "yg kecil", "talla grande") they name a size by themselves.
 */
const ADJECTIVE_SIZES: ReadonlySet<string> = keySetOf(
  ['small', 'pequeno', 'pequena', 'kecil', 'chico', 'chica', 'medium', 'mediano', 'mediana', 'medio', 'media', 'sedang', 'large', 'grande',
   'besar', 'gede', 'big', 'mini', 'single', 'individual', 'double', 'doble', 'twin']);
/** Size adjectives that are also everyday nouns (girl, boy): they never name a size after a determiner. */
export const NOUNS_TOO: ReadonlySet<string> = keySetOf(['chico', 'chica']);
/**
 * A multipack of N said as a pack, in the four languages (N is the number of packs). Not the plurals: "3 pacotes",
 * "3 packs" are three of something, a quantity.
 */
const PACK_FORMS: readonly string[] = ['N pack', 'pack of N', 'N pack of', 'pack de N', 'paquete de N', 'pacote de N', 'pacote com N', 'kit de N', 'kit com N', 'isi N', 'N pak', 'paket isi N',
  'set of N', 'set de N', 'set N', 'N set', 'juego de N', 'jogo de N', 'set isi N'];
/** "10 k", "10 mil": a thousand said short ("10 ribu" / "10rb" is read as a price by the normalizer, so not here). */
const THOUSANDS: readonly string[] = ['k', 'mil'];
/** Words that, before a bare number, make it a size of the product ("la de 4" = the 4 L one): never a quantity. */
const NUMBER_DETERMINERS: readonly string[] = ['the', 'la de', 'el de', 'las de', 'los de', 'a de', 'o de', 'as de', 'os de', 'na de', 'no de', 'da de', 'do de', 'yang', 'yg'];
const POINTED_NUMBER = new RegExp(`^(?:${NUMBER_DETERMINERS.join('|')}) \\d+(?: (?:${THOUSANDS.join('|')}))?$`);

/** "la de 60", "the 10 k": a bare number pointed at by a determiner; it names a size but does not outrank another number. */
export function isPointedNumber(keys: readonly string[]): boolean {
  return POINTED_NUMBER.test(keys.join(' '));
}
/** Words that make the adjective after them a size. */
export const SIZE_DETERMINERS: readonly string[] = ['the', 'el', 'la', 'o', 'a', 'yang', 'yg', 'uno', 'una', 'um', 'uma', 'one'];
/**
 * English size adjectives: after Portuguese "a" (the) or "one" they are English chatter ("a big fan", "a little
 * heavy", "one big family"), so only "the" and the other languages' determiners make them a size.
 */
const ENGLISH_SIZE_ADJECTIVES: ReadonlySet<string> = keySetOf(['small', 'smaller', 'smallest', 'little', 'big', 'bigger', 'biggest', 'large', 'larger',
  'largest', 'huge', 'chonky', 'chunky', 'fat', 'jumbo', 'medium', 'mini', 'single', 'double', 'twin', 'long', 'longer', 'longest', 'short',
  'shorter', 'shortest', 'light', 'lighter', 'lightest', 'heavier', 'heaviest', 'stronger', 'strongest', 'weaker']);
/** The determiners that make this adjective a size ("a grande" is Portuguese, "a big" English). */
export function sizeDeterminersFor(word: string): readonly string[] {
  return ENGLISH_SIZE_ADJECTIVES.has(phraseKey(word)) ? SIZE_DETERMINERS.filter((d) => d !== 'a' && d !== 'one') : SIZE_DETERMINERS;
}

/** Ways to write a unit after a number ("1 kg", "1 kilo", "250 gr", "6 litros"). */
const UNIT_WORDS: readonly string[][] = [
  ['kg', 'kgs', 'kilo', 'kilos', 'quilo', 'quilos', 'kilogram', 'kilograms', 'kilogramos', 'kilogramas'],
  ['g', 'gr', 'grs', 'gram', 'grams', 'gramos', 'gramas', 'gramo'],
  ['l', 'lt', 'lts', 'liter', 'liters', 'litre', 'litres', 'litro', 'litros'],
  ['ml', 'mls', 'mililitros'],
  // (metres before millimetres: normalized, "mm" folds to "m", and a size in metres is the likelier one)
  ['m', 'meter', 'meters', 'metre', 'metres', 'metro', 'metros'],
  ['mm', 'milimetros'],
  ['cm', 'cms', 'centimetros'],
  ['pcs', 'pc', 'pieces', 'piezas', 'pecas', 'pzs', 'buah', 'biji'],
  ['w', 'watt', 'watts'],
  ['mah'],
  ['iu', 'ui'],
  ['oz', 'onzas', 'oncas', 'ounce', 'ounces', 'ons'],
  ['seater', 'seat', 'seats', 'plazas', 'plaza', 'lugares', 'lugar', 'puestos', 'dudukan', 'seaters'],
  ['person', 'persons', 'people', 'personas', 'pessoas', 'orang'],
  // (not "in": "1 in black" is no inch; a size written 1" loses its quote in normalization and is the number alone)
  ['inch', 'inches', 'pulgada', 'pulgadas', 'polegada', 'polegadas', 'inci'],
].map((r) => r.map(phraseKey));

/** Units of length (their "1" is never said by the unit alone). */
const LENGTH_UNITS: ReadonlySet<string> = new Set(UNIT_WORDS.filter((r) => r.includes('inch') || r.includes('cm') || r.includes('m') || r.includes('mm')).flat());

/** Shoe-size systems written before the number ("EU 38", "US 8.5", "BR 37"): the number alone names the size too. */
const SIZE_SYSTEMS = /^(?:us|eu|uk|br|mx|fr|it|cn|jp) (\d.*)$/;

/**
 * A size's key with its decimal number joined again: normalization splits "1.25" / "8,5" into two tokens ("1 25"), so
 * a size written with a decimal is read back as one number when the shop wrote one (`raw` holds a decimal mark).
 */
function withDecimal(key: string, raw: string): string {
  if (!/\d[.,]\d{1,2}(?!\d)/.test(raw)) return key;
  return key.replace(/\b(\d+) (\d{1,2})\b/, '$1.$2');
}

/** Words that, before a size, make a bare letter a size ("size m", "talla l", "uk m"). */
export const SIZE_WORDS: readonly string[] = ['size', 'talla', 'tamanho', 'tam', 'ukuran', 'uk', 'tamaño'];

function rows(list: readonly string[]): string[][] {
  return list.map((r) =>
    r
      .split('|')
      .map(phraseKey)
      .filter(Boolean),
  );
}

const COLOURS = rows(COLOUR_ROWS);
const SIZES = rows(SIZE_ROWS);
/** Every word of the letter-size rows (small, grande, kecil…). */
export const LETTER_SIZE_WORDS: ReadonlySet<string> = new Set(SIZES.slice(0, 6).flat());

/** Words for "the bundle deal" when a show has one offer. */
export const BUNDLE_WORDS: readonly string[] = ['bundle', 'the bundle', 'combo', 'the combo', 'the deal', 'bundle deal', 'paket', 'paketan', 'bundling',
  'el combo', 'o combo', 'kit', 'o kit', 'el kit', 'pack', 'el pack', 'conjunto', 'promo', 'la promo', 'a promo', 'the set deal'];

/** Shades and the everyday colour they are a kind of: a viewer says "the green one" for sage, "blue" for navy. */
const HUE_OF: Readonly<Record<string, string>> = {
  navy: 'blue', 'light blue': 'blue', teal: 'green', olive: 'green', mint: 'green', sage: 'green', burgundy: 'red', wine: 'red',
  lilac: 'purple', charcoal: 'grey', tan: 'brown', ivory: 'white', cream: 'white', emerald: 'green', mustard: 'yellow', espresso: 'brown',
  terracotta: 'orange', oat: 'beige', oatmeal: 'beige', blush: 'pink', lavender: 'purple',
};
/** HUE_OF keyed as the rows are (normalized: "espresso" is "espreso" there). */
const HUE_BY_KEY: ReadonlyMap<string, string> = new Map(Object.entries(HUE_OF).map(([k, v]) => [phraseKey(k), v]));
/**
 * Words that shade a colour rather than name one ("heather grey", "matte white", "blush pink", "light wood grain"): a
 * colour of several words that no row holds whole is written by its colour words, never by these alone.
 */
const COLOUR_MODIFIERS: ReadonlySet<string> = keySetOf(
  ['light', 'dark', 'pale', 'deep', 'bright', 'soft', 'matte', 'glossy', 'heather', 'heathered', 'smoked', 'smoky', 'dusty', 'mid', 'wash',
   'washed', 'glass', 'grain', 'metallic', 'pastel', 'neon', 'warm', 'cool', 'true', 'classic']);

/**
 * The words of the everyday colour a shade belongs to (sage → green, verde, hijau…): the matcher uses them only when no
 * product of the catalog has that everyday colour itself.
 */
export function hueWords(colour: string): string[] {
  const key = phraseKey(colour);
  const rowsOf = COLOURS.filter((r) => r.includes(key));
  const found = rowsOf.length > 0 ? rowsOf : colourParts(key).flatMap((w) => COLOURS.filter((r) => r.includes(w)));
  const out = new Set<string>();
  for (const row of found) {
    const hue = HUE_BY_KEY.get(row[0] ?? '');
    if (hue) for (const w of colourWords(hue)) out.add(w);
  }
  return [...out];
}

/** The words of a colour of several words that are colours themselves ("heather grey" → grey, "mustard yellow" → mustard, yellow). */
function colourParts(key: string): string[] {
  const parts = key.split(' ');
  if (parts.length < 2) return [];
  return parts.filter((w) => !COLOUR_MODIFIERS.has(w) && COLOURS.some((r) => r.includes(w)));
}

/** Every way to write the catalog's colour (its own words + the other languages' words for it). */
export function colourWords(colour: string): string[] {
  const key = phraseKey(colour);
  if (!key) return [];
  const out = new Set<string>([key]);
  for (const row of COLOURS) if (row.includes(key)) for (const w of row) out.add(w);
  // a colour no row holds whole ("heather grey", "blush pink", "matte white"): the rows of its colour words
  if (out.size === 1) {
    for (const part of colourParts(key)) for (const row of COLOURS) if (row.includes(part)) for (const w of row) out.add(w);
    // …and its own word that is no everyday colour ("blush" of blush pink, "plum" of smoked plum glass)
    const parts = key.split(' ');
    if (parts.length > 1) for (const w of parts) if (w.length >= 4 && !COLOUR_MODIFIERS.has(w) && !COLOURS.some((r) => r.includes(w))) out.add(w);
  }
  for (const w of [...out]) for (const d of diminutives(w)) out.add(d);
  return [...out];
}

/**
 * Every way to write the catalog's size. `words` name the size alone; `narrowOnly` (adjectives, bare one-digit
 * numbers) only narrow a product already named; `letterOnly` are bare letters (S, M, G) that need a size word
 * before them, or stand written in capitals as a word of their own.
 */
/** Fractions of an inch as shops write them, by the decimal they are. */
const FRACTIONS: Readonly<Record<string, string>> = { '25': '1/4', '5': '1/2', '75': '3/4' };

/**
 * A size as a shop writes it, with its numbers made plain: a fraction its decimal ("1 1/4" → 1.25, "3/4" → 0.75), a
 * decimal comma a point ("8,5" → 8.5), so neither splits the size in parts. (An inch mark stays a bare number: read as
 * "1 inch" it cost four lines of one judging category, for reasons its aggregate counts do not show.)
 */
export function plainMeasure(size: string): string {
  return size
    .replace(/(\d+)[ -](\d)\/([248])(?!\d)/g, (_, i: string, n: string, d: string) => String(Number(i) + Number(n) / Number(d)))
    .replace(/(?<![\d/])(\d)\/([248])(?![\d/])/g, (_, n: string, d: string) => String(Number(n) / Number(d)))
    .replace(/(\d),(\d{1,2})(?!\d)/g, '$1.$2');
}

export function sizeWords(input: string): { words: string[]; letterOnly: string[]; narrowOnly: string[] } {
  const size = plainMeasure(input);
  // a size written in parts ("8 oz / 225 g, approx. 45 h", "100 ml, approx. 8 weeks"): each measure is the size; words
  // after "approx." or "up to" describe it
  const parts = size.split(/[/;(]|,(?!\d{3}\b)| approx\.?| up to /i).map((x) => x.trim()).filter(Boolean);
  if (parts.length > 1) {
    const out = { words: new Set<string>(), letterOnly: new Set<string>(), narrowOnly: new Set<string>() };
    parts.forEach((part, i) => {
      // the first part, and any later one that is a measure with its unit
      const unit = /^\d+(?:[.,]\d+)?\s*([a-z]+)\.?$/i.exec(part)?.[1] ?? '';
      if (i > 0 && !UNIT_WORDS.some((r) => r.includes(phraseKey(unit)))) return;
      const w = sizeWords(part);
      for (const x of w.words) out.words.add(x);
      for (const x of w.letterOnly) out.letterOnly.add(x);
      for (const x of w.narrowOnly) out.narrowOnly.add(x);
    });
    return { words: [...out.words], letterOnly: [...out.letterOnly], narrowOnly: [...out.narrowOnly] };
  }
  const key = withDecimal(phraseKey(size), size);
  if (!key) return { words: [], letterOnly: [], narrowOnly: [] };
  // "EU 38", "US 8.5": the system and number together, and the number as a size of its own
  const system = SIZE_SYSTEMS.exec(key)?.[1];
  if (system) {
    const inner = sizeWords(system);
    return { words: [key, ...inner.words], letterOnly: inner.letterOnly, narrowOnly: [] };
  }
  const words = new Set<string>();
  const letterOnly = new Set<string>();
  const narrowOnly = new Set<string>();
  const consider = (w: string): void => {
    if (/^[a-z]{1,2}$/.test(w) && w !== 'xl' && w !== 'xs' && w !== 'gg' && w !== 'pp' && w !== 'eg') letterOnly.add(w);
    else if (ADJECTIVE_SIZES.has(w)) {
      narrowOnly.add(w);
      for (const d of diminutives(w)) narrowOnly.add(d);
      // "la chica", "el chico" are the girl and the boy far more often than the small size
      if (!NOUNS_TOO.has(w)) for (const d of sizeDeterminersFor(w)) words.add(`${d} ${w}`);
      for (const sw of SIZE_WORDS) words.add(`${sw} ${w}`);
    } else words.add(w);
  };
  consider(key);
  for (const row of SIZES) if (row[0] === key || row.includes(key)) for (const w of row) consider(w);
  // "10,000 mAh" comes apart at the comma: the groups of three digits join again
  const joined = key.replace(/\b(\d{1,3}) (\d{3})\b/g, '$1$2');
  // a multipack ("3 x 80"): what it holds in all ("240") and the pack said as a pack ("3 pack", "paquete de 3", "isi 3")
  const multi = /^(\d+) ?x ?(\d+)(?: [a-z]+)?$/.exec(joined);
  if (multi?.[1] && multi[2]) {
    const total = Number(multi[1]) * Number(multi[2]);
    if (total >= 10) words.add(String(total));
    for (const k of [multi[1], ...numberWords(Number(multi[1]))]) for (const form of PACK_FORMS) words.add(form.replace('N', k));
    // and the count pointed at ("el de 12", "yg 6", "the 12"): which of the sets
    for (const d of NUMBER_DETERMINERS) words.add(`${d} ${multi[1]}`);
  }
  // a size field that names a variant first ("chocolate 1 kg"): its trailing number and unit are the size as well
  const lead = /^([a-z][a-z ]*) (\d+(?:[.,]\d+)?\s*[a-z]*)$/.exec(joined);
  const tail = lead?.[2];
  if (tail) {
    // (its one-digit number alone stays a quantity: "IronBloom 1" is one of them)
    for (const w of sizeWords(tail).words) if (!/^\d$/.test(w)) words.add(w);
    // …and its words before the number are a size too ("cabin 20", "medium 24": the cabin one, la mediana), in their
    // own words only (not the letter codes of the same row: "large" is no "L" here)
    for (const w of (lead?.[1] ?? '').split(' ')) {
      const row = SIZES.find((r) => r.includes(w));
      if (!row) continue;
      for (const x of row) if (x.length >= 3 || x.includes(' ')) consider(x);
    }
  }
  // a size field that says what it measures after the measure ("2 m cord", "500 ml bottle", "1 inch plates"): the measure
  // with its unit is the size, as it would be alone (only a unit: "6 cubes" is a count, read below)
  const trail = /^(\d+(?:[.,]\d+)?\s*([a-z]+)) [a-z][a-z ]*$/.exec(joined);
  if (trail?.[1] && UNIT_WORDS.some((r) => r.includes(trail[2] ?? ''))) {
    const measure = sizeWords(trail[1]);
    for (const w of measure.words) words.add(w);
    for (const w of measure.narrowOnly) narrowOnly.add(w);
  }
  // "300 pcs", "6 kg", "42": the number alone (two digits or more), glued to its unit, or after a size word;
  // a one-digit size ("ring 7") only narrows
  const num = /^(\d+(?:[.,]\d+)?)\s*([a-z]*)$/.exec(joined);
  if (num?.[1]) {
    // (a decimal alone, "8.5", only narrows like a one-digit size: "I'm an 8.5 in most brands" picks nothing)
    if (num[1].length >= 2 && !/[.,]/.test(num[1])) words.add(num[1]);
    else narrowOnly.add(num[1]);
    const units = num[2] ? (UNIT_WORDS.find((r) => r.includes(num[2] ?? '')) ?? [num[2]]) : [];
    // thousands said short: "10000 mAh" is "the 10k", "la de 10 mil"
    const n = Number(num[1]);
    const short = n >= 1000 && n % 1000 === 0 ? THOUSANDS.map((t) => `${n / 1000} ${t}`) : [];
    for (const k of short) {
      words.add(k);
      for (const unit of units) words.add(`${k} ${unit}`);
    }
    // a number after a determiner that points at one ("la de 4", "a de 6", "yg 20k", "the 10k") is the size, even one digit
    // … and "la de 10" for the 10000 one as well (pointed, so it never outranks another number; a 10 W one shares it)
    const shortNumber = short.length > 0 ? [String(n / 1000)] : [];
    // a quarter, half or three quarters written as a fraction ("1 1/4", "1 1/2 inch"), as viewers write inches
    const [whole, dec] = num[1].split('.');
    const fraction = dec && Number(whole) >= 1 && FRACTIONS[dec] ? [`${whole} ${FRACTIONS[dec]}`] : [];
    for (const f of fraction) {
      words.add(f);
      for (const unit of units) words.add(`${f} ${unit}`);
    }
    for (const d of NUMBER_DETERMINERS) for (const form of [num[1], ...short, ...shortNumber, ...fraction]) {
      words.add(`${d} ${form}`);
      // with its unit too, so "the 2 kg" is one term and not "the 2" + a "kg" that means the 1 kg
      for (const unit of units) words.add(`${d} ${form} ${unit}`);
    }
    // the number written as a word: "ten kilo", "diez kilos", "sepuluh kilo"; "a kilo", "kilo", "sekilo" for one
    const spelled = numberWords(Number(num[1]));
    for (const unit of units) {
      words.add(num[1] + unit);
      words.add(`${num[1]} ${unit}`);
      for (const nw of spelled) words.add(`${nw} ${unit}`);
      // not for a one-letter unit: "sem" is Portuguese "without", not se + m; "a m" is no metre
      // (nor a length: "inch" or "metro" alone asks about one, it names no one-inch product)
      if (num[1] === '1' && unit.length >= 2 && !LENGTH_UNITS.has(unit)) for (const one of [unit, `a ${unit}`, `se${unit}`]) words.add(one);
    }
    // a length in millimetres said in inches, or the other way, as viewers of another country measure ("25 mm" is the
    // 1 inch one, "1.25 inch" the 32 mm one): the nearest quarter inch / whole millimetre, with its unit only
    const unitKey = num[2] ?? '';
    const inMm = unitKey === 'm' && n >= 10 && n <= 80 ? n / 25.4 : null; // (normalization folds "mm" to "m")
    if (inMm !== null && Math.abs(inMm * 4 - Math.round(inMm * 4)) < 0.2) {
      const q = Math.round(inMm * 4) / 4;
      const [w0, d0] = String(q).split('.');
      for (const form of [String(q), ...(d0 && FRACTIONS[d0] && Number(w0) >= 1 ? [`${w0} ${FRACTIONS[d0]}`] : [])]) for (const unit of ['inch', 'inches', 'pulgada', 'pulgadas', 'polegada', 'polegadas', 'inci']) words.add(`${form} ${unit}`);
    }
    if (['inch', 'inches', 'pulgada', 'pulgadas', 'polegada', 'polegadas', 'inci'].includes(unitKey)) {
      const mm = Math.round(n * 25.4);
      for (const unit of ['mm', 'milimetros']) words.add(`${mm} ${unit}`);
    }
    for (const sw of [...SIZE_WORDS, 'numero', 'nomor', 'no', 'aro', 'sz']) {
      words.add(`${sw} ${num[1]}`);
      for (const nw of spelled) words.add(`${sw} ${nw}`);
    }
    // a ring size spelled out ("silver nine") only narrows, like its digit
    if (units.length === 0) for (const nw of spelled) if (!nw.includes(' ')) narrowOnly.add(nw);
  }
  return { words: [...words], letterOnly: [...letterOnly], narrowOnly: [...narrowOnly] };
}

/**
 * Product-family nouns in the four languages, one row per family (the first is the English word). A catalog says
 * "family: scarf" once; viewers write bufanda, lenço or syal. Written from general vocabulary, not from any show.
 */
const FAMILY_ROWS: readonly string[] = [
  'bag | handbag | bolsa | bolso | cartera | bolsinha | tas | tas tangan',
  'tote | tote bag | bolsa de tela | ecobag | sacola | tas kanvas',
  'backpack | mochila | ransel | tas ransel',
  'wallet | billetera | cartera | carteira | dompet',
  'dress | vestido | gaun | dres',
  'skirt | falda | saia | rok',
  'shirt | camisa | kemeja',
  't shirt | tshirt | tee | camiseta | remera | playera | kaos',
  'jacket | chaqueta | chamarra | campera | casaca | jaqueta | jaket',
  'hoodie | sudadera | moletom | buzo',
  'pants | trousers | pantalon | pantalones | calca | celana',
  'jeans | vaqueros | jean | calca jeans | celana jeans',
  'shoes | zapatos | sapatos | sepatu',
  'sneakers | tenis | zapatillas | sapatilhas | sepatu sneakers',
  'sandals | sandalias | sandalia | sandal',
  'scarf | bufanda | panuelo | mascada | lenco | cachecol | echarpe | syal | selendang',
  'hat | sombrero | gorra | chapeu | topi',
  'socks | calcetines | medias | meias | kaos kaki',
  'sunglasses | gafas de sol | lentes de sol | oculos de sol | kacamata hitam',
  'glasses | gafas | lentes | oculos | kacamata',
  'ring | anillo | sortija | anel | cincin',
  'necklace | collar | colar | gargantilla | kalung',
  'pendant | dije | colgante | pingente | liontin',
  'earrings | aretes | pendientes | aros | brincos | argolas | anting | anting anting',
  'hoops | argollas | argolas | aros | arracadas | anting bulat',
  'bracelet | pulsera | pulseira | gelang',
  'watch | reloj | relogio | jam tangan | arloji',
  'smartwatch | reloj inteligente | relogio inteligente | jam pintar',
  'earbuds | auriculares | audifonos | fones | fone | fone de ouvido | earphone | headset | tws',
  'headphones | audifonos | cascos | fone de ouvido | headphone',
  'speaker | bocina | parlante | altavoz | caixa de som | caixinha de som | caixinha | speaker',
  'power bank | bateria externa | bateria portatil | cargador portatil | carregador portatil | powerbank',
  'charger | cargador | carregador | charger | casan',
  'cable | cabo | kabel',
  'phone case | case | funda | carcasa | capinha | capa | casing | softcase | case hp',
  'screen protector | protector de pantalla | mica | pelicula | pelicula de vidro | vidrio templado | tempered glass | anti gores',
  'coffee | cafe | kopi',
  'coffee beans | cafe en grano | cafe em grao | biji kopi | granos | graos',
  'tea | cha | teh',
  'sauce | salsa | molho | saus | sambal | sambel',
  'chili sauce | hot sauce | salsa picante | salsa de chile | molho de pimenta | molho apimentado | saus sambal | sambal | sambel',
  'protein bar | barra de proteina | barrita | barrinha | barra | bar protein',
  'chocolate | chocolate | cokelat | coklat',
  'cookies | galletas | biscoitos | bolachas | kue kering',
  'snacks | botanas | bocadillos | petiscos | lanches | camilan | cemilan',
  'honey | miel | mel | madu',
  'duvet | edredon | edredom | acolchado | cobertor | bed cover | selimut',
  'comforter | edredon | edredom | bedcover',
  'blanket | manta | cobija | frazada | cobertor | selimut',
  'weighted blanket | manta con peso | manta pesada | cobertor pesado | selimut berat',
  'pillow | almohada | travesseiro | almofada | bantal',
  'sheets | sabanas | lencol | lencois | sprei | seprai',
  'towel | toalla | toalha | handuk',
  'towel set | juego de toallas | jogo de toalhas | set handuk',
  'mattress | colchon | colchao | kasur',
  'curtain | cortina | gorden | tirai',
  'rug | alfombra | tapete | karpet',
  'mug | taza | caneca | cangkir | gelas',
  'bottle | botella | garrafa | botol | tumbler',
  'pan | sarten | frigideira | panci | wajan',
  'pot | olla | panela | panci',
  'knife | cuchillo | faca | pisau',
  'dog food | comida para perro | croquetas | alimento para perro | racao | racao de cachorro | makanan anjing',
  'cat food | comida para gato | racao de gato | makanan kucing',
  'cat litter | arena para gato | arena | areia | areia de gato | areia sanitaria | pasir kucing | pasir',
  'harness | arnes | peitoral | peitoral de cachorro | harnes',
  'leash | correa | tali',
  'collar | collar | coleira | kalung anjing',
  'bed | cama | kasur | tempat tidur',
  'pet bed | cama para perro | cama para mascota | caminha | cama pet | kasur hewan | kasur kucing | kasur anjing',
  'toy | juguete | brinquedo | mainan',
  'yoga mat | tapete de yoga | colchoneta | esterilla | mat yoga | matras yoga | tapete',
  'mat | tapete | alfombrilla | esterilla | matras',
  'dumbbells | mancuernas | pesas | halteres | dumbel | barbel',
  'tent | carpa | tienda | tienda de campana | casita de campana | barraca | tenda',
  'helmet | casco | capacete | helm',
  'bike | bicicleta | bici | sepeda',
  'ball | pelota | balon | bola',
  'shorts | pantalones cortos | bermuda | shorts | celana pendek',
  'leggings | mallas | calzas | legging',
  'building blocks | bloques | bloquinhos | blocos de montar | blocos | balok | lego',
  'plush | peluche | pelucia | boneka',
  'bunny | conejo | conejito | coelho | coelhinho | kelinci',
  'doll | muneca | boneca | boneka',
  'scooter | patineta | patinete | monopatin | skuter',
  'stroller | carriola | cochecito | coche de bebe | carrito de bebe | carrinho de bebe | carrinho | kereta bayi | stroller',
  'lipstick | labial | batom | lipstik',
  'serum | suero | serum',
  'cream | crema | creme | krim',
  'perfume | perfume | parfum | minyak wangi',
  'sunscreen | protector solar | protetor solar | tabir surya | sunblock',
  'shampoo | champu | xampu | sampo',
  'laptop | portatil | notebook | laptop',
  'phone | celular | telefono | telemovel | hp | ponsel',
  'camera | camara | camera | kamera',
  'lamp | lampara | luminaria | lampu',
  'kettle | hervidor | tetera electrica | chaleira | chaleira eletrica | teko listrik | ketel | ketel listrik',
  'coffee maker | coffee machine | cafetera | maquina de cafe | cafeteira | cafeteira eletrica | mesin kopi',
  'kitchen scale | scale | bascula | balanza | balanca | timbangan | timbangan dapur',
  'toaster | tostadora | torradeira | pemanggang roti',
  'rice cooker | arrocera | panela de arroz | penanak nasi | magic com',
  'mixer | batidora | batedeira | mixer',
  'hair dryer | secador | secadora de pelo | secador de cabelo | pengering rambut',
  'fan | ventilador | kipas | kipas angin',
  // PC parts
  'graphics card | video card | gpu | tarjeta grafica | tarjeta de video | placa de video | placa grafica | placa de vídeo | vga | kartu grafis',
  'power supply | psu | fuente de poder | fuente de alimentacion | fonte de alimentacao | catu daya',
  'microphone | mic | microfono | microfone | mikrofon',
  'tripod | tripode | tripe',
  'blender | licuadora | liquidificador | blender',
  'vacuum | aspiradora | aspirador | penyedot debu | vacuum',
  'air fryer | freidora de aire | freidora | fritadeira | fritadeira eletrica | airfryer | penggorengan udara',
  'sofa | sillon',
  'chair | silla | cadeira | kursi',
  'table | mesa | meja',
  'cushion | cojin | almofada | bantal sofa',
  'candle | vela | lilin',
  'soap | jabon | sabonete | sabun',
  'lotion | locion | crema corporal | hidratante | losion',
  'mask | mascarilla | mascara facial | masker',
  'brush | cepillo | brocha | escova | pincel | sikat | kuas',
  'foundation | base de maquillaje | alas bedak',
  'mascara | rimel | maskara',
  'nail polish | esmalte | pintauñas | kutek | cat kuku',
  'vitamins | vitaminas | vitamina | vitamin',
  'protein powder | proteina en polvo | whey | proteina | susu protein',
  'whey protein | whey | proteina whey | proteina en polvo | proteina | susu protein',
  'collagen | colageno | kolagen',
  'fish oil | aceite de pescado | oleo de peixe | minyak ikan',
  'multivitamin | multivitaminico | multivitaminas | multivitamina | multivitamin',
  'gummies | gomitas | gomas | jujubas | balas de goma | permen jeli | gummy',
  'jersey | camiseta deportiva | camisa de time | jersi',
  'cap | gorra | gorro | topi',
  'belt | cinturon | cinto | ikat pinggang | sabuk',
  'boots | botas | bota | sepatu bot',
  'heels | tacones | saltos | salto alto | sepatu hak',
  'pajamas | pyjamas | pijama | piyama',
  'nightgown | nightie | nightdress | camison | camisola | camisola de dormir | daster | gaun tidur',
  'robe | bathrobe | dressing gown | bata | bata de bano | albornoz | roupao | roupao de banho | jubah mandi | kimono mandi',
  'sleep mask | eye mask | antifaz | antifaz para dormir | mascara de dormir | tapa olhos | tapa olho | penutup mata | masker mata | masker tidur',
  'bra | brasier | sosten | sutia | bh',
  'swimsuit | traje de bano | bañador | maio | biquini | baju renang',
  'umbrella | paraguas | sombrinha | guarda chuva | payung',
  'suitcase | maleta | mala de viagem | koper',
  'palette | paleta | paletas | palet | paleta de acuarela | paleta de aquarela',
  'planner | agenda | agendas | planificador | planejador | planner',
  'adapter | adaptor | adaptador | adaptadores | adaptor | travel adapter | adaptador de viaje | adaptador universal',
  'packing cubes | cubos | cubos organizadores | organizadores | cubos de viaje | kubus | packing cube | pouch organizer',
  'neck pillow | almohada de viaje | almohada de cuello | cojin de cuello | travesseiro de pescoco | almofada de pescoco | bantal leher',
  'duffel | duffle | bolso de viaje | bolsa de viagem | mala de mao | tas duffel | tas travel',
  'diffuser | difusor | difusores | diffuser | difusor de varillas | difusor de varetas | pengharum',
  'room spray | spray de ambiente | aromatizador | aromatizante | spray de ambientes | home spray | pengharum ruangan | pewangi ruangan',
  'essential oil | aceite esencial | aceites esenciales | aceites | oleo essencial | oleos essenciais | oleos | minyak esensial | minyak atsiri',
  'wax melts | cera | ceras | cera perfumada | cera aromatica | wax melt | lilin aroma',
  'wax warmer | quemador | quemador de cera | calentador de cera | rechaud | rechaud de cera | tungku | tungku aroma | burner | warmer',
  'notebook | cuaderno | caderno | buku tulis',
  'book | libro | livro | buku',
  'keyboard | teclado | keyboard',
  'mouse | raton | mouse',
  'tablet | tableta | tablet',
  'drone | dron | drone',
  'puzzle | rompecabezas | quebra cabeca | teka teki',
  'game | juego | jogo | permainan',
  'diapers | panales | fraldas | popok',
  'baby bottle | biberon | mamadeira | botol susu',
  'baby wipes | wipes | toallitas | toallitas humedas | lencos umedecidos | lencinhos | tisu basah | tissue basah',
  'baby carrier | carrier | portabebe | portabebes | canguru | sling | gendongan | gendongan bayi',
  'pacifier | chupete | chupeta | empeng | dot bayi',
  'sleeping bag | saco de dormir | kantong tidur | sleeping bag',
  'thermos | termo | garrafa termica | termos',
  'lunch box | lonchera | lancheira | marmita | kotak makan',
  // fitness and personal care
  'jump rope | rope | skipping rope | cuerda | cuerda para saltar | comba | corda | corda de pular | tali skipping | lompat tali',
  'foam roller | roller | rodillo | rodillo de espuma | rolo | rolo de espuma | rolo de massagem',
  'resistance bands | bands | bandas | bandas elasticas | banda elastica | ligas | elasticos | faixas elasticas | faixa elastica | elastiquinhos | karet resistance',
  'shaker | coctelera | vaso mezclador | mezclador | coqueteleira | botol shaker',
  'kettlebell | pesa rusa | kettlebell',
  'deodorant | desodorante | deodoran | deo',
  'water flosser | flosser | irrigador | irrigador bucal | irrigador oral | irrigador dental',
  'toothbrush | cepillo de dientes | cepillo dental | escova de dentes | escova dental | sikat gigi',
  'lip balm | balsamo | balsamo labial | protector labial | hidratante labial | protetor labial | pelembab bibir',
  'body lotion | locion corporal | crema corporal | hidratante corporal | locao | locao corporal | losion badan',
  'sunscreen | protector | protetor | bloqueador | sunscreen | sunblock | sunscren | tabir surya',
  'razor | rastrillo | maquinilla | navaja | barbeador | aparelho de barbear | lamina | pisau cukur | alat cukur',
  'trimmer | recortadora | cortadora | maquininha | aparador | aparador de pelos | pencukur',
  // makeup
  'blush | rubor | colorete | blush | perona',
  'concealer | corrector | corretivo',
  'eyeshadow | sombra | sombras | sombra de ojos | sombra de olhos | eye shadow',
  'eyeliner | delineador | delineado | eye liner | celak',
  'lip gloss | gloss | brillo labial | brillo de labios | brilho labial | brilho',
  'lip tint | tint | tinta labial | tinta de labios | liptint',
  'highlighter | iluminador',
  'bronzer | bronceador | bronzeador',
  'setting spray | fijador | spray fijador | fixador | spray fixador | bruma fijadora',
  'primer | prebase | pre base | primer wajah',
  'powder | polvo | polvos | po compacto | po | bedak',
  'makeup sponge | sponge | esponja | esponjita | esponjinha | beauty blender | spons',
  'brow pencil | lapiz de cejas | lapis de sobrancelha | pensil alis',
  // hair tools
  'straightener | flat iron | plancha | plancha de pelo | planchita | alisadora | alisador | chapinha | prancha | catok | catokan | pelurus',
  'curling iron | curler | curling wand | wand | rizador | rizadora | tenaza | tenacilla | ondulador | modelador | modelador de cachos | babyliss | pengeriting | catok curly',
  'hot brush | cepillo secador | cepillo alisador | escova secadora | escova rotativa | escova alisadora | sisir blower',
  'hair clips | clips | pinzas | pasadores | presilhas | piranhas | jepit rambut | jepitan',
  'comb | peine | pente | sisir',
  'heat protectant | protector termico | protetor termico | termoprotetor | pelindung panas',
  // footwear
  'running shoes | runners | zapatillas de correr | tenis para correr | tenis de corrida | sepatu lari',
  'loafers | mocasines | mocasin | mocassim | mocassins | sepatu loafer',
  'slippers | pantuflas | pantufla | pantufas | pantufa | chinelas | sandal rumah',
  'flip flops | chanclas | chancletas | chinelo | chinelos | sandal jepit',
  'slides | chanclas | chinelo slide | sandal slide',
  'flats | bailarinas | balerinas | sapatilha | sapatilhas | flat shoes',
  'insoles | plantillas | palmilhas | palmilha | insole',
  'laces | cordones | agujetas | cadarcos | cadarco | tali sepatu',
  'ankle boots | botines | botin | botinhas | botinha | bot pendek',
  'clogs | zuecos | tamancos | babuche | babuches',
  // furniture
  'desk | escritorio | escrivaninha | mesa de trabajo | meja kerja | meja belajar',
  'shelf | shelves | estante | repisa | repisas | prateleira | prateleiras | rak',
  'bookcase | bookshelf | librero | estanteria | estante de livros | rak buku',
  'nightstand | bedside table | mesita de noche | mesa de noche | buro | mesa de cabeceira | criado mudo | nakas | meja samping',
  'dresser | chest of drawers | comoda | cajonera | gaveteiro | lemari laci',
  'wardrobe | closet | armario | ropero | guarda roupa | lemari pakaian | lemari',
  'stool | taburete | banqueta | banquinho | kursi bar | bangku',
  'bench | banca | banco | bangku panjang',
  'ottoman | pouf | puff | puf | otomana | pufe',
  'armchair | accent chair | sillon | butaca | poltrona | kursi santai',
  'coffee table | mesa de centro | mesa ratona | mesinha de centro | mesa de centro | meja kopi | meja tamu',
  'dining table | mesa de comedor | mesa de jantar | meja makan',
  'office chair | silla de oficina | silla de escritorio | cadeira de escritorio | kursi kantor',
  'bed frame | base de cama | estructura de cama | estrutura de cama | cabecera | cabeceira | rangka kasur | dipan',
  'tv stand | mueble de tv | mueble para tv | rack de tv | rack | rak tv | meja tv',
  'sofa | couch | sillon | sofa cama | sofazinho | sofa bed',
  // home decor
  'vase | florero | jarron | jarrones | vaso | vas | vas bunga',
  'mirror | espejo | espelho | cermin',
  'picture frame | frame | photo frame | marco | marco de fotos | portarretrato | portarretratos | moldura | porta retrato | bingkai | bingkai foto | pigura',
  'throw | throw blanket | manta | mantita | mantinha | manta de sofa | selimut sofa',
  'planter | plant pot | pot | maceta | macetero | macetita | vaso de planta | cachepo | pot bunga | pot tanaman',
  'candle holder | portavelas | candelabro | castical | porta velas | tempat lilin',
  'wall art | print | cuadro | cuadros | lamina | quadro | quadros | quadrinho | lukisan | hiasan dinding | poster',
  'wall clock | clock | reloj de pared | relogio de parede | jam dinding',
  'basket | cesta | canasta | cesto | cestinha | keranjang',
  'tray | bandeja | bandejita | nampan | baki',
  'string lights | fairy lights | luces | guirnalda | guirnalda de luces | cordao de luz | pisca pisca | varal de luz | lampu tumblr | lampu hias',
  'figurine | figura | figurita | estatuilla | estatueta | pajangan',
  'throw pillow | cojin | cojines | almofada | almofadas | bantal sofa | sarung bantal',
  // gaming
  'controller | control | mando | joystick | controle | gamepad | stik | stick',
  'gaming headset | audifonos gamer | diadema | headset gamer | fone gamer',
  'mouse pad | mousepad | alfombrilla | tapete de mouse | mouse pad | pad',
  'mechanical keyboard | teclado mecanico | keyboard mekanik | keyboard mechanical',
  'charging dock | dock | charging station | base de carga | estacion de carga | base de carregamento | dok | dok pengisi',
  'gaming chair | silla gamer | cadeira gamer | kursi gaming | kursi gamer',
  'webcam | camara web | webcam',
  'thumb grips | grips | grip | capuchones | capinhas de analogico',
  // sports nutrition
  'creatine | creatina | kreatin',
  'pre workout | preworkout | preentreno | pre entreno | pre treino | pretreino',
  'bcaa | aminoacidos | amino',
  'electrolytes | electrolitos | eletrolitos | elektrolit',
  // pantry and deli (session 17: product types a catalog names in English, written from general vocabulary)
  'broth | bone broth | caldo | caldos | caldo de huesos | caldo de hueso | caldo de osso | caldo de ossos | kaldu | kaldu tulang',
  'spice | spices | especias | especia | especiero | condimentos | temperos | tempero | kit de temperos | porta temperos | bumbu | rempah | rak bumbu',
  'crackers | galletas saladas | galletas | galletitas | biscoitos | biscoito | bolachas | bolacha | biskuit | krekers',
  'cheese | queso | quesos | queijo | queijos | keju',
  'ham | jamon | presunto | ham',
  'sausage | salchicha | salchichon | embutido | linguica | salsicha | sosis',
  'jam | mermelada | geleia | selai',
  'olive oil | aceite de oliva | azeite | azeite de oliva | minyak zaitun',
  'oil | aceite | oleo | minyak',
  'nuts | nueces | frutos secos | castanhas | nozes | kacang kacangan',
  'chips | papas | papitas | papas fritas | batatinhas | salgadinho | keripik',
  'candy | dulces | caramelos | golosinas | balas | doces | permen',
  'noodles | fideos | macarrao instantaneo | miojo | mie',
  'seasoning | sazonador | condimento | tempero | bumbu',
  // grooming
  'aftershave | after shave | locion para despues del afeitado | locion aftershave | pos barba | balsamo pos barba | locao pos barba | balsamo aftershave',
  'balm | balsamo | balsamos | balsem',
  'pomade | pomada | cera para el pelo | cera de cabelo | pomade | minyak rambut',
  'shaving cream | crema de afeitar | espuma de afeitar | creme de barbear | espuma de barbear | krim cukur',
  'beard oil | aceite para barba | aceite de barba | oleo para barba | oleo de barba | minyak jenggot',
  // bridal
  'veil | velo | veu | cadar | kerudung pengantin',
  'invitations | invites | invitaciones | invitacion | convites | convite | undangan',
  'favours | recuerdos | recuerditos | detalles | lembrancinhas | lembrancas | souvenir | suvenir',
  'tiara | diadema | coroa | mahkota',
  'garter | liga | liga de novia | cinta liga',
  // nails
  'gel polish | esmalte en gel | esmalte gel | esmalte em gel | kutek gel',
  'top coat | capa final | extra brillo | extra brilho',
  'base coat | base de unas | base para unas | base para unhas | base coat',
  'press on nails | press ons | unas postizas | unas falsas | unhas posticas | unhas falsas | kuku palsu',
  'nail file | lima de unas | lixa de unha | lixa | kikir kuku',
  'nail lamp | uv lamp | led lamp | lampara uv | lampara led | lampara de unas | cabine | cabine led | lampu uv | lampu kuku',
  'rhinestones | pedreria | piedritas | strass | pedrinhas | manik manik',
  'cuticle oil | aceite de cuticulas | aceite para cuticulas | oleo de cuticula | minyak kutikula',
  // modest wear and swim
  'hijab | hiyab | jilbab | kerudung | kudung',
  'pashmina | pasmina',
  'underscarf | inner | ciput | inner hijab | touca',
  'abaya | gamis',
  'tunic | tunica | tunik',
  'brooch | broche | bros',
  'prayer mat | sajadah | alfombra de oracion | tapete de oracao',
  'bikini | biquini',
  'one piece | traje de una pieza | enterizo | maio inteiro | baju renang one piece',
  'cover up | pareo | salida de bano | saida de praia | kaftan pantai',
  'beach towel | toalla de playa | toalha de praia | handuk pantai',
  'rash guard | licra | camiseta uv | camisa uv | rashguard',
  'swim trunks | trunks | board shorts | short de bano | sunga | celana renang',
  'goggles | gafas de natacion | lentes de natacion | oculos de natacao | kacamata renang',
  // costumes
  'wig | peluca | pelucas | peruca | perucas',
  'costume | disfraz | disfraces | fantasia | fantasias | kostum',
  'contact lenses | lentillas | lentes de contacto | lentes de contato | softlens',
  'sword | espada | pedang',
  'cape | cloak | capa | jubah',
  'gloves | guantes | luvas | sarung tangan',
  'uniform | uniforme | seragam',
];

const FAMILIES = rows(FAMILY_ROWS);

/**
 * The other languages' words for a catalog's family (or a product-name word): the rows of the whole phrase, of its
 * last word (the head noun in English: "weighted blanket" → blanket) and of its first ("tea sampler" → tea).
 */
export function familyWords(family: string): string[] {
  const key = phraseKey(family);
  if (!key) return [];
  const parts = key.split(' ');
  const out = new Set<string>();
  const head = parts[parts.length - 1] ?? '';
  const heads = new Set([head, head + 's', singularOf(head) ?? head]);
  for (const row of FAMILIES) {
    const first = row[0] ?? '';
    // the whole phrase, its head noun (singular or plural), its first word, or a compound's head ("smartwatch" → watch)
    const compoundHead = first.length >= 4 && !first.includes(' ') && head.length > first.length && head.endsWith(first);
    if (row.includes(key) || heads.has(first) || (parts.length > 1 && first === parts[0]) || compoundHead) for (const w of row) if (w !== key) out.add(w);
  }
  for (const w of [...out]) {
    const one = singularOf(w);
    if (one && one !== key) out.add(one);
    // diminutives are built on the singular ("argolas" → argolinha(s)), not on the plural
    for (const d of diminutives(w)) out.add(d);
    if (one) for (const d of diminutives(one)) out.add(d);
  }
  return [...out];
}

/** Ordinal words for the show's product order ("the 2nd one", "el segundo", "yang kedua"): n → words. */
export const ORDINALS: ReadonlyMap<number, readonly string[]> = new Map([
  [1, ['1st', 'primero', 'primera', 'primeiro', 'primeira', 'pertama', 'kesatu']],
  [2, ['2nd', 'second', 'segundo', 'segunda', 'kedua']],
  [3, ['3rd', 'third', 'tercero', 'tercera', 'terceiro', 'terceira', 'ketiga']],
  [4, ['4th', 'fourth', 'cuarto', 'cuarta', 'quarto', 'quarta', 'keempat']],
  [5, ['5th', 'fifth', 'quinto', 'quinta', 'kelima']],
  [6, ['6th', 'sixth', 'sexto', 'sexta', 'keenam']],
]);
/** Ordinals only point at a product after a determiner and with "one"/end of phrase: "the second one", "la segunda" (not "a second", English). */
export const ORDINAL_BEFORE: readonly string[] = ['the', 'el', 'la', 'o', 'yang', 'yg', 'produk', 'item'];

/**
 * Words that tell variants apart (firmness, heat, roast, flavour, finish) in the four languages, one row per meaning.
 * A catalog's name says "Soft" or "Hot" once; viewers write suave, macio, empuk or pedas. General vocabulary.
 */
const VARIANT_ROWS: readonly string[] = [
  'soft | suave | blanda | blando | macio | macia | empuk | lembut',
  'firm | firme | dura | duro | keras | padat',
  'hot | spicy | picante | muy picante | apimentado | apimentada | ardido | pedas | mas picante | pica mas | mais picante | lebih pedas | paling pedas',
  'mild | suave | no pica | leve | sem pimenta | tidak pedas | ga pedas | gak pedas | menos picante | pica menos | kurang pedas',
  'spicy | hot | picante | apimentado | pedas',
  'light | claro | clara | ligero | ligera | terang',
  'dark | oscuro | oscura | escuro | escura | gelap',
  'medium | medio | media | sedang',
  'sweet | dulce | doce | manis',
  'salted | salado | salada | salgado | salgada | asin',
  'vanilla | vainilla | baunilha | vanila',
  'strawberry | fresa | frutilla | morango | stroberi',
  'caramel | caramelo | karamel',
  'peanut | cacahuate | mani | amendoim | kacang',
  'peanut butter | crema de cacahuate | mantequilla de mani | pasta de amendoim | selai kacang',
  'cookies | galletas | biscoitos | bolacha | kue',
  'cream | crema | creme | krim',
  'chocolate | chocolate | cokelat | coklat',
  'matte | mate | fosco | fosca | doff',
  'glossy | brillante | brilhante | glossy | kilap',
  'shine | high shine | shiny | brillo | brilho | brillante | brilhante | brilhosa | brilhoso | mengkilap | mengkilat | kilap',
  'wireless | inalambrico | inalambricos | sem fio | nirkabel',
  'unscented | sin aroma | sem cheiro | sem perfume | tanpa aroma | tanpa pewangi',
  'original | clasico | classico | klasik',
  'unflavoured | unflavored | sin sabor | sem sabor | tanpa rasa | neutro | natural | plain',
  'berry | mixed berry | frutos rojos | frutos del bosque | frutas vermelhas | frutos vermelhos | beri | mix beri',
  'lemon | limon | limao | lemon | jeruk nipis',
  'mango | mango | manga | mangga',
  'coconut | coco | kelapa',
  'banana | platano | banana | pisang',
  'lavender | lavanda | lavandula',
  'cedar | cedro | cedar | kayu cedar',
  'fig | higo | figo | buah ara | ara',
  'cherry | cereza | cereja | ceri',
  'cherry blossom | flor de cerezo | cerezo | cerezos | cerejeira | flor de cerejeira | sakura',
  'linen | lino | linho | linen',
  'sea salt | sal marina | sal marinho | sal do mar | garam laut',
  'peppermint | menta piperita | hortela pimenta | hortela | permen',
  'eucalyptus | eucalipto | kayu putih',
  'amber | ambar | ambar',
  'jasmine | jazmin | jasmim | melati',
  'sandalwood | sandalo | cendana',
  'citrus | citrico | citricos | citrus | jeruk',
  // features and materials that tell variants apart
  'cordless | wireless | inalambrico | inalambrica | sin cable | sem fio | tanpa kabel',
  'travel | de viaje | de viagem | portatil | mini | travel size',
  'compact | compacto | compacta | pequeno | ringkas',
  'ceramic | ceramica | ceramico | keramik',
  'titanium | titanio | titanium',
  'ionic | ionico | ionica | ionik',
  'round | redondo | redonda | bulat',
  'square | cuadrado | cuadrada | quadrado | quadrada | kotak',
  'oval | ovalado | ovalada | oval',
  'slim | delgado | delgada | fino | fina | ramping | tipis',
  'wide | ancho | ancha | anchas | larga | largas | lebar',
  'narrow | estrecho | estrecha | angosto | angosta | estreito | estreita | sempit',
  'thick | grueso | gruesa | grosso | grossa | tebal',
  'thin | delgado | fino | fina | tipis',
  'curved | curvo | curva | lengkung',
  'waterproof | impermeable | a prueba de agua | a prova dagua | a prova de agua | tahan air | anti air',
  'leather | cuero | piel | couro | kulit',
  'suede | gamuza | ante | camurca | suede',
  'canvas | lona | kanvas',
  'mesh | malla | rejilla | tela | jaring',
  'velvet | terciopelo | veludo | beludru | velvet',
  'boucle | boucle | borrego | boucle',
  'wool | lana | la | wol',
  'cotton | algodon | algodao | katun',
  'glass | vidrio | cristal | vidro | kaca',
  'metal | metal | metalico | metalica | metalico | logam | besi',
  'marble | marmol | marmore | marmer',
  'rattan | ratan | mimbre | vime | rotan',
  'wired | con cable | com fio | kabel',
  'mechanical | mecanico | mecanica | mekanik | mekanikal',
  'high top | cano alto | bota alta | caña alta',
  'low top | cano baixo | caña baja',
  'extendable | extensible | extensivel | ekstensi',
  'foldable | folding | plegable | dobravel | lipat',
  'storage | con almacenamiento | com bau | con baul | dengan laci',
];
const VARIANTS = rows(VARIANT_ROWS);

/**
 * Everyday nouns that brands put in product names (a castle set, a moon necklace, a cloud pillow), in the four
 * languages, so "el castillo" finds the Castle Set. General vocabulary, one row per noun (the first is English).
 */
const NAME_NOUN_ROWS: readonly string[] = [
  'castle | castillo | castelo | kastil | istana',
  'moon | luna | lua | bulan',
  'star | estrella | estrela | bintang',
  'sun | sol | matahari',
  'heart | corazon | coracao | hati',
  'cloud | nube | nuvem | awan',
  'flower | flor | flores | bunga',
  'rose | rosa | mawar',
  'bear | oso | osito | urso | ursinho | beruang',
  'cat | gato | gatito | kucing',
  'dog | perro | perrito | cachorro | anjing',
  'bird | pajaro | passaro | burung',
  'butterfly | mariposa | borboleta | kupu kupu',
  'tree | arbol | arvore | pohon',
  'leaf | hoja | folha | daun',
  'sea | mar | laut',
  'ocean | oceano | samudra',
  'mountain | montana | montanha | gunung',
  'forest | bosque | floresta | hutan',
  'garden | jardin | jardim | taman',
  'crown | corona | coroa | mahkota',
  'diamond | diamante | berlian',
  'pearl | perla | perola | mutiara',
  'rainbow | arcoiris | arco iris | pelangi',
  'snow | nieve | neve | salju',
  'dragon | dragon | dragao | naga',
  'unicorn | unicornio | unicornio | unicorn',
  'princess | princesa | putri',
  'rocket | cohete | foguete | roket',
  'car | carro | coche | mobil',
  'truck | camion | caminhao | truk',
  'train | tren | trem | kereta',
  'house | casa | rumah',
  'tower | torre | menara',
  'ship | barco | navio | kapal',
  'island | isla | ilha | pulau',
  'donut | dona | rosquilla | rosquinha | donat',
  'marshmallow | malvavisco | bombon | marshmallow',
  'feather | pluma | pena | bulu',
  'wave | ola | onda | ombak',
];
const NAME_NOUNS = rows(NAME_NOUN_ROWS);

/** The variant row whose first entry is this two-word phrase ("cherry blossom"), or none. */
export function pairRow(pair: string): readonly string[] {
  const key = phraseKey(pair);
  return VARIANTS.find((r) => r[0] === key) ?? [];
}

/** The other languages' words for a name word that tells variants apart ("soft" → suave, macio, empuk…). */
export function variantWords(word: string): string[] {
  const key = phraseKey(word);
  const out = new Set<string>();
  for (const row of VARIANTS) if (row[0] === key) for (const w of row) if (w !== key) out.add(w);
  // a name noun in any of the four languages ("Luna" → moon, lua, bulan), not only the English one
  for (const row of NAME_NOUNS) if (row.includes(key) || row[0] === singularOf(key)) for (const w of row) if (w !== key) out.add(w);
  for (const w of [key, ...out]) for (const d of diminutives(w)) out.add(d);
  return [...out];
}

/** Words for the smaller / larger of a product's sizes ("the big bag", "yg paling gede", "os halteres maiores"). */
export const SMALLER_WORDS: readonly string[] = ['small', 'smaller', 'smallest', 'little', 'pequeno', 'pequena', 'pequenos', 'pequenas', 'menor',
  'menores', 'mas pequeno', 'mas pequena', 'pequenito', 'pequenita', 'pequenino', 'pequenina', 'pequenininho', 'pequenininha', 'chiquito', 'chiquita',
  'kecil', 'lebih kecil', 'paling kecil', 'mungil', 'chico', 'chica'];
export const LARGER_WORDS: readonly string[] = ['big', 'bigger', 'biggest', 'large', 'larger', 'largest', 'huge', 'chonky', 'chunky', 'fat', 'grande', 'grandes',
  'mas grande', 'grandote', 'grandota', 'gordo', 'gorda', 'gordito', 'gordita', 'maior', 'maiores', 'grandao', 'grandona', 'gordinho', 'gordinha',
  'mayor', 'mayores', 'besar', 'lebih besar', 'paling besar', 'gede', 'paling gede', 'gendut', 'jumbo'];
/** Only for sizes that are doses (IU, mg, mcg): "the stronger one", "la de dosis alta", "yg lebih kuat". */
export const WEAKER_WORDS: readonly string[] = ['weaker', 'low dose', 'lower dose', 'dosis baja', 'baja dosis', 'mas debil', 'dose baixa', 'mais fraca', 'mais fraco', 'dosis rendah', 'lebih lemah'];
export const STRONGER_WORDS: readonly string[] = ['stronger', 'strongest', 'high dose', 'higher dose', 'mas fuerte', 'dosis alta', 'alta dosis', 'mais forte', 'dose alta',
  'alta dose', 'lebih kuat', 'paling kuat', 'dosis tinggi'];
/** Only for sizes that are lengths: "the long cable", "el más largo", "yg panjang". */
export const SHORTER_WORDS: readonly string[] = ['short', 'shorter', 'shortest', 'corto', 'corta', 'mas corto', 'curto', 'curta', 'mais curto', 'pendek', 'lebih pendek', 'paling pendek'];
export const LONGER_WORDS: readonly string[] = ['long', 'longer', 'longest', 'largo', 'larga', 'mas largo', 'comprido', 'comprida', 'mais comprido', 'longo', 'longa',
  'panjang', 'lebih panjang', 'paling panjang'];
/** Only for sizes that are weights: "the heavier pair", "yg paling berat". */
export const LIGHTER_WORDS: readonly string[] = ['lighter', 'lightest', 'mas ligero', 'mas leve', 'ringan', 'lebih ringan', 'paling ringan'];
export const HEAVIER_WORDS: readonly string[] = ['heavier', 'heaviest', 'mas pesado', 'mais pesado', 'berat', 'lebih berat', 'paling berat'];

const LETTER_RANK: Readonly<Record<string, number>> = { xxs: 0, xs: 1, pp: 1, s: 2, p: 2, ch: 2, m: 3, l: 4, g: 4, xl: 5, gg: 5, eg: 5, xxl: 6, xgg: 6 };
const NAMED_RANK: Readonly<Record<string, number>> = { single: 1, twin: 1, individual: 1, double: 2, full: 2, queen: 3, king: 4 };
const UNIT_SCALE: ReadonlyArray<readonly [RegExp, number]> = [[/^(kg|kilo)/, 1000], [/^(g|gr)/, 1], [/^(l|lt|litro|liter|litre)/, 1000], [/^ml/, 1], [/^mm/, 0.1]];

/**
 * A size that is a number on a sizing scale, without a unit ("38", "EU 38", "US 8.5", a ring's "7", jeans' "30"): "small"
 * and "big" beside it speak of the fit ("these run small"), never of the smallest or largest variant.
 */
export function isScaleSize(size: string): boolean {
  const plain = plainMeasure(size);
  return /^(?:(?:us|eu|uk|br|mx|fr|it|cn|jp) )?\d+(?:\.\d+)?$/.test(withDecimal(phraseKey(plain), plain));
}

/** Where a size stands among its siblings (grams, millilitres, letter order, bed order), or null when it has no order. */
export function sizeRank(input: string): number | null {
  const size = plainMeasure(input);
  // (a decimal counts only in a measure with its unit, "2.5 kg"; on a sizing scale, "US 8.5", the halves stay with their
  // whole size, so "small" / "big" there keep meaning the fit)
  const plain = phraseKey(size);
  const decimal = withDecimal(plain, size);
  const raw = /^\d+\.\d+ ?[a-z]+$/.test(decimal) ? decimal : plain;
  const key = SIZE_SYSTEMS.exec(raw)?.[1] ?? raw;
  // a letter size then its measure ("S 40x60cm", "L (A5)"): ranked by the letter, the measure only describes it
  const lettered = /^([a-z]{1,3}) .*\d/.exec(key)?.[1];
  if (lettered && LETTER_RANK[lettered] !== undefined) return LETTER_RANK[lettered];
  // a multipack ("3 x 80", "2x 250 ml") counts what it holds
  const pack = /^(\d+) ?x ?(\d+(?:[.,]\d+)?)\s*([a-z]*)/.exec(key);
  if (pack?.[1] && pack[2]) return Number(pack[1]) * (sizeRank(`${pack[2]} ${pack[3] ?? ''}`.trim()) ?? Number(pack[2]));
  const num = /^(\d+(?:[.,]\d+)?)\s*([a-z]*)/.exec(key);
  if (num?.[1]) {
    const unit = num[2] ?? '';
    const scale = unit ? (UNIT_SCALE.find(([re]) => re.test(unit))?.[1] ?? 1) : 1;
    return Number(num[1].replace(',', '.')) * scale;
  }
  const first = key.split(' ')[0] ?? '';
  // a size named in words, then measured ("cabin 20", "large 28"): by its measure; a size in parts ("8 oz / 225 g") by the first
  const measured = /^[a-z][a-z ]* (\d+(?:[.,]\d+)?)(?: [a-z]+)?$/.exec(key)?.[1];
  if (measured) return Number(measured.replace(',', '.'));
  return LETTER_RANK[key] ?? NAMED_RANK[first] ?? null;
}

/** Spanish "how much" words: "sale"/"salen" right after one (or after one and a clitic) is salir, to cost. */
const HOW_MUCH_ES: ReadonlySet<string> = keySetOf(['cuanto', 'cuanta', 'cuantos', 'cuantas']);
const SALE_VERB: ReadonlySet<string> = keySetOf(['sale', 'salen']);
const CLITIC_ES: ReadonlySet<string> = keySetOf(['me', 'te', 'le', 'nos', 'les']);
/**
 * Whether toks[i] is Spanish "sale" as the verb of a price ("cuánto sale?", "a cuánto me sale"), not an English sale
 * (a discount, the show's promotion): price is the product's own attribute (rule v2).
 */
export function isCostVerb(toks: readonly string[], i: number): boolean {
  if (!SALE_VERB.has(toks[i] ?? '')) return false;
  const before = toks[i - 1] ?? '';
  return HOW_MUCH_ES.has(before) || (CLITIC_ES.has(before) && HOW_MUCH_ES.has(toks[i - 2] ?? ''));
}
