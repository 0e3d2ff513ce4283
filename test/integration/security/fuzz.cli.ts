// `npm run fuzz -- --minutes N [--seed S]`: the fuzz test's fuzzer, run for N minutes against a
// fresh station process, round after round with seeds S, S+1, …; exits 1 at the first round that
// finds a 5xx, a dead station or a leaked secret, printing the seed to replay it with.
import { startHostileStation } from './hostile-station';
import { fuzzStation } from './fuzz';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} takes a number`);
  return v;
}

async function main(): Promise<number> {
  const minutes = arg('minutes', 1);
  let seed = arg('seed', Date.now() % 1_000_000);
  const end = Date.now() + minutes * 60_000;
  const s = await startHostileStation({ args: ['--rate', '1000000'] });
  const secrets = [...Object.values(s.tokens), s.eventSecret];
  let http = 0;
  let frames = 0;
  try {
    while (Date.now() < end) {
      const r = await fuzzStation(s, { seed, httpRequests: 100, wsFrames: 200, deadlineMs: end - Date.now() });
      http += r.http;
      frames += r.frames;
      const leaked = secrets.filter((x) => s.output().includes(x) || r.nonProducerText.includes(x));
      if (r.serverErrors.length || !s.alive() || leaked.length) {
        console.error(`FAILED at seed ${seed}: ${r.serverErrors.length} server errors, alive=${s.alive()}, ${leaked.length} leaked secrets`);
        for (const e of r.serverErrors.slice(0, 10)) console.error(`  ${e.status} ${e.request}\n    → ${e.body}`);
        return 1;
      }
      console.log(`seed ${seed}: ${r.http} requests, ${r.frames} frames, statuses ${JSON.stringify(r.statuses)}`);
      seed += 1;
    }
    console.log(`fuzz: ${http} requests and ${frames} frames in ${minutes} min; the station lived, no 5xx, no secret leaked.`);
    return 0;
  } finally {
    await s.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
