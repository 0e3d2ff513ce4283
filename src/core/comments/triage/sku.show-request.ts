// "Show the back", "open it up", "try it on pls", "muestra la suela", "mostra por dentro", "cobain dong kak": a request
// to the host to show, open, try on or demonstrate the product on screen. Labelling rule v3 (test/data/sku-rule-v3.md,
// part B) gives such a request the pinned product, with or without a word for it; a request about the stream itself —
// the camera, sound, music, mic, light, the picture freezing, the host's talking or pace ("turn the music down", "talk
// slower", "kameranya goyang", "se congeló") — stays none (part C). sku.context applies it to a complaint or request to
// the host once the intent is known. Pure functions over a comment's tokens; the word lists are general vocabulary of
// the four languages (en, es, pt-BR, id), not phrases of any data set. A camera or a light beside the request does not
// make it the stream's ("hold it closer to the camera", "turn the light off so we can see it glow"): only when it is what
// the verb is asked of ("zoom the camera out"), or the comment is about sound, music or the picture freezing.
import { keySetOf, type NormalizedText } from './text.normalize';

/**
 * Verbs and words that ask to see the product handled: show, open, try on, put on, demonstrate, zoom in, turn it
 * round, hold it up or closer, turn it on, spray or apply some — in English, Spanish, Portuguese and Indonesian
 * (imperatives and the forms chat spells them in).
 */
const SHOW_WORDS: ReadonlySet<string> = keySetOf([
  // en
  'show', 'shw', 'showing', 'open', 'opening', 'unbox', 'unboxing', 'try', 'demo', 'demonstrate', 'swatch', 'swatches', 'zoom', 'closer', 'closeup',
  'rotate', 'spin', 'wear', 'hold', 'spray', 'apply', 'pour', 'unfold', 'stretch', 'compare',
  // es
  'muestra', 'muestre', 'muestren', 'mostrar', 'muestrame', 'ensena', 'ensenar', 'ensename', 'abre', 'abran', 'abrir', 'prueba', 'pruebalo', 'probar',
  'probatelo', 'ponte', 'pontelo', 'demuestra', 'demostrar', 'acerca', 'acercar', 'acercalo', 'gira', 'girar', 'voltea', 'voltear', 'cerca', 'enciende',
  'enciendela', 'enciendelo', 'prendela', 'prendelo', 'rocia', 'rocialo', 'aplica', 'aplicar', 'estira', 'desdobla', 'compara',
  // pt
  'mostra', 'mostre', 'mostrem', 'mostrando', 'abra', 'abram', 'prova', 'provar', 'experimenta', 'experimentar', 'veste', 'vestir', 'demonstra',
  'demonstrar', 'aproxima', 'aproximar', 'vira', 'virar', 'testa', 'testar', 'perto', 'acende', 'borrifa', 'estica', 'desdobra', 'compara',
  // id
  'tunjukin', 'tunjukkan', 'tunjuk', 'liatin', 'lihatin', 'buka', 'bukain', 'bukak', 'coba', 'cobain', 'dicoba', 'pakein', 'pakaiin', 'deketin', 'dekatkan',
  'zum', 'dizoom', 'puter', 'puterin', 'putar', 'balikin', 'peragakan', 'tesin', 'nyalain', 'nyalakan', 'hidupin', 'semprot', 'semprotin', 'oles', 'olesin',
  'tuang', 'bentangin', 'jejerin', 'bandingin',
]);
/** Spanish/Portuguese imperatives with an object clitic ("muéstralo", "ábrela", "pruébatelo", "muéstrenlo"). */
const SHOW_CLITIC = /^(?:muestra|muestren|ensena|abre|abran|prueba|proba|pon|gira|voltea|acerca|demuestra|enciende|prende|rocia|sirve|mostra|abra|prova|vira|testa)(?:me|te|nos)?(?:lo|la|los|las)$/;
/**
 * "Let me see", "can we see", "quiero ver", "pra gente ver", "biar keliatan": a verb of seeing after a word that asks
 * for it or gives it as the purpose. Alone these verbs are too often something else ("see you tomorrow", "a ver…").
 */
const SEE_WORDS: ReadonlySet<string> = keySetOf(['see', 'look', 'ver', 'olhar', 'liat', 'lihat', 'keliatan', 'kelihatan']);
const ASK_TO_SEE: ReadonlySet<string> = keySetOf(['let', 'lemme', 'we', 'us', 'eu', 'gente', 'can', 'could', 'wanna', 'want', 'to', 'quiero', 'queremos',
  'dejame', 'deja', 'podemos', 'quero', 'deixa', 'pode', 'da', 'mau', 'pengen', 'pingin', 'ingin', 'boleh', 'minta', 'coba', 'para', 'pra', 'pa', 'biar', 'supaya']);
