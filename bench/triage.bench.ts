// Comment classifier: cross-catalog rotation over the corpus (worst fold = headline), the older evaluation sets,
// throughput per core beside the rules-alone baseline, and the effect of moderator corrections. See bench/triage/.
// TRIAGE_HELDOUT=1 also scores the held-out categories (test/data/heldout): asked for only when judging, never
// while tuning, so their figures stay figures on data nobody tuned to.
import { report } from './support/report';
import { formatReport, runTriageEval, triageBenchRows } from './triage/triage-eval';
import { formatHeldOut, heldOutBenchRows, runHeldOut } from './triage/held-out';
import { loadCorpus, loadTuningSets } from './triage/datasets';

// TRIAGE_CV=inner: each cross-catalog fold chooses its configuration by inner cross-validation (hours) instead of
// FIXED_CONFIG (chosen earlier on these folds). TRIAGE_LEGACY=0 leaves the older evaluation sets out (for helpers who must not see them).
const result = await runTriageEval({ legacy: process.env.TRIAGE_LEGACY !== '0' });
console.log(formatReport(result));
const rows = triageBenchRows(result);
if (process.env.TRIAGE_HELDOUT === '1') {
  const held = runHeldOut(loadTuningSets(), loadCorpus());
  if (held) {
    console.log(formatHeldOut(held));
    rows.push(...heldOutBenchRows(held));
  } else console.log('TRIAGE_HELDOUT=1 but test/data/heldout holds no category');
  // TRIAGE_HELDOUT_WITHOUT=a,b scores the held-out categories once more with a model that never saw those corpus
  // categories: a training category close in domain to a held-out one (written the same day) must not flatter it.
  const without = (process.env.TRIAGE_HELDOUT_WITHOUT ?? '').split(',').filter(Boolean);
  if (held && without.length > 0) {
    const again = runHeldOut(loadTuningSets(), loadCorpus().filter((s) => !without.includes(s.name.replace(/^corpus\//, ''))));
    if (again) console.log(`\n(again, the model trained without corpus/${without.join(', corpus/')})\n${formatHeldOut(again)}`);
  }
}
report('comment triage classifier (cross-catalog worst fold; dev-holdout, show2, show3)', rows);
