// Comment classifier: cross-catalog rotation over the corpus (worst fold = headline), the older evaluation sets,
// throughput per core beside the rules-alone baseline, and the effect of moderator corrections. See bench/triage/.
import { report } from './support/report';
import { formatReport, runTriageEval, triageBenchRows } from './triage/triage-eval';

const result = runTriageEval();
console.log(formatReport(result));
report('comment triage classifier (cross-catalog worst fold; dev-holdout, show2, show3)', triageBenchRows(result));
