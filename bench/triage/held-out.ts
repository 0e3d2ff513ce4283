// Held-out categories (test/data/heldout/<category>/): written by authors who never read the classifier, frozen by
// hash in their own commits before the changes they judge, and scored only when asked (TRIAGE_HELDOUT=1), so nobody
// tuning the classifier sees their figures. One model, trained on everything we may tune on, is scored per category.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { corpusCatalog, DATA_DIR, lineKey, readJsonl, type LabelledSet } from './datasets';
import { evaluateWithModel, formatFold, worstOf, type FoldReport } from './cross-catalog';
import { trainWithSelectedConfig } from './model-select';
import { fmt } from './metrics';

/**
 * Content hashes of the held-out files, as their authors committed them. A data test fails when one drifts.
 * Recorded by the lead from the authors' commits, before any classifier change they judge was merged.
 */
export const HELD_OUT_FROZEN: Readonly<Record<string, string>> = {
  'heldout/car-accessories/comments.jsonl': '004d3d4d894d13771e67ced6abd946e6bff5da4d5ede029be531460964e55eec',
  'heldout/car-accessories/catalog.json': 'bac611d160176cb1f46992db392ee9d522a91f1903aed28487be1301f199dffa',
  'heldout/garden-plants/comments.jsonl': '4f0c2ac18539c3dbf8bb880e378d1db7816083a2bcce56f682743c475b643f80',
  'heldout/garden-plants/catalog.json': '0d7d06bb3cb8a07a6ee939711a7033ec8f2ad02059afd043a0b0b91006a13b5a',
  // Written 2026-12-05 17:58 (session 4) by two more authors from a brief holding only the labelling rules and the
  // format; frozen here before any classifier change of that session was merged.
  'heldout/power-tools/comments.jsonl': '933d0787a8217606768d68523a4e7f24cb3e16e683e0d40727d0fd215faf583d',
  'heldout/power-tools/catalog.json': 'd371495b89af28fb7a9e22d396051575315dfd2c57d106cd1da81263645c587e',
  'heldout/eyewear/comments.jsonl': '6c82e3ea93e626e8a1f0935d3a57fde1fab839e751cd0319d87e7f89c01e2749',
  'heldout/eyewear/catalog.json': 'b13c14875b1048105aaadd12a092cfd9b0efa3131b6bb8f74d167fd7abf6c194',
  // Written 2026-12-05 20:50 (session 5) by a fifth author from the same brief (labelling rules, format, size/mix
  // only); frozen here before any classifier change of session 5 was merged.
  'heldout/cleaning-supplies/comments.jsonl': 'abb0f6b00bf4de44bf631edc2b19bbd323104da7bed70a791834d554f5dae47b',
  'heldout/cleaning-supplies/catalog.json': '186da5dd9fe5cb27fadc73d58c0dcabd49d033734749274b0b9d13e35ed27087',
  // Written 2026-12-05 20:55 (session 5) by a sixth author (same brief; told to write each language directly, not
  // to translate); frozen here before any classifier change of session 5 was merged. Its author read bare "+1"/"mine"
  // under a pinned product as the pinned SKU; the cleaning-supplies author left them null. Neither is relabelled.
  'heldout/arts-crafts/comments.jsonl': 'c93cbd0fce6ed0e174eaaa9a59b1c70385446ebcef3aaab09344d5d70051d1c2',
  'heldout/arts-crafts/catalog.json': '2740d129d33ba77f0dee0638cbff93ae69bf55efd71ec696a454712c646c4a41',
  // Written 2026-12-05 23:53–23:58 (session 6) by a seventh author from the same brief, with the SKU rule's three
  // cases spelled out (bare order → null; colour/size alone within the pinned family; family alone → null); frozen
  // here before any classifier change of session 6 was merged.
  'heldout/bike-cycling/comments.jsonl': '09a9af49a4e0389315b98871cd05298ed1fd14c8d7daf2f534c2ffbb037a4a42',
  'heldout/bike-cycling/catalog.json': 'b006013e8e593347a3939037c489a8678be15f09be5cea11c370b490cfd9e361',
  // Written 2026-12-05 23:53–23:58 (session 6) by an eighth author, same brief and spelled-out SKU cases; frozen here
  // before any classifier change of session 6 was merged.
  'heldout/musical-instruments/comments.jsonl': 'abfedf9c5e6517afc2906a20b150534749a1df94e5879273bdcf03c9aaf5fdba',
  'heldout/musical-instruments/catalog.json': 'd87e4f31b81c3a67f760e788968a314333881dd300fe56dc0e08f7ce6fa5c0ea',
  // Written 2026-12-06 02:58–03:10 (session 7) by a ninth author from the same brief; frozen here before any
  // classifier change of session 7 was merged (the keySetOf refactor before it changes no word list).
  'heldout/tea-coffee/comments.jsonl': '929d81665859ec80a84e1d1f9935cc1e71fb3ec5f06606fe63fbdcac3a9027f5',
  'heldout/tea-coffee/catalog.json': '98e3544059463b069ad3b236233ada1ff5c4dc1eab2c39aae6613a703918cd1f',
  // Written 2026-12-06 02:58–03:10 (session 7) by a tenth author, same brief; frozen before any classifier change
  // of session 7 was merged.
  'heldout/home-lighting/comments.jsonl': '9aa7d6fc72ce854d9951635258f0ee14643e02bc4dd471666fade9a283175102',
  'heldout/home-lighting/catalog.json': '12e86585aa68bb911f5ea8320d3205e572934a86b8a7bd4f254cb4b04408a280',
  // Written 2026-12-06 06:10–06:14 (session 8) by an eleventh author from the same brief (rules, format, SKU cases);
  // frozen here before any classifier change of session 8 was merged.
  'heldout/camera-photo/comments.jsonl': '31f6893a52e1dc26e9ad02d3ba42c44ebd6d1e6c8ae561ebf6c0ad3836a6ee05',
  'heldout/camera-photo/catalog.json': '3703b2d3b21916eea56c8f6d840962a2caa142a971ce053b14f03125db70e513',
  // Written 2026-12-06 06:10–06:19 (session 8) by a twelfth author, same brief (es/pt/id first drafts thrown out and
  // rewritten in their own situations); frozen before any classifier change of session 8 was merged.
  'heldout/party-supplies/comments.jsonl': '2a5dd667231d4c2fbeb025904369350b9b0cff1e849b5ec79b17a41e6a0cd71e',
  'heldout/party-supplies/catalog.json': '01f908d90b16868cd35cb005667c5c39217f3b803cf0b456bee9fe2426a2aeab',
  // Written 2026-12-06 08:56–09:01 (session 9) by a thirteenth author from the same brief (rules, format, SKU cases);
  // frozen here before any classifier change of session 9 was merged. Its author gave the pinned SKU to questions whose
  // subject is a bare "it" or dropped (es/pt/id); the session-9 corpus authors left those null. Not relabelled.
  'heldout/motorcycle-gear/comments.jsonl': '3c48adcedcccd313fdb218320fef06c0728d458105c080605c4e309098febd18',
  'heldout/motorcycle-gear/catalog.json': '460b45f7edee62757b53248c48f3472a03b28a121fc4955f140e6d7f85650522',
  // Written 2026-12-06 08:56–09:03 (session 9) by a fourteenth author, same brief (es and most pt rewritten in their
  // own situations after a first draft followed the English); frozen before any classifier change of session 9 was merged.
  'heldout/knitting-yarn/comments.jsonl': 'd753eddab79821970dcd1e98e5aa90818cca58bb65c9c455879c60551ba59511',
  'heldout/knitting-yarn/catalog.json': '6fb7d9aa842f8676658b5d2e61cf006bc194e1fdb7a58ab16a61a9d907549d99',
  // Written 2026-12-06 12:05–12:09 (session 10) by a fifteenth author from the same brief (rules, format, SKU cases);
  // frozen here before any classifier change of session 10 was merged.
  'heldout/fishing-tackle/comments.jsonl': '612aeb4bb355df16f695440f258dc59d610773f93f3b1eb25261f5e0068c18ec',
  'heldout/fishing-tackle/catalog.json': 'a50a9078fcf312e9ef366880e9890cca369e54a5824fd05d45706e032713f142',
  // Written 2026-12-06 12:05–12:09 (session 10) by a sixteenth author, same brief (told to write each language in its
  // own chat style, not as a translation); frozen before any classifier change of session 10 was merged.
  'heldout/baking-pastry/comments.jsonl': '66f4427c8841c3fdced302144628cbfa5484b324fd071c378b91bdffd8912f16',
  'heldout/baking-pastry/catalog.json': '6c50e191e1a3fc9645f0c62693748be42dd20d74daebda8c047285423c9998d8',
  // Written 2026-12-06 16:14–16:18 (session 11) by a seventeenth author from the same brief; frozen here before the
  // session-11 classifier change (the intent model's 2^18 weight table) was merged.
  'heldout/electric-scooters/comments.jsonl': '332cef7cd26f426d5cb7bea593cdc7619cabe6e13352212ebeca3a4981816f7a',
  'heldout/electric-scooters/catalog.json': '89f0ad70f35c4aad718f97a05d39e9ca4b58bdeaca424a0983680ffaeeed2107',
  // Written 2026-12-06 16:14–16:18 (session 11) by an eighteenth author, same brief; frozen before the same change.
  'heldout/aquarium/comments.jsonl': '54bcc3823253a02bb8a77b8196564d7b44fe7b6dbb8902fa0fd3a5ddd17a7c65',
  'heldout/aquarium/catalog.json': 'e9d13f11e85437bbbd3dd7042b4e6ea4aa88f923902472c389f49694338238f4',
  // Written 2026-12-06 18:29–18:35 (session 12) by a nineteenth and a twentieth author from the same brief with the SKU
  // rule v2 in it (test/data/sku-rule-v2.md: the product on screen settled), so their `sku` is a v2 label; frozen in
  // 4bf89c7 before any scoring, after the session-12 SKU change (they were written after it, never seen by it).
  'heldout/golf-gear/comments.jsonl': '9c49121a51846edcc673feff668af503e3d253aded5ffd0f41cee49434b5faf3',
  'heldout/golf-gear/catalog.json': '76217c7d86a13564696d4425f3913a0cb9ab0987b25d80fd3e4cf011ee104bcd',
  'heldout/vinyl-records/comments.jsonl': '6fce10e42980a89a499e15d36fd7926ad0dea6d4fdf4e84355d35ee6732a63de',
  'heldout/vinyl-records/catalog.json': 'efdcc0e5ef2ef06bd663d082abdea649d1694fb5a7bf944681793fd06302c71d',
  // Written 2026-12-06 21:14–21:20 (session 13) by a twenty-first and a twenty-second author from the brief with SKU
  // rule v2 (their `sku` is a v2 label); frozen in c208b8d before the session-13 SKU change (the learned on-screen step).
  'heldout/kitchen-cookware/comments.jsonl': '6f49da4cf3154a85bb40c293c49b77583d02a8a059f264537a7f11f170b7614d',
  'heldout/kitchen-cookware/catalog.json': '4a4ed85b0537d9730133e60c358a3711054d9544b052ab78384d82c636743ad6',
  'heldout/laptops-tablets/comments.jsonl': '5ab6d53cbeada83e4a07316722f1262351b5ddba72cd618f157c30b4be4ed641',
  'heldout/laptops-tablets/catalog.json': '2a500b03d4d6b77031b5923833cf7cbc54f427d78b5be2232185f2984d7aeb0a',
  // Written 2026-12-07 00:25–00:30 (session 14) by a twenty-third and a twenty-fourth author from the brief with SKU
  // rule v2; frozen in e59b0e8 before any session-14 change to triage.
  'heldout/drones-rc/comments.jsonl': '2d15c9906a6ab61b5f82b9ad97a740c6f72c51d6ec90f184708c25aa3dcfcc20',
  'heldout/drones-rc/catalog.json': '7c24e03687ba0d5123c990948c04f30f5df5acace995cc02fa3b65e30351680b',
  'heldout/blind-box-collectibles/comments.jsonl': '067c50fbf4e56291af48d9e29207a30552c725b25c2a16d79d3c181f468f9113',
  'heldout/blind-box-collectibles/catalog.json': '08d6a4ed1a577096b97e1b4de9c6a9fa5781f9fe23ac214f4409210fc9387ce5',
  // Written 2026-12-07 03:35–03:40 (session 15) by a twenty-fifth and a twenty-sixth author from the brief with SKU
  // rule v2; frozen in d52e5d3 before any session-15 change to triage.
  'heldout/3d-printing/comments.jsonl': 'd0b79b526402c2293d0ba84f063face75a1160556d13fe857ee218a2939d3ef8',
  'heldout/3d-printing/catalog.json': 'dde475a3b647c4016ebf1b7a8612e1e4e177ae5208d14c5c1044811259ecaf8d',
  'heldout/equestrian/comments.jsonl': 'dd986f79b1a97b5a32ac9d9dc57eb68c4dc8fd5f61516f52b166871d9ae0007c',
  'heldout/equestrian/catalog.json': '0717f02cb55c7d4f3411f26b2af07ee75599be9922d094218b99bbcd728a5345',
  // Written 2026-12-07 06:54–07:00 (session 16) by a twenty-seventh and a twenty-eighth author from the brief with SKU
  // rule v2; frozen in de208f7 before any session-16 change to triage.
  'heldout/homebrewing/comments.jsonl': 'e9603d30b41f3e3f165aeedc3fe02f696ad6b15ebd578e9a7441849f94eb2c4b',
  'heldout/homebrewing/catalog.json': '6f54fdb9e22de98c9d416f8d122ccc58502e230304ef4dda9b2fd1be457cf984',
  'heldout/scuba-diving/comments.jsonl': '260ac7faad5874e654f1e933e36b2d4577868177ac4a335648fcbb1dd76de953',
  'heldout/scuba-diving/catalog.json': 'e3788ed0eb60d35e38eca4f40642df850dc7fe4147db642e1149b89e8c040293',
  // Written 2026-12-07 10:09–10:14 (session 17) by a twenty-ninth and a thirtieth author from the brief with SKU
  // rule v2; frozen in 4b02984 before any session-17 change to triage.
  'heldout/rock-climbing/comments.jsonl': 'b41c077eb691e8528c9d05d65aac9ce8bef3f39a1311f2bef66ed38634a58730',
  'heldout/rock-climbing/catalog.json': 'e9923cd1d76332583b49b3432c18b83207981c6207b0db8f3978f991afeca160',
  'heldout/ceramics-pottery/comments.jsonl': '8405860884c20999293e1492691f3b82b415bd81b223602b4324a2cbd5df1190',
  'heldout/ceramics-pottery/catalog.json': '6aad0c06ae4778b1c4cbf3772caa8f1c642d6d3baabe532894779657a982f23a',
  // Written 2026-12-07 13:30–13:34 (session 18) by a thirty-first and a thirty-second author from the brief with SKU
  // rule v2; frozen in 50d84d0 before any session-18 change to triage.
  'heldout/bathroom-fixtures/comments.jsonl': '4a3f6b24041bb28dfad4f591934f6eb989e442397880bfd5a4b745d54ac52c68',
  'heldout/bathroom-fixtures/catalog.json': '55ed8cc818eb85aa4fccf54d6a57def10d61c08eea1f88bd7e73197f3f9e90e0',
  'heldout/ski-snowboard/comments.jsonl': '0d5654487d142a1e0dc3ccc719d08511b5ab5d30bed73b7784b8442f8ff184bc',
  'heldout/ski-snowboard/catalog.json': 'ca120cd062aa00222b12ad49ef2a164101347ba33afdc059cbc72e21c4721de0',
  // Written 2026-12-07 16:47–16:53 (session 19) by a thirty-third and a thirty-fourth author from the brief with SKU
  // rule v3 (test/data/sku-rule-v3.md: reservations and show requests settled); committed unread in 31cce07, frozen before
  // any session-19 change to triage.
  'heldout/beekeeping-honey/comments.jsonl': 'dca33a5c5bddcacba1dc106f768390ee1ed90b5a573cfb91717746851c14b66a',
  'heldout/beekeeping-honey/catalog.json': '2a8f02f0c5f6d65b6207f16f36f9cb3c549eb85fc8950a836797ad3e4c5d5e84',
  'heldout/archery/comments.jsonl': '8c6d2c28e08236e97bf9f27cc25164abce55bb803fd3effef038f0e49b6e2614',
  'heldout/archery/catalog.json': '81d063b2e163abab238e0bc7ec91de28f4e3bcacf9a20483f8af6b496ed298f1',
  // Written 2026-12-07 20:10–20:15 (session 20) by a thirty-fifth and a thirty-sixth author from the same brief (rule v3);
  // committed unread, frozen before any session-20 change to triage. pool-supplies' es/pt/id lines came from one outline.
  'heldout/mobility-aids/comments.jsonl': '6861e09a7fc4ab60223762b561329d281c9750b280701dc2376840a182d64158',
  'heldout/mobility-aids/catalog.json': '9f42abc0ec31375e2a2fa489fac7c5ab07b6021ca5f0eafe06c6d974ed3fb6fc',
  'heldout/pool-supplies/comments.jsonl': '8a5a8a4e6109af99ef43a7e41a5d9ce389aa76dd9480edaf950641cc4152a153',
  'heldout/pool-supplies/catalog.json': '3855bfd1cc2bf75e2c67d399a628984ace22cde909cd57cdc0be27ee3a91a7c0',
  // Written 2026-12-07 23:32–23:37 (session 21) by two independent authors from the held-out brief with SKU rule v4
  // (test/data/sku-rule-v4.md); committed unread before any session-21 triage change.
  'heldout/wigs-extensions/comments.jsonl': '42b5e7faa59f834a27edc650102c43f5fcb7e4aae18fc8754a9f0216423d5c65',
  'heldout/wigs-extensions/catalog.json': '4307022dbc8c7d91da2bfe447e12e989f808cc276fdc8790a59661ec52327094',
  'heldout/wall-paint-diy/comments.jsonl': 'fffe2eeaeecb83ca758542971559efbbca88001fe3e381169194adf3f443f932',
  'heldout/wall-paint-diy/catalog.json': '6b26cb5d085126f50ed5b4b2700a1025cccbe1fd0b2f35ed10ae6a44a8e17451',
};

