// The station's side of HQ reporting started from outside the command path (tests, tools): the
// core's reporting over HTTP with the station's HQ token. A show never waits for it.
import type { Core } from '../core/core';
import { createHttpHqPost, type HqTarget } from '../core/hq-outbox/hq-http.post';
import { startHqReporting } from '../core/hq-outbox/hq-reporting';
import type { HqPost, HqSender } from '../core/hq-outbox/hq-sender';

export type HqLinkConfig = HqTarget;
export { createHttpHqPost };

export function startHqLink(core: Core, cfg: HqLinkConfig, post: HqPost = createHttpHqPost(cfg)): HqSender {
  return startHqReporting({ db: core.db, state: core.state, now: () => core.now(), stationId: cfg.stationId, post, label: { url: cfg.url, stationId: cfg.stationId, source: 'cli' } });
}
