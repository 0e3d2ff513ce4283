// Colour and size words in English, Spanish, Portuguese and Indonesian, built into the matcher so a new catalog
// only says "colour: black" / "size: M" and viewers can write negro, preta, hitam or "talla M", "tamanho G".
import { phraseKeys } from './text.normalize';

/** Each row: words for one colour, any language (the first is the English name). */
const COLOUR_ROWS: readonly string[] = [
  'black | negro | negra | negros | negras | preto | preta | pretos | pretas | hitam | blk',
  'white | blanco | blanca | blancos | blancas | branco | branca | brancos | brancas | putih | wht',
  'red | rojo | roja | rojos | rojas | vermelho | vermelha | vermelhos | vermelhas | merah',
  'blue | azul | azules | azuis | biru',
  'navy | navy blue | azul marino | marino | azul marinho | marinho | biru dongker | dongker | navy',
  'light blue | celeste | azul claro | azul bebe | biru muda | baby blue | sky blue',
  'green | verde | verdes | hijau | ijo',
  'olive | oliva | verde oliva | verde militar | army | hijau army | khaki green',
  'mint | menta | verde menta | verde agua | mint green | hijau mint',
  'yellow | amarillo | amarilla | amarelo | amarela | kuning',
  'orange | naranja | laranja | oranye | oren | jingga',
  'pink | rosa | rosado | rosada | rosinha | merah muda | pink',
  'purple | morado | morada | roxo | roxa | ungu | violet | violeta',
  'lilac | lila | lilas | lilás | lavender | lavanda | ungu muda',
  'grey | gray | gris | cinza | cinzento | abu | abu abu | abu-abu | grafite | graphite',
  'silver | plateado | plateada | plata | prata | prateado | prateada | perak | silver',
  'gold | dorado | dorada | oro | dourado | dourada | ouro | emas | gold',
  'rose gold | oro rosa | ouro rosa | rosegold',
  'brown | marron | marrom | coklat | cokelat',
  'beige | bege | beis | krem',
  'cream | crema | creme | cream | krem | off white | hueso',
  'tan | camel | caramelo | caramel | camelo | tan',
  'burgundy | vino | vinotinto | vinho | bordo | maroon | merah marun | marun',
  'ivory | marfil | marfim | gading',
  'clear | transparente | transparent | bening | cristal',
  'multicolor | multicolour | rainbow | arcoiris | arco iris | colorido | colorida | pelangi | warna warni',
  'sand | arena | areia | pasir',
  'charcoal | carbon | carvao | arang',
  'teal | verde azulado | turquesa | turquoise | tosca',
  'coral | coral',
  'peach | durazno | melocoton | pessego | persik | peach',
];

/** Each row: a size and its words. Letter sizes also match with a size word before them ("talla M", "tamanho G"). */
const SIZE_ROWS: readonly string[] = [
  'xs | extra small | extra pequeno | extra pequena | extra chico | pp',
  's | small | pequeno | pequena | pequeño | pequeña | kecil',
  'm | medium | mediano | mediana | medio | médio | sedang | tengah',
  'l | large | grande | besar | g',
  'xl | extra large | extra grande | gg | xl | jumbo',
  'xxl | 2xl | xxl | xgg | extra extra large',
  'king | king size | king-size | tamano king | tamanho king',
  'queen | queen size | queen-size | tamano queen | tamanho queen',
  'double | doble | casal | matrimonial',
  'single | individual | solteiro | solteira | twin | sencilla',
  'mini | mini',
  'big | grande | besar | the big one | el grande | o grande | yang besar | yg besar',
  'small one | the small one | el chico | el pequeño | o pequeno | yang kecil | yg kecil',
];

/** Words that, before a size, make a bare letter a size ("size m", "talla l", "uk m"). */
export const SIZE_WORDS: readonly string[] = ['size', 'talla', 'tamanho', 'tam', 'ukuran', 'uk', 'tamaño'];

function rows(list: readonly string[]): string[][] {
  return list.map((r) =>
    r
      .split('|')
      .map((w) => phraseKeys(w).join(' '))
      .filter(Boolean),
  );
}

const COLOURS = rows(COLOUR_ROWS);
const SIZES = rows(SIZE_ROWS);

/** Words for "the bundle deal" when a show has one offer. */
export const BUNDLE_WORDS: readonly string[] = ['bundle', 'the bundle', 'combo', 'the combo', 'the deal', 'bundle deal', 'paket', 'paketan', 'bundling',
  'el combo', 'o combo', 'kit', 'o kit', 'el kit', 'pack', 'el pack', 'conjunto', 'promo', 'la promo', 'a promo', 'the set deal'];

/** Every way to write the catalog's colour (its own words + the other languages' words for it). */
export function colourWords(colour: string): string[] {
  const key = phraseKeys(colour).join(' ');
  if (!key) return [];
  const out = new Set<string>([key]);
  for (const row of COLOURS) if (row.includes(key)) for (const w of row) out.add(w);
  return [...out];
}

/** Every way to write the catalog's size; bare one-letter sizes only with a size word before them. */
export function sizeWords(size: string): { words: string[]; letterOnly: string[] } {
  const key = phraseKeys(size).join(' ');
  if (!key) return { words: [], letterOnly: [] };
  const words = new Set<string>();
  const letterOnly = new Set<string>();
  const consider = (w: string): void => {
    if (/^[a-z]{1,2}$/.test(w) && w !== 'xl' && w !== 'xs' && w !== 'gg' && w !== 'pp') letterOnly.add(w);
    else words.add(w);
  };
  consider(key);
  for (const row of SIZES) if (row[0] === key || row.includes(key)) for (const w of row) consider(w);
  // "300 pcs", "6 kg", "42": the number alone (two digits or more), glued to its unit, or after a size word
  const num = /^(\d+(?:[.,]\d+)?)\s*([a-z]*)$/.exec(key);
  if (num?.[1]) {
    if (num[1].length >= 2) words.add(num[1]);
    if (num[2]) words.add(num[1] + num[2]);
    for (const sw of SIZE_WORDS) words.add(`${sw} ${num[1]}`);
  }
  return { words: [...words], letterOnly: [...letterOnly] };
}