/**
 * Held-out categories whose figures have already been read by the lead (a judging run): they still test a catalog the
 * classifier never trained on, but a later change may have been steered by their aggregates, so the report keeps them
 * apart from the categories nobody has scored yet.
 */
export const HELD_OUT_SEEN: Readonly<Record<string, string>> = {
  'car-accessories': 'aggregates read 2026-12-05 16:50',
  'garden-plants': 'aggregates read 2026-12-05 16:50',
  eyewear: 'aggregates read 2026-12-05 19:37',
  'power-tools': 'aggregates read 2026-12-05 19:37',
  'cleaning-supplies': 'aggregates read 2026-12-05 23:09',
  'arts-crafts': 'aggregates read 2026-12-05 23:09',
  'bike-cycling': 'aggregates read 2026-12-06 01:31',
  'musical-instruments': 'aggregates read 2026-12-06 01:31',
  'tea-coffee': 'aggregates read 2026-12-06 04:19',
  'home-lighting': 'aggregates read 2026-12-06 04:19',
  'camera-photo': 'aggregates read 2026-12-06 07:37',
  'party-supplies': 'aggregates read 2026-12-06 07:37',
  'motorcycle-gear': 'aggregates read 2026-12-06 10:05',
  'knitting-yarn': 'aggregates read 2026-12-06 10:05',
  'fishing-tackle': 'aggregates read 2026-12-06 13:24',
  'baking-pastry': 'aggregates read 2026-12-06 13:24',
  'electric-scooters': 'aggregates read 2026-12-06 16:25',
  aquarium: 'aggregates read 2026-12-06 16:25',
  'golf-gear': 'aggregates read 2026-12-06 18:43',
  'vinyl-records': 'aggregates read 2026-12-06 18:43',
  'kitchen-cookware': 'aggregates read 2026-12-06 22:40',
  'laptops-tablets': 'aggregates read 2026-12-06 22:40',
  'drones-rc': 'aggregates read 2026-12-07 01:57',
  'blind-box-collectibles': 'aggregates read 2026-12-07 01:57',
  '3d-printing': 'aggregates read 2026-12-07 05:06',
  equestrian: 'aggregates read 2026-12-07 05:06',
  homebrewing: 'aggregates read 2026-12-07 08:19',
  'scuba-diving': 'aggregates read 2026-12-07 08:19',
  'rock-climbing': 'aggregates read 2026-12-07 11:48',
  'ceramics-pottery': 'aggregates read 2026-12-07 11:48',
  'bathroom-fixtures': 'aggregates read 2026-12-07 14:32',
  'ski-snowboard': 'aggregates read 2026-12-07 14:32',
  'beekeeping-honey': 'aggregates read 2026-12-07 17:55',
  archery: 'aggregates read 2026-12-07 17:55',
  'mobility-aids': 'aggregates read 2026-12-07 21:13',
  'pool-supplies': 'aggregates read 2026-12-07 21:13',
};

