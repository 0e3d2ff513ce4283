// The station's side of HQ reporting: the outbox, its collector and the sender, posting batches
// over HTTP with the station's HQ token. Started only with `--hq <url>`; a show never waits for it.
import type { HqAck, HqBatch } from '../shared/contract/index';
import type { Core } from '../core/core';
import { createHqOutboxRepo } from '../core/hq-outbox/hq-outbox.repo';
import { createHqCollector } from '../core/hq-outbox/hq-outbox.collector';
import { startHqSender, type HqPost, type HqSender } from '../core/hq-outbox/hq-sender';

export interface HqLinkConfig {
  /** HQ's base URL, e.g. http://hq.studio.lan:4900 */
  url: string;
  stationId: string;
  /** The station's HQ token (from BATON_HQ_TOKEN or the secret store), never logged. */
  token: string;
}

const POST_TIMEOUT_MS = 10_000;

export function createHttpHqPost(cfg: HqLinkConfig): HqPost {
  const endpoint = new URL('/api/ingest', cfg.url).toString();
  return async (batch: HqBatch) => {
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${cfg.token}` },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      const text = await res.text();
      if (res.ok) {
        const ack = JSON.parse(text) as HqAck;
        if (typeof ack.ackedSeq !== 'number') return { ok: false, reason: 'HQ answered without an acknowledgement', permanent: false };
        return { ok: true, ack };
      }
      let reason = `HQ answered ${res.status}`;
      try {
        const body = JSON.parse(text) as { error?: { message?: unknown } };
        if (typeof body.error?.message === 'string') reason += `: ${body.error.message.slice(0, 200)}`;
      } catch {
        // Not JSON: the status says enough.
      }
      return { ok: false, reason, permanent: res.status === 401 || res.status === 403 };
    } catch (error) {
      const e = error as Error;
      return { ok: false, reason: `HQ unreachable: ${e.name === 'TimeoutError' ? 'timed out' : (e.cause as Error | undefined)?.message ?? e.message}`, permanent: false };
    }
  };
}

export function startHqLink(core: Core, cfg: HqLinkConfig, post: HqPost = createHttpHqPost(cfg)): HqSender {
  const repo = createHqOutboxRepo(core.db);
  const collector = createHqCollector({ db: core.db, repo, state: core.state, now: () => core.now() });
  const sender = startHqSender({
    stationId: cfg.stationId,
    repo,
    collector,
    post,
    now: () => core.now(),
    onState: (s) => core.state.set('hq', s),
  });
  return {
    wake: sender.wake,
    drained: sender.drained,
    async close() {
      await sender.close();
      // A last collection so that the station's stop row waits in the outbox for next time.
      try {
        collector.collect();
      } catch {
        // The database may already be closing; the cursors make the next start pick it up.
      }
      collector.close();
    },
  };
}