/** "See you", "see ya": a goodbye, not a request. */
const SEE_YOU: ReadonlySet<string> = keySetOf(['you', 'u', 'ya', 'yall']);
/**
 * Asking for the price the host has not said ("the price again?", "no dijo el precio", "harganya ga disebut"): a
 * request about the product on screen's own attribute (rule part B), not about the stream.
 */
const PRICE_WORDS: ReadonlySet<string> = keySetOf(['price', 'pricing', 'precio', 'precios', 'preco', 'precos', 'valor', 'harga']);

/**
 * The stream itself, not the product, as what a show verb is asked of ("zoom the camera out", "show your face", "mostra
 * o chat", "coba refresh"): the camera, the picture, the host, the chat, the page.
 */
const STREAM_OBJECTS: ReadonlySet<string> = keySetOf([
  'camera', 'cam', 'camara', 'kamera', 'picture', 'image', 'imagen', 'imagem', 'gambar', 'video', 'face', 'rosto', 'muka', 'wajah', 'yourself', 'chat',
  'comment', 'comments', 'comentario', 'comentarios', 'komen', 'komentar', 'link', 'code', 'codigo', 'kode', 'refresh', 'reload', 'refreshing',
  'reloading', 'restart', 'recarga', 'recargar', 'atualiza', 'atualizar', 'again', 'nanti', 'later', 'luego', 'depois',
  // the host keeping still ("hold still"), and the shop's products at large ("show the products", "muestren todo"): not the one on screen
  'still', 'products', 'productos', 'produtos', 'produk', 'everything', 'todo', 'todos', 'tudo', 'semua',
]);
/** Words skipped between a show verb and what it is asked of ("zoom the camera", "show your face", "mostra o chat"). */
const BETWEEN: ReadonlySet<string> = keySetOf(['the', 'your', 'ur', 'ya', 'a', 'in', 'out', 'on', 'up', 'tu', 'su', 'el', 'la', 'o', 'seu', 'sua', 'ke', 'di', 'dong', 'kak', 'me', 'us']);
/**
 * The stream's sound, music, mic, signal, the picture freezing, lagging or too dark: a comment with one of these is about the
 * show whatever else it asks (rule v3 part C: "turn the music down", "se congeló").
 */
const STREAM_WORDS: ReadonlySet<string> = keySetOf([
  'sound', 'audio', 'som', 'sonido', 'suara', 'music', 'musica', 'musik', 'lagu', 'song', 'cancion', 'mic', 'mike', 'microphone', 'microfono', 'microfone',
  'mik', 'lag', 'lagging', 'laggy', 'freeze', 'freezing', 'frozen', 'froze', 'congela', 'congelo', 'congelado', 'trava', 'travando', 'travou', 'buffering',
  'delay', 'signal', 'sinyal', 'sinal', 'senal', 'connection', 'conexion', 'conexao', 'koneksi', 'internet', 'wifi', 'volume', 'loud', 'louder', 'quiet',
  // a picture too dark to see anything
  'dark', 'escuro', 'oscuro', 'gelap',
]);

/** A show verb whose object (the next word past articles and possessives) is the stream's, not the product. */
function asksOfStream(toks: readonly string[], i: number): boolean {
  for (let j = i + 1; j < toks.length && j <= i + 3; j++) {
    const t = toks[j] ?? '';
    if (STREAM_OBJECTS.has(t)) return true;
    // another show verb in between ("coba deketin kameranya"): its object is this one's too
    if (!BETWEEN.has(t) && !SHOW_WORDS.has(t)) return false;
  }
  return false;
}

/**
 * Whether the comment asks the host to show, open, try on or demonstrate something, or for the price, and is not
 * about the stream itself. Only meaningful with nothing named while a product is pinned (sku.resolve computes it then).
 */
export function asksToShow(norm: NormalizedText): boolean {
  const toks = norm.tokens;
  let asks = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] ?? '';
    if (STREAM_WORDS.has(t)) return false;
    if (asks) continue;
    // a verb with its object clitic ("acércalo a la cámara") already has the product as its object
    if (SHOW_CLITIC.test(t) || (SHOW_WORDS.has(t) && !asksOfStream(toks, i))) asks = true;
    else if (SEE_WORDS.has(t) && ASK_TO_SEE.has(toks[i - 1] ?? '') && !SEE_YOU.has(toks[i + 1] ?? '')) asks = true;
    else if (PRICE_WORDS.has(t)) asks = true;
  }
  // "-nya" on the sound, the music, the mic or the signal ("suaranya", "musiknya") is stripped from the tokens: read the folded text
  if (asks && /(?<![a-z])(?:suara|musik|lagu|mic|mik|sinyal)nya(?![a-z])/.test(norm.folded)) return false;
  return asks;
}
