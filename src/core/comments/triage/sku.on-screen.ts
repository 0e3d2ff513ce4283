// "Does it come in XL?", "how much?", "harganya berapa": a comment about the product on screen that names nothing and
// has no pointing word (sku.pointer handles "this one"). Labelling rule v2 (test/data/README), unchanged in rule v3
// (test/data/sku-rule-v3.md, which adds reservations: sku.context): while a product is pinned,
// a word standing for the product (a pronoun or possessive) or a question about the product's own attributes (price,
// sizes, colours, material, stock, use, what it comes with) means the pinned product; a question about shipping,
// payment, codes, the show or the host means none. sku.context applies this once the intent is known (questions and
// orders only: a complaint naming nothing is about something already bought, which may not be the pinned product).
// Pure functions over a comment's tokens and folded text; the word lists are general vocabulary of the four languages.
import { keySetOf, type NormalizedText } from './text.normalize';
import { isCostVerb } from './sku.words';

/** Why a comment is about the product on screen: a word standing for it, or a question that is about no other thing. */
export type OnScreenCue = 'pronoun' | 'question';

/** English and Portuguese pronouns that stand for an object ("does it…", "ela é boa?", "ele vem com…"). */
const PRONOUNS: ReadonlySet<string> = keySetOf(['it', 'its', 'them', 'ele', 'ela', 'eles', 'elas', 'dele', 'dela',
  // neuter demonstratives and Indonesian "itu" (that): a situation in a remark, but the thing on screen in a question or an order
  'esto', 'isto', 'itu']);
/**
 * English "it" that stands for nothing: the time, the weather, the situation ("what time is it", "it's raining",
 * "is it live"). Checked on the word after "it" / "its" (normalised "it's").
 */
const DUMMY_IT_NEXT: ReadonlySet<string> = keySetOf(['raining', 'rain', 'snowing', 'late', 'early', 'over', 'ok', 'okay', 'true', 'me', 'you', 'live', 'possible']);
/** With one of these anywhere, "it" is the time or the weather ("what time is it there"). */
const DUMMY_IT_ANYWHERE: ReadonlySet<string> = keySetOf(['time', 'weather', 'clock']);
/** Spanish object clitics "lo/la/los/las" stand for the product only before a verb ("lo quiero", "la tienen en negro"). */
const ES_CLITICS: ReadonlySet<string> = keySetOf(['lo', 'la', 'los', 'las']);
const ES_VERBS_AFTER_CLITIC: ReadonlySet<string> = keySetOf(['quiero', 'quieres', 'tienen', 'tienes', 'tiene', 'venden', 'vendes', 'mandan', 'envian',
  'llevo', 'compro', 'necesito', 'puedo', 'usas', 'usan', 'uso', 'recomiendas', 'recomiendan', 'hay', 'traen', 'apartas', 'aparto', 'separas', 'pido']);
/** Spanish/Portuguese infinitives and gerunds with an object clitic ("comprarlo", "usarla", "probándolo", "comprá-lo"). */
const ENCLITIC = /^[a-z]{3,}(?:ar|er|ir|ando|iendo|[aeo]me|[aei])(?:lo|la|los|las)$/;
/**
 * Everyday Spanish/Portuguese nouns and adjectives spelled like an imperative with a clitic ("mochila", "modelo",
 * "abuela", "amarelo" read as compra-la, manda-lo): never a word standing for the product. Singular forms; the
 * plural is checked by its singular.
 */
