// Demand detection on the tuning data: orders closed on arrival as demand beside the closes that needed a
// reply (false closes, target 0). Only tuning sets are read; see bench/triage/demand-eval.ts.
import { report } from './support/report';
import { formatDemandEval, needingReply, runDemandEval } from './triage/demand-eval';

const reports = runDemandEval();
console.log(formatDemandEval(reports));
const orders = reports.reduce((a, r) => a + r.goldOrders, 0);
const closed = reports.reduce((a, r) => a + r.ordersClosed, 0);
const falses = reports.reduce((a, r) => a + needingReply(r).length, 0);
const chatter = reports.reduce((a, r) => a + r.falseCloses.length, 0) - falses;
report('demand detection (tuning data, models that never saw the set)', [
  { metric: 'orders closed as demand', value: closed / Math.max(1, orders), unit: 'share', target: 'as many as safe' },
  { metric: 'false closes: questions/complaints closed', value: falses, unit: 'comments', target: '≈ 0', pass: falses <= Math.ceil(closed * 0.002) },
  { metric: 'chatter counted as demand', value: chatter, unit: 'comments', target: 'few' },
]);
