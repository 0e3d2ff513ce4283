// The comment queues' names, free of zod: the show file's schema validates routing against them,
// and the snapshot's blank state (which the renderer's role policy builds at start) lists them;
// the renderer must get the list without building the show file's schemas.
export const queueNames = ['commerce', 'moderators', 'customer-service', 'spam', 'unsure', 'other'] as const;
export type QueueName = (typeof queueNames)[number];
