// One running report to one HQ: the outbox, its collector and the sender over a transport. The
// producer's setting and `--hq` both start one through the hq module; tests start one directly.
import type { HqSyncState } from '../../shared/contract/index';
import type { Db } from '../storage/database';
import type { StateStore } from '../state/state.store';
import { createHqOutboxRepo } from './hq-outbox.repo';
import { createHqCollector } from './hq-outbox.collector';
import { startHqSender, type HqPost, type HqSender } from './hq-sender';

export interface HqReportingDeps {
  db: Db;
  state: StateStore;
  now: () => number;
  stationId: string;
  post: HqPost;
  /** Added to every sync state the producer sees (where, as whom, set how; never the token). */
  label?: Pick<HqSyncState, 'url' | 'stationId' | 'source'>;
}

export function startHqReporting(deps: HqReportingDeps): HqSender {
  const repo = createHqOutboxRepo(deps.db);
  const collector = createHqCollector({ db: deps.db, repo, state: deps.state, now: deps.now });
  const sender = startHqSender({
    stationId: deps.stationId,
    repo,
    collector,
    post: deps.post,
    now: deps.now,
    onState: (s) => deps.state.set('hq', { ...s, ...deps.label }),
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