export const HELD_OUT_DIR = `${DATA_DIR}heldout/`;

export function heldOutCategories(): string[] {
  if (!existsSync(HELD_OUT_DIR)) return [];
  return readdirSync(HELD_OUT_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(`${HELD_OUT_DIR}${d.name}/comments.jsonl`) && existsSync(`${HELD_OUT_DIR}${d.name}/catalog.json`))
    .map((d) => d.name)
    .sort();
}

type RawCatalog = Parameters<typeof corpusCatalog>[0];

/**
 * A held-out category without its lines that repeat a training line (normalized): a repeat tests nothing.
 * Labels follow the corpus convention, applied mechanically (no text read): a bundle is an offer, not a product, so
 * a line labelled with the bundle's own SKU keeps its offer and counts as naming no product (`bundleSkusAsOffer`), and a
 * line written while the bundle was pinned counts as written with no product pinned (`bundlePinsCleared`).
 */
export function loadHeldOutCategory(category: string, trainingKeys: ReadonlySet<string>): LabelledSet & { repeatsLeftOut: number; bundleSkusAsOffer: number; bundlePinsCleared: number } {
  const dir = `${HELD_OUT_DIR}${category}`;
  const raw = JSON.parse(readFileSync(`${dir}/catalog.json`, 'utf8')) as RawCatalog;
  const bundles = new Map(raw.offers.flatMap((o) => (o.sku ? [[o.sku, o.code] as const] : [])));
  let bundleSkusAsOffer = 0;
  let bundlePinsCleared = 0;
  const all = readJsonl(`${dir}/comments.jsonl`).map((r) => {
    // A pinned bundle is not a pinned product: the corpus writes it as no pin, and the matcher takes pins as products.
    const pinnedBundle = r.pinnedSku ? bundles.has(r.pinnedSku) : false;
    if (pinnedBundle) bundlePinsCleared++;
    const row = pinnedBundle ? { ...r, pinnedSku: null } : r;
    const code = row.sku ? bundles.get(row.sku) : undefined;
    if (code === undefined) return row;
    bundleSkusAsOffer++;
    return { ...row, sku: null, offer: row.offer ?? code };
  });
  const rows = all.filter((r) => !trainingKeys.has(lineKey(r.text)));
  return { name: `heldout/${category}`, role: 'evaluation', rows, catalog: corpusCatalog(raw), repeatsLeftOut: all.length - rows.length, bundleSkusAsOffer, bundlePinsCleared };
}

