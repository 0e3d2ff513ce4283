// What people call each comment queue, in every view and in the alerts that name one: the desk's
// tabs, the producer's summary, the observer's figures and "The Questions queue is overflowing"
// must all say the same word for the same queue (the alert used to say "moderators").
import type { QueueName } from './show.schema';

export const QUEUE_LABELS: Readonly<Record<QueueName, string>> = {
  commerce: 'Commerce',
  moderators: 'Questions',
  'customer-service': 'Customer service',
  unsure: 'Unsure',
  spam: 'Spam (hidden)',
  other: 'Chatter',
};

/** Work queues first, the review lanes last. */
export const QUEUE_ORDER: readonly QueueName[] = ['commerce', 'moderators', 'customer-service', 'unsure', 'other', 'spam'];