const ENCLITIC_LOOKALIKES: ReadonlySet<string> = new Set(['mochila', 'modelo', 'estilo', 'cabelo', 'amarelo', 'abuela', 'abuelo', 'janela', 'panela',
  'canela', 'escuela', 'novela', 'estrela', 'parcela', 'tabela', 'flanela', 'chinela', 'chinelo', 'suela', 'suelo', 'cielo', 'hielo', 'caramelo',
  'martelo', 'cotovelo', 'paralelo', 'regalo', 'intervalo', 'cavalo', 'escala', 'sandalia', 'pastela', 'cazuela', 'ciruela', 'mortadela', 'aquarela',
  'capela', 'favela', 'tequila', 'gorila', 'pupila', 'argila', 'tranquilo', 'tranquila', 'sigilo', 'camelo', 'gelo', 'vuelo', 'pelo', 'mala', 'sala',
  'bala', 'gala', 'vela', 'tela', 'fila', 'vila', 'kilo', 'hilo', 'palo',
  // verbs of the stream or the order that end like a clitic ("se congela la imagen", "cancela mi pedido"; session 18)
  'congela', 'congelo', 'cancela', 'cancelo']);
function isEnclitic(t: string): boolean {
  return ENCLITIC.test(t) && !ENCLITIC_LOOKALIKES.has(t) && !ENCLITIC_LOOKALIKES.has(t.replace(/s$/, ''));
}
/**
 * Indonesian "-nya" on a word is "its" ("harganya", "bahannya", "ukurannya") except on these, where it is an adverb,
 * the show's people or the order's logistics ("sebenarnya" actually, "hostnya", "ongkirnya").
 */
const NYA_NOT_PRODUCT: ReadonlySet<string> = new Set(['sebenar', 'biasa', 'akhir', 'kata', 'semua', 'seperti', 'kayak', 'kaya', 'harus', 'seharus',
  'untung', 'pokok', 'maka', 'soal', 'mungkin', 'tadi', 'host', 'kakak', 'kak', 'live', 'ongkir', 'pengiriman', 'kiriman', 'paket', 'kurir', 'resi',
  'pesanan', 'orderan', 'order', 'admin', 'toko', 'seller', 'link', 'kode', 'voucher', 'diskon', 'promo', 'mba', 'mbak', 'mas', 'abang', 'bang', 'suami',
  'istri', 'anak', 'mama', 'ibu', 'bapak', 'dia', 'sama', 'lain', 'terus', 'malah', 'kali', 'banget', 'gimana', 'bagaimana', 'caranya', 'kapan', 'sekali',
  'tinggal', 'jadi', 'sisa', 'lagi', 'yang', 'yg', 'berikut', 'selanjut', 'beda', 'perbedaan',
  // the stream's camera, sound, music, picture and signal, and the host's talking ("kameranya goyang", "musiknya
  // kekencengan", "suaranya ilang", "videonya patah2", "ngomongnya"): the show's, not the product's (rule v2 part C; session 18)
  'kamera', 'camera', 'musik', 'music', 'lagu', 'suara', 'sound', 'audio', 'video', 'gambar', 'sinyal', 'signal', 'koneksi', 'jaringan', 'internet',
  'wifi', 'mic', 'mik', 'layar', 'ngomong', 'omongan', 'bicara', 'studio', 'streaming', 'siaran']); // raw folded stems, not word keys

/**
 * Words that make a question about something other than the product: shipping, payment, codes and discounts, the
 * order already placed, the show, the host and the viewer ("do you ship to chile", "pix?", "cod bisa", "when is the
 * next live", "where are you from").
 */
