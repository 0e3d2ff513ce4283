// Comment triage: ingest, intent, SKU/offer match, queues, claims and answers.
// The snapshot carries counts only; the list itself is read with `comments.list` and kept fresh
// by `comments.changed` events, so 100,000 comments never travel in a patch.
import { z } from 'zod';
import { ALL_ROLES, PRODUCER, PRODUCER_MODERATOR, command } from './command';
import { queueNames, type QueueName } from '../show/show.schema';

export const INTENTS = ['order', 'question', 'complaint', 'spam', 'other'] as const;
export type Intent = (typeof INTENTS)[number];
export const COMMENT_STATUSES = ['new', 'claimed', 'answered', 'dismissed', 'escalated'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export interface CommentRecord {
  /** Station id: `<platform>:<message id>`, the de-duplication key. */
  id: string;
  platform: string;
  room: string | null;
  messageId: string;
  author: string;
  text: string;
  lang: string;
  /** When the platform says it was sent, and when the station received it (ms). */
  at: number;
  receivedAt: number;
  intent: Intent;
  confidence: number;
  sku: string | null;
  offerCode: string | null;
  queue: QueueName;
  status: CommentStatus;
  claimedBy: string | null;
  claimedAt: number | null;
  answeredAt: number | null;
  /** Seconds from receipt to answer, once answered. */
  responseSeconds: number | null;
  reply: string | null;
  pinned: boolean;
  /** Set when a moderator corrected the intent. */
  correctedFrom: Intent | null;
  reasons: string[];
}

export type SourceStatus = 'connected' | 'connecting' | 'reconnecting' | 'rate_limited' | 'stopped' | 'error';
export interface SourceHealth {
  id: string;
  kind: string;
  label: string;
  status: SourceStatus;
  detail: string | null;
  lastMessageAt: number | null;
  received: number;
  rehearsal: boolean;
}

export interface QueueSummary {
  name: QueueName;
  open: number;
  oldestReceivedAt: number | null;
  overflow: boolean;
}

export interface CommentsState {
  total: number;
  byIntent: Record<Intent, number>;
  byQueue: Record<QueueName, number>;
  queues: QueueSummary[];
  sources: SourceHealth[];
  /** The comment a moderator pinned to the host's card, if any. */
  pinned: CommentRecord | null;
  slaSeconds: number;
  /** Live viewer count from the platforms that report one. */
  viewers: number | null;
}

const incomingComment = z
  .object({
    platform: z.string().min(1).max(32),
    id: z.string().min(1).max(128),
    author: z.string().min(1).max(128),
    text: z.string().min(1).max(2000, 'at most 2,000 characters'),
    at: z.number().int().nonnegative().optional(),
    room: z.string().max(128).optional(),
    lang: z.string().max(8).optional(),
  })
  .strict();

export const commentCommands = {
  'comments.ingest': command<{ accepted: number; duplicates: number }>()({
    summary: 'Add a batch of 1–1,000 comments; answers after the batch is committed to disk.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ comments: z.array(incomingComment).min(1).max(1000) }).strict(),
    auditArgs: (a) => ({ count: a.comments.length }),
  }),
  'comments.list': command<{ comments: CommentRecord[] }>()({
    summary: 'Comments, newest first, filtered by queue, intent, status, SKU, language or platform.',
    roles: ALL_ROLES,
    kind: 'read',
    args: z
      .object({
        queue: z.enum(queueNames).optional(),
        intent: z.enum(INTENTS).optional(),
        status: z.enum(COMMENT_STATUSES).optional(),
        sku: z.string().optional(),
        lang: z.string().optional(),
        platform: z.string().optional(),
        /** Page back: only comments received before this station id's receipt. */
        after: z.string().optional(),
        limit: z.number().int().min(1).max(5000).default(200),
      })
      .strict(),
  }),
  'comment.claim': command<{ comment: CommentRecord }>()({
    summary: 'Claim a comment to answer it; a comment has one claimer at a time.',
    roles: PRODUCER_MODERATOR,
    kind: 'write',
    args: z.object({ id: z.string().min(1) }).strict(),
  }),
  'comment.release': command<{ comment: CommentRecord }>()({
    summary: 'Give a claimed comment back to its queue.',
    roles: PRODUCER_MODERATOR,
    kind: 'write',
    args: z.object({ id: z.string().min(1) }).strict(),
  }),
  'comment.answer': command<{ comment: CommentRecord }>()({
    summary: 'Mark a claimed comment answered, with the reply (an approved macro) that was sent.',
    roles: PRODUCER_MODERATOR,
    kind: 'write',
    args: z.object({ id: z.string().min(1), macroId: z.string().optional(), text: z.string().max(1000).optional() }).strict(),
  }),
  'comment.dismiss': command<{ comment: CommentRecord }>()({
    summary: 'Dismiss a comment (nothing to do).',
    roles: PRODUCER_MODERATOR,
    kind: 'write',
    args: z.object({ id: z.string().min(1) }).strict(),
  }),
  'comment.escalate': command<{ comment: CommentRecord }>()({
    summary: 'Escalate a comment to customer service.',
    roles: PRODUCER_MODERATOR,
    kind: 'write',
    args: z.object({ id: z.string().min(1), note: z.string().max(500).optional() }).strict(),
  }),
  'comment.correct': command<{ comment: CommentRecord }>()({
    summary: 'Correct a comment’s intent; the classifier learns from it for this show.',
    roles: PRODUCER_MODERATOR,
    kind: 'write',
    args: z.object({ id: z.string().min(1), intent: z.enum(INTENTS) }).strict(),
  }),
  'comment.pin': command<{ pinned: CommentRecord | null }>()({
    summary: 'Pin a question to the host’s card (or unpin with `id: null`).',
    roles: PRODUCER_MODERATOR,
    kind: 'write',
    args: z.object({ id: z.string().min(1).nullable() }).strict(),
  }),
  'comments.source': command<{ sources: SourceHealth[] }>()({
    summary: 'Start or stop a comment source defined in the show.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ id: z.string().min(1), action: z.enum(['start', 'stop']) }).strict(),
  }),
};
