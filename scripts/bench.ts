// `npm run bench`: runs every bench/*.bench.ts in turn (each prints its table, baseline from the
// same run), then prints one summary of every figure with its target.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from './build-if-stale';

interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: string;
  pass?: boolean;
}
interface BenchReport {
  name: string;
  rows: BenchRow[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = join(root, '.tmp', 'bench');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
buildIfStale(root);
// `npm run bench -- load --seconds 10`: names before the first flag pick benches; flags go to each.
const argv = process.argv.slice(2);
const firstFlag = argv.findIndex((a) => a.startsWith('--'));
const only = firstFlag < 0 ? argv : argv.slice(0, firstFlag);
const flags = firstFlag < 0 ? [] : argv.slice(firstFlag);
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const results: BenchReport[] = [];
let broken = 0;
for (const f of files) {
  const out = join(tmp, `${f}.json`);
  console.log(`\n▶ ${f}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('bench', f), ...flags], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BATON_BENCH_OUT: out },
    // the triage bench trains one model per cross-catalog fold (48) with the fixed configuration, on a pool of one
    // worker per core, then one inner-CV model for the older sets. One fold took 36 s (34 CPU-s) on one core (session
    // 18, FOLDS=health-supplements cross-catalog-run.ts fixed, under the lock, load ≈ 2): ≈ 30 CPU-min of folds, ≈ 15 min
    // wall on 2 free cores, ≈ 20–25 min in all. On the shared machine (load ≈ 10) the two workers got ≈ 0.45 core each,
    // about half that pace, hence 60 min. TRIAGE_CV=inner (an inner cross-validation in every fold) takes hours: no limit.
    timeout: f === 'triage.bench.ts' && process.env.TRIAGE_CV === 'inner' ? undefined : (f === 'triage.bench.ts' ? 60 : 15) * 60_000,
  });
  if (r.status !== 0 || !existsSync(out)) {
    broken += 1;
    console.error(`${f} did not finish (exit ${r.status ?? r.signal ?? 'unknown'}).`);
    continue;
  }
  results.push(JSON.parse(readFileSync(out, 'utf8')) as BenchReport);
}
console.log('\n== summary: figures with targets ==');
for (const r of results) {
  for (const row of r.rows.filter((x) => x.target)) {
    const base = row.baseline !== undefined ? ` (baseline ${Number(row.baseline).toFixed(2)}${row.ratio !== undefined ? `, ratio ${row.ratio.toFixed(2)}` : ''})` : '';
    console.log(`${row.pass === false ? 'MISS' : 'ok  '}  ${r.name} — ${row.metric}: ${Number(row.value).toFixed(2)} ${row.unit}${base}  target ${row.target}`);
  }
}
process.exit(broken > 0 ? 1 : 0);