const OFF_PRODUCT_WORDS: ReadonlySet<string> = keySetOf([
  'ship', 'ships', 'shipping', 'shipped', 'deliver', 'delivery', 'arrive', 'envio', 'envian', 'envias', 'entrega', 'entregan', 'frete', 'entregam', 'envia',
  'correios', 'ongkir', 'kirim', 'dikirim', 'pengiriman', 'cod', 'resi', 'pay', 'payment', 'paypal', 'card', 'pago', 'pagar', 'tarjeta', 'transferencia',
  'envios', 'pix', 'boleto', 'cartao', 'parcela', 'parcelar', 'bayar', 'transfer', 'tf', 'cicilan', 'paylater', 'gopay', 'ovo', 'dana', 'shopeepay', 'code', 'codigo',
  'cupom', 'cupon', 'voucher', 'discount', 'descuento', 'desconto', 'diskon', 'promo', 'order', 'orders', 'pedido', 'pedidos', 'pesanan', 'orderan',
  'checkout', 'cart', 'carrito', 'carrinho', 'keranjang', 'live', 'stream', 'next', 'tomorrow', 'manana', 'amanha', 'besok', 'host', 'name', 'nombre', 'nome',
  'nama', 'old', 'from', 'donde', 'onde', 'mana', 'song', 'music', 'musica', 'lagu', 'giveaway', 'sorteo', 'sorteio', 'link', 'refund', 'reembolso',
  'return', 'devolucion', 'devolver', 'troca', 'retur', 'cancel', 'cancelar', 'batal', 'when', 'cuando', 'quando', 'kapan', 'sale', 'hi', 'hello',
  'hola', 'oi', 'halo', 'hai', 'mom', 'mama', 'mae', 'married', 'age', 'edad', 'idade', 'umur', 'follow', 'tiktok', 'instagram', 'ig', 'shopee',
  'tokopedia', 'store', 'tienda', 'loja', 'toko', 'app', 'website', 'site', 'web', 'time', 'hora', 'horas', 'jam', 'weather', 'clima', 'cuaca',
  'raining', 'chuva', 'lluvia', 'hujan',
  // arrival (how long shipping takes: "cuánto tarda en llegar", "chega até sexta?"; not "tarda/demora", a duration of the
  // product's own too), invoices, gift wrapping and exchanges: the store's service, not the product (session 16)
  'llegar', 'llega', 'llegan', 'chega', 'chegar', 'chegam', 'nyampe', 'factura', 'fatura', 'invoice', 'receipt', 'recibo', 'faktur', 'wrap', 'wrapping',
  'envoltura', 'embrulhar', 'embrulho', 'exchange', 'trocar', 'tuker', 'tukar',
  // instalments and the wallets, cash points and pay-later schemes shops take in the four markets: how to pay, the
  // store's (session 18). Not "cash"/"efectivo"/"dinheiro" ("es efectivo?", "vale o dinheiro?" ask about the product)
  'cuotas', 'cuota', 'intereses', 'interes', 'juros', 'parcelas', 'parcelado', 'parcelamento', 'installment', 'installments', 'instalment',
  'instalments', 'afterpay', 'klarna', 'mercadopago', 'yape', 'plin', 'nequi', 'daviplata', 'oxxo', 'qris', 'kredivo', 'akulaku',
  // the stream's camera, picture, signal and music (not "sound"/"audio"/"volume": a speaker's own)
  'kamera', 'camera', 'camara', 'video', 'imagen', 'imagem', 'sinyal', 'signal', 'senal', 'sinal', 'musik',
]);

/**
 * Time words that make a question the show's or the viewer's ("what time is the live", "jam berapa") are the product's
 * when they count a duration ("how many hours does it last", "tahan brp jam", "cuántas horas dura", "quantas horas"):
 * these words before them.
 */
const DURATION_UNITS: ReadonlySet<string> = keySetOf(['hora', 'horas', 'jam', 'hours', 'hrs', 'time']);
const HOW_MANY: ReadonlySet<string> = keySetOf(['brp', 'berapa', 'cuantas', 'cuantos', 'quantas', 'quantos', 'many', 'much', 'how']);

/** An off-product word in the question; a duration unit after a how-many word, or "sale" after "cuánto", is not one. */
function offProduct(toks: readonly string[]): boolean {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] ?? '';
    if (!OFF_PRODUCT_WORDS.has(t)) continue;
    if (DURATION_UNITS.has(t) && HOW_MANY.has(toks[i - 1] ?? '')) continue;
    // "cuánto sale?": the price, not a sale
    if (isCostVerb(toks, i)) continue;
    return true;
  }
  return false;
}

