// Comment triage: sources, ingest, classification, queues, claims.
import type { CoreModule, ModuleContext } from '../module';
import type { CommentsPorts } from './comments.ports';

export function createCommentsModule(_ctx: ModuleContext, _ports: CommentsPorts): CoreModule<never> {
  return {
    handlers: {},
    start() {},
    close() {},
  };
}