export interface HeldOutReport {
  trainN: number;
  trainSeconds: number;
  categories: Array<FoldReport & { repeatsLeftOut: number; bundleSkusAsOffer: number; bundlePinsCleared: number }>;
}

/**
 * Train once on the tuning sets + the whole corpus as the shipped model is trained (configuration chosen by inner
 * cross-validation over the corpus), score each held-out category with its own catalog.
 */
export function runHeldOut(tuning: readonly LabelledSet[], corpus: readonly LabelledSet[]): HeldOutReport | null {
  const categories = heldOutCategories();
  if (categories.length === 0) return null;
  const keys = new Set([...tuning, ...corpus].flatMap((s) => s.rows.map((r) => lineKey(r.text))));
  const t0 = performance.now();
  const { model } = trainWithSelectedConfig(tuning, corpus);
  const trainSeconds = (performance.now() - t0) / 1000;
  return {
    trainN: model.examples,
    trainSeconds,
    categories: categories.map((c) => {
      const set = loadHeldOutCategory(c, keys);
      return { ...evaluateWithModel(set.name, set.rows, set.catalog, model, model.examples, trainSeconds), repeatsLeftOut: set.repeatsLeftOut, bundleSkusAsOffer: set.bundleSkusAsOffer, bundlePinsCleared: set.bundlePinsCleared };
    }),
  };
}

