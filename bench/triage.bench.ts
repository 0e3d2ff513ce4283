// Comment classifier accuracy (per class and language, on sets it was never tuned on),
// throughput per core, and the effect of moderator corrections. See bench/triage/.
import { report } from './support/report';
import { formatReport, runTriageEval, triageBenchRows } from './triage/triage-eval';

const result = runTriageEval();
console.log(formatReport(result));
report('comment triage classifier (untuned sets: dev-holdout, show2, show3)', triageBenchRows(result));
