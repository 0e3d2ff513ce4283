// Multilingual intent rules: weighted keyword/phrase lexicon (en/es/pt/id chat, slang, typos, emoji)
// plus structural cues (question marks, links, handles, phone numbers, styled letters, "+1", "#2", quantities).
//
// Phrases are matched on normalized keys (see text.normalize.ts): "neeeed" matches "need", "sérum" "serum".
// Matching is greedy longest-phrase-first from left to right, and a matched phrase *consumes* its
// tokens, so "sold out" (complaint) hides "sold" (order) and "quiero saber" (question) hides "quiero".
// Labelling rule for ties: order > complaint > question > other; the weights below encode it.

import type { Intent, TriageLang } from './triage.types';
import { phraseKeys, type NormalizedText } from './text.normalize';

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
  [O, 3, '', `i want | i wnat | i wan | i want it | want it | want this | i need | need it | need this | i'll take | i will take | i'll take it |
    i'l take | i'll get | i will get | i'll buy | i will buy | i'm buying | im buying | buying | buying now | i'm getting | im getting |
    getting one | taking it | taking | need the | want the | need that | want that | still want | i still want | grabbing | gonna grab | gonna get | let me buy | lemme get | lemme buy | gimme | give me | take my money | sold | sold to |
    u sold me | you sold me | sold me | me me | count me in | i'm in | im in | put me down | put me on the list | put me on the waitlist |
    add to cart | added to cart | adding to cart | add to my cart | add to my order | adding | carted | in my cart | my cart |
    just checked out | checked out | just ordered | ordering | just bought | just paid | reserve | reserve one | hold one | hold me one |
    save me one | save one | put aside | set aside | aside for me | dibs | can i get | can i have | i'd like | id like | yes pls | yes please |
    yes plz | me too | waitlist | gotta have | must have | want want | i'm in | take it | i'll have | ill have | i will have |
    i'll take one | i'll take two | interested in buying`],
  [O, 2.2, '', `want | wants | wnat | need | neeed | getting the | get the | grab | mine | buy it | to buy | convinced me | ordered | bought |
    purchased | one for me | 1 for me`],
  [O, 2.2, 'en', `for me | add | put me | to my order | interested`],
  [O, 1.2, 'en', `order | paid | checkout | pls | plz | please | yes | yess | ok fine | fine | cart | asap`],
  [O, 0.6, 'en', `me`],
  [O, 2, '', `:cart:`],
  [O, 1, '', `:check: | :money: | :hand:`],
  // es
  [O, 3, 'es', `quiero | kiero | qiero | lo quiero | yo quiero | quiero comprar | me llevo | yo me llevo | lo llevo | me lo llevo | lo compro |
    comprado | comprada | ya pague | ya lo compre | ya lo pague | vendido | vendida | mio | mia | es mio | es mia | aparta* | apunta* | me apunto |
    guarda* | separa* | me pillo | al carrito | anadido al carrito | anadi | dame | me das | me pones | me convenciste | lo quiero ya |
    lo necesito | necesito | me interesa | me lo quedo`],
  [O, 2.2, 'es', `compro | para mi | pa mi | carrito | agrega* | me antoje | un kit para | uno para | una para | ya compre | pague`],
  [O, 1.5, 'es', `compre | comprar | porfa | plis | porfis | yo`],
  // pt
  [O, 3, 'pt', `quero | qro | qero | eu quero | vou querer | vou levar | levo | to levando | fico com | comprado | comprada | ja paguei | ja comprei |
    vendido | vendida | e meu | e minha | guarda um | guarda uma | reserva | reservar | separa | tô dentro | to dentro | coloca | carrinho |
    tenho interesse | preciso | eu preciso | manda o pix | manda pix | queria reservar | quero muito | me convenceu | vou comprar | pode ser um | pode ser uma | pode ser 1 | pode ser 2`],
  [O, 2.2, 'pt', `queria | pra mim | anota | fechou | fechado | compro | comprando`],
  [O, 1.5, 'pt', `comprei | paguei | pfv | pfvr | bora`],
  [O, 0.8, 'pt', `eu | meu | minha`],
  // id
  [O, 3, 'id', `mau | mw | aku mau | saya mau | ambil | aku ambil | saya ambil | keep | beli | aku beli | pesan | pesen | saya pesan | ikut order |
    ikutan | udah co | sudah co | udh co | co | sudah checkout | udah checkout | masukin keranjang | keranjang | catet | punyaku | gas order |
    jangan sampe kehabisan | jangan sampai kehabisan | sudah transfer | udah transfer`],
  [O, 2.2, 'id', `buat aku | untuk aku | buat saya | ikut | gas | order | transfer | buruan | pengen | pingin | checkout | butuh | minat`],
  [O, 1, 'id', `dong | ya kak`],

  // ─────────────────────────── QUESTION ────────────────────────────
  [Q, 3, '', `i want to know | want to know | wanna know | i need to know | quick question | question | anyone know | does anyone know |
    how much | how many | how long | how do i | how do you | how to | what's the price | whats the price | price for | price of | is it |
    difference between | what's the difference | do you ship | do u ship | ship to | ships to | can i use | can you show | can u show |
    show again | show it again | wondering | is there | are there | do you accept | do you take | accept | curious | sorry new here |
    what are we | what's in | whats in | what is | where do i buy | where can i buy | how can i buy | how do i order | how can i order |
    where do i order`],
  [Q, 2, '', `how | what | whats | which | where | wheres | when | does | does it | do you | do u | is the | is this | is that | are the | are these |
    are they | can i | can you | can u | could | should i | would | will it | will the | price | cost | costs | shipping to | deliver |
    international | internationally | available | in stock | still available | restock | restocking | ingredients | difference |
    safe | ok for | good for | work on | works on | suitable | paypal | afterpay | klarna | pay with | asking | tell me | new here |
    what's | any`],
  [Q, 1, '', `is | are | do | can | will | ship | link`],
  [Q, 1, 'en', `q`],
  [Q, 1, '', `:think: | :qmark:`],
  // es
  [Q, 3, 'es', `quiero saber | queria saber | una pregunta | pregunta | cuanto cuesta | cuanto sale | cuanto esta | cuanto es | como se compra |
    como compro | hacen envios | hacen envio | envian | aceptan | aceptais | alguien sabe | que diferencia | cuantos | cuantas | cuanto |
    meses sin intereses | se puede | donde lo compro | donde compro | como lo compro | donde se compra | como pago | como le hago`],
  [Q, 1, 'es', `que | como`],
  [Q, 2, 'es', `precio | donde | cuando | cual | hay | tiene | tienen | sirve | sirven | puedo | puedes | pueden | trae | traen |
    viene | vienen | envio | envios | diferencia | me dices | oye`],
  // pt
  [Q, 3, 'pt', `quero saber | queria saber | quanto custa | quanto e | quanto ta | quanto tempo | como compra | como compro | como uso |
    faz frete | fazem frete | enviam | envia | entrega em | entregam | aceita | aceitam | alguem sabe | quantos | quantas | quanto | cade |
    parcela | parcelam | duvida | qual a diferenca | tem desconto | onde compro | onde eu compro | como faco pra comprar | como faz pra comprar |
    como pago`],
  [Q, 1, 'pt', `como`],
  [Q, 2, 'pt', `qual | onde | quando | tem | serve | pode | posso | vale | mostra | diferenca | vem | boleto | frete | entrega`],
  // id
  [Q, 3, 'id', `berapa | brp | berapaan | mau tanya | mau nanya | tanya | nanya | cara beli | cara order | gimana | bagaimana | apakah | kapan |
    dimana | di mana | kirim ke | bisa kirim | cocok gak | cocok ga | ready stock | ready stok | ready gak | ready ga | beli dimana |
    cara pesan | cara order`],
  [Q, 2, 'id', `apa | mana | bisa | boleh | cocok | cara | harga | ongkir | isi | tunjukin | restock | ready | kah | atau`],
  [Q, 1, 'id', `ada`],

  // ─────────────────────────── COMPLAINT ───────────────────────────
  [C, 3, '', `not working | isn't working | isnt working | doesn't work | doesnt work | don't work | won't work | not work | no work | broke me out |
    broken | 404 | error | invalid | says invalid | charged twice | double charged | charged me twice | never came | never arrived | never got |
    never received | hasn't shipped | hasnt shipped | still hasn't | still hasnt | hasn't moved | hasnt moved | hasn't updated | hasnt updated |
    still waiting | where is my order | wheres my order | where's my order | my refund | refund | no confirmation | didn't get |
    didnt get | did not get | didn't receive | didnt receive | not received | damaged | chipped | dented | peeling | rusted | rash | broke out |
    melted | leaking | laggy | lagging | lag | freezing | frozen | blurry | can't hear | cant hear | can't see | cant see | no sound | no audio |
    cutting out | sold out | out of stock | ignoring | ignored | nobody answers | no one answers | nobody replies | nobody answer |
    worst | terrible | awful | ridiculous | disappointed | disappointing | rigged | keeps loading | loading forever | keeps crashing | crashes |
    crashing | crashed | keeps failing | failing | failed | declined | got charged | instead of | not applying | won't apply | doesnt apply |
    not buying again | never again | unacceptable | so expensive | too expensive | overpriced | screen's black | screens black | black screen |
    can't find | cant find | keeps emptying | not what was shown | wrong | missing | half empty | came open | arrived open | no one responds |
    is different | price is different | different from | different on the website | different on the site | stop reading |
    stop ignoring | only reading | sent me the wrong | got sent | sent the wrong`],
  [C, 2.2, '', `my order | why | why is | why does | why do | broke | cracked | keeps | still | stop | skipping | deleted | rude | pending | tracking | charged |
    expensive | dull | smell | smells | slow | scam | wtf | ugh | seriously | come on | not | didn't | didnt | nobody | can't | cant | again`],
  [C, 1.5, '', `never`],
  [C, 3, '', `froze | stream froze | freezes | stopped working | quit working | died after | leaks | leaking everywhere | overcharged | overcharge |
    billed me | charged more | scratched | shattered | arrived broken | came broken | missing a | missing the | wrong color | wrong colour |
    wrong item | wrong size | no reply | never replied | blocked me | is this a scam | checkout failed | payment failed | card declined`],
  [C, 1.2, '', `:angry: | :eyeroll: | :weary: | different | spinning | audio | arrived | came | waiting`],
  // es
  [C, 3, 'es', `no funciona | no sirve | no carga | no abre | no me llego | nunca llego | no ha llegado | no llega | no me llega | me cobraron |
    cobraron | roto | rota | rotos | despostillada | despostillado | pesimo | pesima | nadie contesta | nadie responde | agotado | agotada |
    se agoto | agoto | sin stock | se traba | no se escucha | no se oye | no se ve | borrosa | borroso | reembolso | no me lo acepta | no acepta |
    no me deja | ignoran | no manches | nada que ver | me mandaron | pelando | sin filo | vaya tela | que mal | cuesta mas que | se cierra |
    no se actualiza | llego abierto | llego roto | donde esta mi pedido | no me ha llegado | mi pedido no`],
  [C, 2.2, 'es', `mi pedido`],
  [C, 3, 'es', `se congelo | congelado | se trabo | dejo de funcionar | dejo de calentar | no calienta | se rompio | rayado | rayada | me falta |
    faltan | falto | vino el equivocado | equivocado | equivocada | grosera | grosero | me bloqueo | me suben | cobran de mas | cobraron de mas |
    sigue pendiente | pago pendiente | sigue diciendo | no hay sonido | sin sonido | ya no aparece | desaparecio | estafa | fraude | no me deja pagar`],
  [C, 2.2, 'es', `otra vez | traba | huelen | huele | esperando | rastreo | nadie | abierto | naranja | error | caro | nunca`],
  [C, 1.5, 'es', `nada`],
  // pt
  [C, 3, 'pt', `nao funciona | nao abre | nao carrega | nao chegou | ate hoje nada | e nada | quebrada | quebrado | veio quebrada | lascada | lascado |
    descascando | esgotou | esgotado | esgotada | fui cobrada | fui cobrado | cobrada | cobrado | reembolso | travando | congelando |
    sem audio | sem som | embacada | embacado | absurdo | palhacada | de brincadeira | ninguem responde | ninguem | ignoram | invalido |
    nao atualiza | sem fio | cheiro forte | chegou aberto | nao recebi | rachado | rachada | que absurdo | nao e o da live | nao e a da live |
    e veio | mas veio | me mandaram | cade meu pedido | meu pedido nao`],
  [C, 2.2, 'pt', `meu pedido`],
  [C, 3, 'pt', `congelou | travou | parou de funcionar | estragou | quebrou | vazando | riscado | riscada | veio faltando | faltando | faltou |
    veio errado | veio errada | chegou errado | chegou o | grossa | grosso | mal educada | ngm responde | n confirmou | nao confirmou | nao caiu |
    n caiu | recusado | recusou | da erro | deu erro | n consigo | nao consigo | cobraram | a mais | esvazia | sumiu | golpe | venceu | estorno |
    q saco | que saco`],
  [C, 2.2, 'pt', `erro | errado | errada | dnv`],
  [C, 2.2, 'pt', `pendente | rastreio | duas vezes | trava | alaranjado | alaranjada | fecha | mandei mensagem | de novo | caro`],
  [C, 1.5, 'pt', `nada`],
  [C, 1.2, 'pt', `nao`],
  // id
  [C, 3, 'id', `gak bisa dibuka | ga bisa dibuka | gak bisa dipake | ga bisa dipake | gak bisa dipakai | tidak bisa | error | belum nyampe |
    belum sampai | belum sampe | belum dikirim | belum datang | belum dateng | belum masuk | kosong | kosong lagi | kehabisan | habis | patah |
    rusak | gompel | ngelupas | retak | lemot | lag | putus | burem | buram | kecewa | slow respon | gak dibales | ga dibales | gak dibalas |
    refund | kepotong | jerawatan | gatal | lecet | beda bgt | beda banget | gak update | ga update | jadi oren | mahal bgt | mahal banget |
    keluar sendiri | di skip | kebuka | gak dapet | ga dapet | masih pending | yang dikirim | yg dikirim | yang dateng | yg dateng |
    yang datang | pesanan aku | pesananku | pesenan aku | pesenanku`],
  [C, 2.2, 'id', `pesanan | pesenan`],
  [C, 3, 'id', `ngefreeze | freeze | macet | gagal | gagal terus | salah warna | salah kirim | pecah | jutek | ketus | penipuan | nipu | ga dateng |
    gak dateng | ga nyampe | gak nyampe | beda sama`],
  [C, 2.2, 'id', `salah`],
  [C, 1, 'id', `baru mau co | baru mau checkout | baru mau beli | baru mau order`],
  [C, 2.2, 'id', `gak bisa | ga bisa | kok | masa | mahal | beda | bau | belum | resi | pending | tumpul | oren | tiap live`],
  [C, 1.2, 'id', `gak | ga | nggak | gk | enggak | tidak`],

  // ───────────────────────────── SPAM ──────────────────────────────
  [S, 3.5, '', `link in bio | link in my bio | check my bio | my bio | click my profile | check my profile | check my page | my profile | my page |
    follow me | follow back | follow for follow | follow4follow | sub 4 sub | sub4sub | sub to my | subscribe to my | my channel |
    check out my channel | giveaway | giving away | free iphone | gift card | gift cards | v bucks | vbucks | earn | per day | a day from home |
    work from home | from home | crypto | bitcoin | double your money | buy followers | cheap followers | followers | viewers |
    dm me | dm for | dm to claim | message me | whatsapp | telegram | congratulations | you've been selected | youve been selected | selected |
    claim | claim here | claim prize | winner | you won | prize | prizes | hot singles | singles | sugar daddy | sugar baby | xxx | free movies |
    watch free | watch full | movies | airpods | cheap iphones | selling accounts | get paid | make money | made __price__ | ask me how |
    no experience | code generator | generator | visit my shop | my shop | join my | trading | signals | guaranteed | 1000x | like and follow`],
  [S, 1.5, '', `free | cheap | outlet | invest | investment | likes | follow | subscribe | sub | dm | wa | __handle__ dm`],
  [S, 1.2, '', `:moneybag: | :slot: | :rocket: | :chart: | :gift: | :loop: | :mail: | :point:`],
  // es
  [S, 3.5, 'es', `sigueme | te sigo | mi perfil | en mi perfil | link en mi perfil | mira mi perfil | mi canal | suscribete | gana dinero | gana |
    desde casa | cripto | inviertan | invierte | invierta | duplico | regalos gratis | vendo seguidores | seguidores | escribeme | sorteo |
    prestamos | prestamo | sin buro | trabaja desde casa | al privado | info al dm | ganar dinero | dinero facil | ganaste | reclama | premio`],
  [S, 1.5, 'es', `gratis | oferta | comenta | privado`],
  // pt
  [S, 3.5, 'pt', `me segue | sigo de volta | segue meu perfil | meu perfil | olha meu perfil | link na bio | na bio | ganhe | ganhe dinheiro |
    sem sair de casa | invista | dobre | brindes | se inscreve | meu canal | vendo seguidores | seguidores | chama no direct | chama no zap |
    zap | sorteio | emprestimo | spc | trabalhe de casa | trabalhe a partir de casa | no privado | dinheiro facil | sorteado | resgate |
    voce foi sorteado | seguidores gratis`],
  [S, 1.5, 'pt', `gratis | por dia | envie mensagem | comenta | privado`],
  // id
  [S, 3.5, 'id', `follback | follow aku | cek bio | link di bio | di bio | cek profil | profil aku | penghasilan | slot | gacor | maxwin | judi |
    pinjol | tanpa jaminan | tambah followers | channel aku | daftar sekarang | kerja dari rumah | info dm | cuan | chat aku | di wa |
    klaim | hadiah | undian | pemenang | hubungi`],
  [S, 1.5, 'id', `jasa | murah | daftar | bonus | gaji | dari rumah | gratis | subscribe`],

  // ───────────────────────────── OTHER ─────────────────────────────
  [X, 1.8, '', `hi | hii | hello | hey | hey hey | hi everyone | hello everyone | good morning | good night | good evening | night from |
    greetings | hi from | hello from | watching from | first time | just got here | thank you | thanks | thank u | ty | tysm | love you | love u |
    congrats | brb | shoutout | happy friday | sending love | got mine | been using | can't afford | cant afford | here for the |
    look at this | good vibes | answering my question | answered my question | for answering | i'm early | im early | slay | queen | mood | vibe | vibes | lmao | lmaoo | lol | haha | hahaha`],
  [X, 1.6, '', `love | so pretty | pretty | beautiful | gorgeous | amazing | cute | stunning | wow | nice | same | yay | funny | fun | obsessed |
    favorite | favourite | early | chat | so good | satisfying | relaxing | hungry | looks so | looks good | omg | wait | ok | okay | yeah |
    :love: | :fire: | :clap: | :laugh: | :wave: | :eyes: | :yum: | :party:`],
  [X, 0.6, '', `:cry: | :emo: | :sad: | :plead: | :pray: | :hands: | :kiss:`],
  // es
  [X, 1.8, 'es', `hola | holaa | saludos | desde | buenas noches | buenos dias | buenas tardes | primera vez | llegue | jaja | jajaja | jeje | gracias |
    me encanta | felicidades | te ves | chismear | viendo | aqui andamos | tqm | me dio hambre | que guay | ya quisiera | ya quiero que`],
  [X, 1.6, 'es', `encanta | hermosa | hermoso | preciosa | precioso | divino | divina | bonita | bonito | guapa | guay | rico | perrito | buenisimo |
    loquisimo | padre | buenas | linda`],
  // pt
  [X, 1.8, 'pt', `oi | oii | ola | boa noite | bom dia | boa tarde | alo | kkk | k | amo | amei | obrigada | obrigado | parabens | beijos | do brasil |
    primeira vez | cheguei | tmj | quem dera | adoro | so olhando | sem dinheiro | saudade | apaixonada`],
  [X, 1.6, 'pt', `linda | lindo | maravilhosa | maravilhoso | perfeita | perfeito | fofo | fofa | delicia | fome | carismatica | gente | hahaha`],
  // id
  [X, 1.8, 'id', `halo | hai | salam | nyimak | wkwk | wkwkwk | makasih | terima kasih | hadir | mampir | baru gabung | pertama kali | semangat |
    selamat | bokek | sehat | asik | mantap | mantul`],
  [X, 1.6, 'id', `dari | cantik | cakep | lucu | gemes | suka | nonton | rame | laper | enak | jago | liat`],

  // ───────────── neutral phrases (consume words, no intent) ─────────────
  [null, 0, '', `sold separately | out of | check out | order from | my order from | for my | how are you | mine are | mine is | mine arrived |
    in love | free shipping | gift for | i have | i had | if i buy | if i order | if i get`],
  [null, 0, 'es', `no se | si compro | si llevo`],
  [null, 0, 'pt', `se eu levar | se levar | se eu comprar | se comprar`],
  [null, 0, 'id', `mau cuan`],
];

