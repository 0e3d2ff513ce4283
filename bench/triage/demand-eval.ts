// How many orders close as demand, and how many closed comments needed a reply (false closes), on TUNING
// data only: dev-tune, tune2 and the eight corpus categories. Every set is classified by a model that did
// not train on it (a corpus category: the other seven + the tuning sets; the tuning sets: the corpus), so
// intent errors weigh as they would on a new show. Evaluation sets (dev-holdout, show2, show3, heldout) are
// never loaded here.
import { decideDemand, DEFAULT_DEMAND_POLICY, type DemandPolicy } from '../../src/core/comments/demand.signal';
import { trainTriageModel, type TriageModel } from '../../src/core/comments/triage/triage.model';
import { createTriage } from '../../src/core/comments/triage/triage.service';
import { toGroup } from './cross-catalog';
import { lineKey, loadCorpus, loadTuningSets, type LabelledSet } from './datasets';

export interface DemandSetReport {
  name: string;
  comments: number;
  goldOrders: number;
  /** Gold orders closed as demand. */
  ordersClosed: number;
  /** Closed comments that were not orders (questions, complaints, chatter): each one a reply nobody gives. */
  falseCloses: { gold: string; text: string; confidence: number }[];
  /** Of the closed gold orders, reservations (the team is asked to hold one): only the corpus labels sub-tags. */
  reservesClosed: number;
}

function scoreSet(set: LabelledSet, model: TriageModel, policy: DemandPolicy): DemandSetReport {
  const t = createTriage({ catalog: set.catalog, model });
  const rep: DemandSetReport = { name: set.name, comments: set.rows.length, goldOrders: 0, ordersClosed: 0, falseCloses: [], reservesClosed: 0 };
  for (const r of set.rows) {
    if (r.intent === 'order') rep.goldOrders += 1;
    const p = t.classify({ text: r.text, lang: r.lang, pinnedSku: r.pinnedSku ?? null });
    const v = decideDemand(r.text, p, r.lang ?? p.lang, policy);
    if (!v) continue;
    if (r.intent !== 'order') rep.falseCloses.push({ gold: r.intent, text: r.text, confidence: p.confidence });
    else {
      rep.ordersClosed += 1;
      if (r.sub === 'reserve') rep.reservesClosed += 1;
    }
  }
  return rep;
}

export function runDemandEval(policy: DemandPolicy = DEFAULT_DEMAND_POLICY): DemandSetReport[] {
  const tuning = loadTuningSets();
  const corpus = loadCorpus();
  const reports: DemandSetReport[] = [];
  for (const held of corpus) {
    const keys = new Set(held.rows.map((r) => lineKey(r.text)));
    const model = trainTriageModel([...tuning, ...corpus.filter((c) => c !== held)].map((s) => toGroup(s, keys)));
    reports.push(scoreSet(held, model, policy));
  }
  const tuningKeys = new Set(tuning.flatMap((s) => s.rows.map((r) => lineKey(r.text))));
  const corpusModel = trainTriageModel(corpus.map((s) => toGroup(s, tuningKeys)));
  for (const s of tuning) reports.push(scoreSet(s, corpusModel, policy));
  return reports;
}

/** False closes that needed a reply: questions and complaints (chatter closed by mistake only inflates a count). */
export function needingReply(r: DemandSetReport): DemandSetReport['falseCloses'] {
  return r.falseCloses.filter((f) => f.gold === 'question' || f.gold === 'complaint');
}

export function formatDemandEval(reports: readonly DemandSetReport[]): string {
  const sum = (f: (r: DemandSetReport) => number) => reports.reduce((a, r) => a + f(r), 0);
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
  const lines = reports.map(
    (r) =>
      `${r.name.padEnd(26)} comments ${String(r.comments).padStart(4)}  orders ${String(r.goldOrders).padStart(4)}  closed as demand ${String(r.ordersClosed).padStart(4)} (${pct(r.ordersClosed, r.goldOrders)})  false closes ${r.falseCloses.length}  reservations closed ${r.reservesClosed}`,
  );
  const falses = reports.flatMap((r) => r.falseCloses.map((f) => `  false close (${r.name}, really ${f.gold}, confidence ${f.confidence.toFixed(2)}): ${f.text}`));
  return [
    '== demand: orders closed on arrival, tuning data only, each set classified by a model that never trained on it ==',
    ...lines,
    `ALL: ${sum((r) => r.comments)} comments, ${sum((r) => r.goldOrders)} orders, ${sum((r) => r.ordersClosed)} closed as demand (${pct(sum((r) => r.ordersClosed), sum((r) => r.goldOrders))}); ` +
      `false closes ${sum((r) => r.falseCloses.length)}, of which questions/complaints (a reply nobody gives) ${sum((r) => needingReply(r).length)}, chatter counted as demand ${sum((r) => r.falseCloses.length - needingReply(r).length)}`,
    ...falses,
  ].join('\n');
}
