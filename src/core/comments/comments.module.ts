// Comment triage: sources and the ingest command feed one pipeline (classify → route → batched
// SQLite write → batched push); queues, claims and answers are commands; the snapshot holds counts.
import type { CoreModule, ModuleContext } from '../module';
import type { CommentsPorts } from './comments.ports';
import { createCommentHandlers, type CommentCommand } from './comments.handlers';
import { createCommentsService } from './comments.service';

const OVERFLOW_CHECK_MS = 1_000;

export function createCommentsModule(ctx: ModuleContext, ports: CommentsPorts): CoreModule<CommentCommand> {
  const svc = createCommentsService(ctx, ports);
  let started = false;
  let overflowTimer: NodeJS.Timeout | null = null;
  // Source changes are applied one after the other, so sources of two shows never run together.
  let loading: Promise<void> = Promise.resolve();

  const autostart = () =>
    svc.sources.startAll((c) => c.kind !== 'replay' || svc.config().show?.rehearsal === true);

  ctx.show.onLoaded((loaded) => {
    svc.applyShow(loaded.show);
    loading = loading
      .then(() => svc.configureSources(loaded.show, loaded.baseDir))
      .then(() => {
        if (started) autostart();
      })
      .catch((error: unknown) => ctx.log.error('comment sources not configured', { error: String(error) }));
  });

  return {
    handlers: createCommentHandlers(svc),
    async start() {
      await loading;
      started = true;
      autostart();
      overflowTimer = setInterval(() => svc.checkOverflow(), OVERFLOW_CHECK_MS);
      overflowTimer.unref();
    },
    async close() {
      started = false;
      if (overflowTimer) clearInterval(overflowTimer);
      overflowTimer = null;
      await loading;
      await svc.close();
    },
  };
}
