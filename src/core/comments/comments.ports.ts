// What the comments module needs from outside the core, injected so tests can substitute fakes:
// the classifier (built per show) and one factory per kind of comment source.
import type { Triage, TriageOptions } from './triage/triage.types';
import type { BackoffOptions } from '../../shared/time/backoff';
import type { SourceFactories } from './sources/source.types';

export interface CommentsPorts {
  createTriage(options: TriageOptions): Triage;
  sources: SourceFactories;
  /** Reconnect pacing of the network sources (tests shorten it). */
  backoff: BackoffOptions;
}