/** When a held-out set (named `heldout/<category>`) was first scored, or undefined if never. */
const seenAt = (name: string): string | undefined => HELD_OUT_SEEN[name.replace(/^heldout\//, '')];

const seenNote = (name: string): string => {
  const seen = seenAt(name);
  return seen ? `SEEN: ${seen}` : 'never scored before';
};

/** The categories nobody had scored before this run: the honest held-out figures. */
export function unseenCategories<T extends { name: string }>(categories: readonly T[]): T[] {
  return categories.filter((f) => seenAt(f.name) === undefined);
}

export function formatHeldOut(rep: HeldOutReport): string {
  const w = worstOf(rep.categories);
  const fresh = unseenCategories(rep.categories);
  const u = fresh.length > 0 ? worstOf(fresh) : null;
  return [
    `== held-out categories (never read while tuning; model trained on tuning sets + all corpus, ${rep.trainN} lines) ==`,
    ...rep.categories.map((f) => `${formatFold(f)}  (${f.repeatsLeftOut} repeats of training lines left out; ${f.bundleSkusAsOffer} bundle-SKU labels read as the offer; ${f.bundlePinsCleared} pinned bundles read as no pin; ${seenNote(f.name)})`),
    ...(u
      ? [
          `WORST NEVER-SCORED (${fresh.map((f) => f.name).join(', ')}): intent macro-F1 ${fmt(u.macroF1)} | complaint F1 ${fmt(u.complaintF1)} | ` +
            `SKU recall ${fmt(u.skuRecall)} at precision ${fmt(u.skuPrecision)} | per-language accuracy ${fmt(u.langAccuracy)}`,
        ]
      : []),
    `WORST HELD-OUT (all): intent macro-F1 ${fmt(w.macroF1)} (target ≥ 0.90) | complaint F1 ${fmt(w.complaintF1)} (≥ 0.85) | ` +
      `SKU recall ${fmt(w.skuRecall)} (≥ 0.92) at precision ${fmt(w.skuPrecision)} (≥ 0.95) | per-language accuracy ${fmt(w.langAccuracy)} (≥ 0.85)`,
  ].join('\n');
}

export function heldOutBenchRows(rep: HeldOutReport): Array<{ metric: string; value: number; unit: string; target?: string; pass?: boolean }> {
  const w = worstOf(rep.categories);
  return [
    ...rep.categories.map((f) => ({ metric: `held-out ${f.name} intent macro-F1`, value: f.intent.macroF1, unit: '' })),
    { metric: 'held-out worst intent macro-F1', value: w.macroF1, unit: '', target: '≥ 0.90', pass: w.macroF1 >= 0.9 },
    { metric: 'held-out worst complaint F1', value: w.complaintF1, unit: '', target: '≥ 0.85', pass: w.complaintF1 >= 0.85 },
    { metric: 'held-out worst SKU recall', value: w.skuRecall, unit: '', target: '≥ 0.92', pass: w.skuRecall >= 0.92 },
    { metric: 'held-out worst SKU precision', value: w.skuPrecision, unit: '', target: '≥ 0.95', pass: w.skuPrecision >= 0.95 },
    { metric: 'held-out worst per-language accuracy', value: w.langAccuracy, unit: '', target: '≥ 0.85', pass: w.langAccuracy >= 0.85 },
  ];
}
