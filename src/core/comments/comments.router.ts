// Routing rules from the show: each intent has a queue; a decision the classifier is not sure of
// goes to the unsure lane (keeping its best-guess intent) instead of a wrong queue.
import type { Intent } from '../../shared/contract/index';
import type { QueueName, Show } from '../../shared/show/show.schema';

export type Routing = Show['comments']['routing'];

export const DEFAULT_ROUTING: Routing = {
  order: 'commerce',
  question: 'moderators',
  complaint: 'customer-service',
  spam: 'spam',
  other: 'other',
};

export function routeOf(intent: Intent, confidence: number, routing: Routing, unsureBelow: number): QueueName {
  return confidence < unsureBelow ? 'unsure' : routing[intent];
}

/** Queues where a backlog means viewers are waiting: these raise the overflow alarm. */
export function watchedQueues(routing: Routing): Set<QueueName> {
  const watched = new Set<QueueName>(['unsure', routing.order, routing.question, routing.complaint]);
  watched.delete('spam');
  watched.delete('other');
  return watched;
}