/** Words that cancel a following order phrase ("no quiero", "not buying", "gak mau"). */
const NEGATORS: ReadonlySet<string> = new Set(
  ['not', 'dont', 'never', 'no', 'nao', 'gak', 'ga', 'tidak', 'nggak', 'enggak', 'jangan', 'ni', 'nunca', 'didnt', 'cant', 'wont', 'ya no']
    .map((w) => phraseKeys(w).join(' ')),
);

const ID_QTAGS: ReadonlySet<string> = new Set(['gak', 'ga', 'nggak', 'enggak', 'gk', 'ngga', 'tidak', 'kah'].map((w) => phraseKeys(w).join(' ')));
const ID_PARTICLES: ReadonlySet<string> = new Set(['kak', 'kakak', 'min', 'sis', 'gan', 'ya', 'sih', 'dong', 'nih', 'say'].map((w) => phraseKeys(w).join(' ')));

/** Filler words ignored when deciding whether a comment is just "a product name" (e.g. "yooo el nude", "#3!!"). */
const FILLER: ReadonlySet<string> = new Set(
  `the a an el la los las lo o os as um uma un una de do da del yang yg nya ya kak kakak min sis gan dong pls plz please porfa pfv plis
   ty thx omg oh ok okay and y e dan one uno 1 me i my mi meu aku saya this that ese esa esse essa ini itu yo yes yess si sim
   too tambien tambem juga also for para pra buat`
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => phraseKeys(w).join(' ')),
);

