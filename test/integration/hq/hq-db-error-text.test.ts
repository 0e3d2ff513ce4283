// HQ's database going away is answered with a plain 503 the station retries on, never with the driver's error
// text: that text names the database's host, port and user, and anyone who can reach HQ's port may read it.
import { describe, expect, it } from 'vitest';
import { hqOnEngine } from '../../support/hq-on-engine';
import type { HqBatch } from '../../../src/shared/contract/index';

describe('HQ with its PostgreSQL gone', () => {
  const env = hqOnEngine('postgres');

  it('answers 503 without the driver’s text (no host, port or user), and takes batches again once it is back', async () => {
    const token = await env.issue('db-text');
    const batch = (seq: number): HqBatch => ({ stationId: 'db-text', batchId: `db-text:${seq}`, sentAt: Date.now(), facts: [] });
    const post = async () => {
      const r = await fetch(`${env.hq.url}/api/ingest`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: JSON.stringify(batch(1)) });
      return { status: r.status, text: await r.text() };
    };
    expect((await post()).status).toBe(200); // the token is now cached: the next batch reaches the database itself
    env.pg!.crash();
    try {
      // The first batch finds its pooled connection cut; the second opens a new one and is refused.
      for (let i = 0; i < 2; i++) {
        const down = await post();
        expect(down.status).toBe(503);
        for (const secret of [String(env.pg!.port), '127.0.0.1', 'ECONNREFUSED', 'terminated', 'connect']) {
          expect(down.text, `${secret} in ${down.text}`).not.toContain(secret);
        }
        expect(down.text).toMatch(/database is unavailable/);
      }
    } finally {
      env.pg!.start();
    }
  });
});