/**
 * A request for a recommendation among the shop's products, not a question about the one on screen: "which" right
 * before "one", a verb or "is better" ("which one works for…", "cuál me recomiendas", "qual é melhor pra…"), or
 * "anything / algo / sesuatu" for a need ("do u have anything for…", "tienen algo para…", "ada produk buat…").
 * "which size", "qual cor", "qual a largura" ask about the product's own attributes and are not this.
 */
const WHICH: ReadonlySet<string> = keySetOf(['which', 'cual', 'qual', 'quais', 'cuales']);
const WHICH_NEXT: ReadonlySet<string> = keySetOf(['one', 'ones', 'me', 'te', 'vc', 'voce', 'vcs', 'recomiendas', 'recomiendan', 'recomenda',
  'recomendam', 'indica', 'indicam', 'best', 'better', 'mejor', 'melhor', 'works', 'sirve', 'serve', 'funciona', 'should', 'do', 'would']);
const IS: ReadonlySet<string> = keySetOf(['is', 'e', 'es']);
const BETTER: ReadonlySet<string> = keySetOf(['best', 'better', 'mejor', 'melhor']);
const SOMETHING: ReadonlySet<string> = keySetOf(['anything', 'something', 'algo', 'algum', 'alguma', 'sesuatu']);
const FOR: ReadonlySet<string> = keySetOf(['for', 'para', 'pra', 'pro', 'buat', 'untuk']);
const PRODUCT_FOR: readonly (readonly string[])[] = [['ada', 'produk'], ['produk', 'buat'], ['produk', 'untuk'], ['produk', 'lain']];

function asksRecommendation(toks: readonly string[]): boolean {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] ?? '';
    const next = toks[i + 1] ?? '';
    if (WHICH.has(t) && WHICH_NEXT.has(next)) return true;
    // "which is better", "cuál es mejor", "qual é melhor" (not "cuál es el precio": the product's own price)
    if (WHICH.has(t) && IS.has(next) && BETTER.has(toks[i + 2] ?? '')) return true;
    if (SOMETHING.has(t) && (FOR.has(next) || FOR.has(toks[i + 2] ?? ''))) return true;
    for (const [a, b] of PRODUCT_FOR) if (t === a && next === b) return true;
  }
  return false;
}

function hasPronoun(toks: readonly string[], folded: string): boolean {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] ?? '';
    if (PRONOUNS.has(t)) {
      if ((t === 'it' || t === 'its') && (DUMMY_IT_NEXT.has(toks[i + 1] ?? '') || toks.some((x) => DUMMY_IT_ANYWHERE.has(x)))) continue;
      return true;
    }
    if (ES_CLITICS.has(t) && ES_VERBS_AFTER_CLITIC.has(toks[i + 1] ?? '')) return true;
    if (isEnclitic(t)) return true;
  }
  // "-nya" is stripped from the tokens (text.normalize); read it from the folded text
  for (const m of folded.matchAll(/(?<![a-z])([a-z]{3,})nya(?![a-z])/g)) {
    if (!NYA_NOT_PRODUCT.has(m[1] ?? '')) return true;
  }
  return false;
}

/**
 * Whether a comment that names no product is about the product on screen, and by which cue; null when it is not, or
 * when it is about shipping, payment, codes, the order, the show, the host or the viewer. Only meaningful with nothing
 * named; 'question' only means something once the intent is known to be a question (sku.context): the rule's split of
 * questions is "about the product on screen" against those other things, and the attributes a viewer asks about
 * (price, sizes, "se apaga solo?", "magsafe compatible?") are too many to list.
 */
export function onScreenCue(norm: NormalizedText): OnScreenCue | null {
  const toks = norm.tokens;
  // "which one is best for…", "tienen algo para…": a recommendation among the shop's products, whatever the pronouns
  if (asksRecommendation(toks)) return null;
  // a word standing for the product makes even a shipping question about it ("does it ship to chile")
  if (hasPronoun(toks, norm.folded)) return 'pronoun';
  return offProduct(toks) ? null : 'question';
}
