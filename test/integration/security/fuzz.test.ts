// The seeded fuzz test of issue 12: at least 5,000 HTTP requests and 1,000 WebSocket frames across
// every command and role, broken JSON, wrong types, huge and deep values and Unicode edges, at a
// real station process. The station must live, answer no 5xx but a peer's 502/503, and let no
// secret (role tokens, the event webhook key) reach its log or a non-producer's view.
// `npm run fuzz -- --minutes N [--seed S]` runs the same fuzzer for longer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileStation, type HostileStation } from './hostile-station';
import { fuzzStation } from './fuzz';

const SEED = Number(process.env.BATON_FUZZ_SEED ?? 20261205);
let s: HostileStation;
beforeAll(async () => {
  s = await startHostileStation({ args: ['--rate', '1000000'] });
});
afterAll(async () => {
  await s.stop();
});

describe(`fuzz (seed ${SEED})`, () => {
  it('survives 5,000 requests and 1,000 frames without a 5xx or a leaked secret', async () => {
    const report = await fuzzStation(s, { seed: SEED, httpRequests: 5000, wsFrames: 1000 });
    expect(report.http).toBeGreaterThanOrEqual(5000);
    expect(report.frames).toBeGreaterThanOrEqual(1000);
    expect(report.serverErrors).toEqual([]);
    expect(s.alive()).toBe(true);
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    const secrets = [...Object.values(s.tokens), s.eventSecret];
    for (const secret of secrets) {
      expect(s.output()).not.toContain(secret);
      expect(report.nonProducerText).not.toContain(secret);
    }
    for (const role of ['host', 'moderator'] as const) {
      const state = await (await fetch(`${s.url}/api/state`, { headers: { authorization: `Bearer ${s.tokens[role]}` } })).text();
      for (const secret of secrets) expect(state).not.toContain(secret);
    }
  }, 600_000);
});