const NUMBER_WORDS: ReadonlySet<string> = new Set(
  ['one', 'two', 'three', 'uno', 'dos', 'tres', 'um', 'uma', 'dois', 'duas', 'satu', 'dua', 'tiga'].map((w) => phraseKeys(w).join(' ')),
);
const POLITE_AFTER_QTY: ReadonlySet<string> = new Set(
  ['pls', 'plz', 'please', 'porfa', 'pfv', 'ya', 'kak', 'min', 'sis', 'gan', 'for', 'para', 'pra', 'buat', 'more', 'mas', 'lagi', 'x']
    .map((w) => phraseKeys(w).join(' ')),
);
const TIME_UNITS: ReadonlySet<string> = new Set(
  ['day', 'days', 'dia', 'dias', 'hari', 'week', 'weeks', 'semana', 'semanas', 'minggu', 'hour', 'hours', 'hora', 'horas', 'jam', 'h',
   'min', 'mins', 'minutes', 'menit', 'month', 'months', 'mes', 'meses', 'bulan', 'year', 'years', 'anos', 'tahun', 'times', 'vezes',
   'veces', 'kali', 'seconds', 'segundos', 'detik', 'k', 'pm', 'am', 'ml', 'cm', 'l']
    .map((w) => phraseKeys(w).join(' ')),
);

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
    const langOk = (e: Entry, l: TriageLang): boolean =>
      e.langs === null || l === 'und' || e.langs.includes(l as Lang) || (plausible !== undefined && e.langs.some((x) => plausible.has(x)));
    const sum: Record<Intent, number> = { order: 0, question: 0, complaint: 0, spam: 0, other: 0 };
    const top: Record<Intent, number> = { order: 0, question: 0, complaint: 0, spam: 0, other: 0 };
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    const toks = norm.tokens;
    const n = toks.length;
    const at = (k: number): string => toks[k] ?? '';
    const f = norm.flags;

    const add = (id: string, intent: Intent, w: number, label: string): void => {
      if (seen.has(id)) {
        sum[intent] += w * 0.15; // repeats ("sold sold sold") add a little
        return;
      }
      seen.add(id);
      sum[intent] += w;
      if (w > top[intent]) top[intent] = w;
      hits.push({ id, intent, w, label });
    };

    // Indonesian question tag: "... gak kak?", "bisa COD ga?" — the negator closing the sentence asks, it doesn't complain.
    let tagAt = -1;
    if (lang === 'id' || lang === 'und') {
      let k = n - 1;
      while (k >= 0 && (at(k) === '?' || at(k).startsWith(':') || ID_PARTICLES.has(at(k)))) k--;
      if (k > 0 && ID_QTAGS.has(at(k))) tagAt = k;
    }
    if (tagAt >= 0) add('struct:id_qtag', 'question', 2.5, '“…gak?” question tag');

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
          if (!langOk(e, lang)) continue;
          if (i + e.keys.length > n) continue;
          let ok = true;
          for (let k = 1; k < e.keys.length; k++) if (at(i + k) !== (e.keys[k] ?? '')) { ok = false; break; }
          if (ok) { matched = e; break; }
        }
      }
      if (!matched && t.length >= 4) {
        for (const e of prefixes) if (langOk(e, lang) && t.startsWith(e.keys[0] ?? '')) { matched = e; break; }
      }
      if (!matched) {
        i++;
        continue;
      }
      if (matched.intent) {
        let intent = matched.intent;
        let w = matched.w;
        let label = matched.label;
        // negation: "no quiero", "not buying", "gak mau" — an order phrase right after a negator
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
        add(matched.id, intent, w, label);
      }
      i += matched.keys.length;
    }

    // ---- structural cues ----
    if (f.questionEnd) add('struct:q_end', 'question', 1.8, 'ends with “?”');
    else if (f.question) add('struct:q_any', 'question', 0.8, 'has “?”');
    if (/^\s*¿/.test(norm.capped)) add('struct:q_open', 'question', 0.6, 'starts with “¿”');
    if (f.url) add('struct:url', 'spam', 4, 'contains a link');
    if (f.html) add('struct:html', 'spam', 3, 'contains HTML markup');
    if (f.phone) add('struct:phone', 'spam', 3, 'contains a phone number');
    if (f.fancy) add('struct:fancy', 'spam', 3, 'styled look-alike letters');
    if (f.repeatedPhrase) add('struct:repeat', 'spam', 1.5, 'same phrase repeated');
    if (f.length > 600) add('struct:long', 'spam', 0.8, 'very long comment');
    if (f.handles > 0 && hits.some((h) => h.intent === 'spam')) add('struct:handle', 'spam', 1, 'mentions an account');
    if (f.emojiOnly) add('struct:emoji_only', 'other', 1.2, 'emoji only');
    if (f.empty) add('struct:empty', 'other', 1, 'empty');

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
    if (plus && !f.phone) add('struct:plus', 'order', 3.2, '“+1”');
    if (qty) add('struct:qty', 'order', 1.5, 'quantity');
    if (onScreen) add('struct:onscreen', 'order', 0.6, 'on-screen number');

    // A bare product mention ("#3!!", "yooo el nude", "BLUEEEE", "cream pls"): in a live sale that is an order.
    if ((product.mentioned || product.deictic) && qLex === 0 && cLex === 0 && !f.question && !f.url) {
      let content = 0;
      for (let k = 0; k < n; k++) {
        const t = at(k);
        if (product.productTokens.has(k) || t.startsWith(':') || t.startsWith('#') || t.startsWith('+')) continue;
        if (FILLER.has(t) || /^\d{1,2}$/.test(t) || /^x\d+$/.test(t)) continue;
        content++;
      }
      if (content <= 1) add('struct:bare_product', 'order', 2.4, 'just names a product');
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
