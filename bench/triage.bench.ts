// Comment classifier: cross-catalog rotation over the corpus (worst fold = headline), the older evaluation sets,
// throughput per core beside the rules-alone baseline, and the effect of moderator corrections. See bench/triage/.
// TRIAGE_HELDOUT=1 also scores the held-out categories (test/data/heldout): asked for only when judging, never
// while tuning, so their figures stay figures on data nobody tuned to.
import { report } from './support/report';
import { formatReport, runTriageEval, triageBenchRows } from './triage/triage-eval';
import { formatHeldOut, heldOutBenchRows, runHeldOut } from './triage/held-out';
import { loadCorpus, loadTuningSets } from './triage/datasets';

const result = runTriageEval();
console.log(formatReport(result));
const rows = triageBenchRows(result);
if (process.env.TRIAGE_HELDOUT === '1') {
  const held = runHeldOut(loadTuningSets(), loadCorpus());
  if (held) {
    console.log(formatHeldOut(held));
    rows.push(...heldOutBenchRows(held));
  } else console.log('TRIAGE_HELDOUT=1 but test/data/heldout holds no category');
}
report('comment triage classifier (cross-catalog worst fold; dev-holdout, show2, show3)', rows);
