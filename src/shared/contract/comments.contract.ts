// Comment triage: ingest, intent, SKU/offer match, queues, claims and answers.
// The snapshot carries counts only; the desk reads its rows in windows (`comments.desk`) when the
// desk version moves, and `comments.list` pages the records, so 100,000 comments never travel in a patch.
import { z } from 'zod';
import { PRODUCER, PRODUCER_MODERATOR, command, COMMENT_DESK } from './command';
import { queueNames, type QueueName } from '../show/show.schema';
import { INTENTS, type Intent } from './constants';

export { INTENTS, type Intent };
/** Finer intents where operations need them (order: buy/reserve; complaint: what is broken). */
export const SUB_INTENTS = ['buy', 'reserve', 'defect', 'delivery', 'checkout', 'cancel_refund', 'host_stream'] as const;
export type SubIntent = (typeof SUB_INTENTS)[number];
export const COMMENT_STATUSES = ['new', 'claimed', 'answered', 'dismissed', 'escalated'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export interface CommentRecord {
  /** Station id: `<platform>:<message id>`, the de-duplication key. */
  id: string;
  /** Order of receipt at this station (ascending); views sort and page by it. */
  seq: number;
  /** Which source brought it: a source id from the show, or `ingest` for the HTTP/WS command. */
  source: string;
  /** Played from a replay file: rehearsal data, never a real viewer. */
  rehearsal: boolean;
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
  /** The note given when it was escalated. */
  note: string | null;
  reasons: string[];
  /** The classifier's finer intent, when it has one (live comments; not kept across restarts). */
  sub?: SubIntent | null;
  /** When `sku` is null because several products fit: those SKUs, for the moderator to pick from. */
  candidates?: string[];
  /**
   * An order naming no product ("+1", "mine") while one was pinned: the pinned SKU, counted as demand for it and shown
   * as an assumption, not a match (`sku` stays null). Live comments only, like `sub`.
   */
  contextSku?: string | null;
  /** The work item it belongs to: comments with the same key are one question, answered once. */
  clusterKey?: string | null;
  /** How it was answered: its own reply, the reply to its cluster, or a pinned answer it arrived under. */
  answeredVia?: AnsweredVia | null;
}

export const ANSWERED_VIA = ['reply', 'cluster', 'pin'] as const;
export type AnsweredVia = (typeof ANSWERED_VIA)[number];

/**
 * One row of the moderator desk: a work item. Comments that ask the same thing (same queue, intent,
 * language and topic) are one item, answered once; a lone comment is an item of one.
 */
export interface DeskItem {
  /** Cluster id (12 hex digits, stable for the key); a done comment's id in the done list. */
  id: string;
  /** Open comments in the item (1 for a lone comment or a done one). */
  size: number;
  /** The oldest open member, shown for the whole item; its claim is the item's claim. */
  comment: CommentRecord;
  /** Platforms the members came from, with how many each. */
  platforms: Record<string, number>;
  /** A pinned answer covers this item's key: later arrivals are attached to it. */
  pinned: boolean;
}

/** A pinned answer: the reply to a cluster, left standing so later identical questions are attached to it. */
export interface AnswerPin {
  clusterId: string;
  /** What the cluster asked, as its first comment said it. */
  text: string;
  lang: string;
  intent: Intent;
  macroId: string;
  by: string;
  at: number;
  /** Comments answered by this pin since it was set (arrived after the reply). */
  attached: number;
}

/** The desk window's filter: a queue (or all but spam), optional facets, open work or done. */
export const deskFilterSchema = z
  .object({
    queue: z.union([z.enum(queueNames), z.literal('all')]).default('all'),
    intent: z.enum(INTENTS).optional(),
    sku: z.string().min(1).max(64).optional(),
    lang: z.string().min(1).max(8).optional(),
    platform: z.string().min(1).max(32).optional(),
    done: z.boolean().default(false),
  })
  .strict();
export type DeskFilter = z.output<typeof deskFilterSchema>;

/** Most rows one window may carry: a screenful or two, never the whole queue. */
export const DESK_WINDOW_MAX = 200;
/** A window cursor: the offset into the ordered list, as the station handed it out ("o:120"). */
const deskCursor = z.string().max(16).regex(/^o:\d{1,7}$/, 'a cursor from a previous window ("o:<offset>")');
const clusterId = z.string().regex(/^[0-9a-f]{12}$/, 'a cluster id (12 hex digits)');

/** Open comments still need someone; the rest are done. */
export const OPEN_STATUSES: readonly CommentStatus[] = ['new', 'claimed', 'escalated'];

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
  /** Replies can be posted on the platform through this source (else they are copied). */
  canReply: boolean;
  /** The source's own secret (a Twitch OAuth token, a TikTok sign-server key), when its show names one: the name and whether a value is stored — never the value. */
  credential?: { secret: string; stored: boolean } | null;
}

export interface QueueSummary {
  name: QueueName;
  /** Open comments (new, claimed or escalated) in the queue. */
  open: number;
  /** Open work items: comments asking the same thing count once. The backlog limit counts these. */
  items?: number;
  claimed: number;
  oldestReceivedAt: number | null;
  /** Whether this queue raises the overflow alarm at all (spam and chatter do not). */
  watched: boolean;
  overflow: boolean;
  /** Why it overflows, in words: "52 items waiting (limit 40; 310 comments)", "oldest 95 s (limit 90 s)". */
  overflowReason: string | null;
}

/**
 * A big work item being handled in steps (a flood of one question answered, dismissed or escalated
 * at once): who is doing it and how far it is, as committed. Every desk shows it ("answering 8,000
 * of 20,000"); the item refuses a second hand until it is done.
 */
export interface GroupWorkProgress {
  clusterId: string;
  action: 'answer' | 'dismiss' | 'escalate';
  /** The person whose click it is. */
  by: string;
  /** Members handled so far (committed), and members the item held when the work began. */
  done: number;
  total: number;
}

/**
 * A public reply whose outcome is unknown: the station stopped (or could not record) after handing
 * it to the chat and before noting that it went out, so it may already be in the room. It is not
 * posted again until a person who checked the room settles it (`comments.unsurePost`).
 */
export interface UnsurePost {
  id: number;
  platform: string;
  room: string | null;
  text: string;
  /** The person whose answer it was, and when it was being posted. */
  by: string;
  at: number;
}

/** The product pinned in the live (TikTok's shop pin, or set by hand): "this one" and "#2" resolve to it. */
export interface PinnedProduct {
  sku: string | null;
  label: string;
  at: number;
  source: string;
}

export interface CommentsState {
  total: number;
  byIntent: Record<Intent, number>;
  byQueue: Record<QueueName, number>;
  queues: QueueSummary[];
  sources: SourceHealth[];
  /** The comment a moderator pinned to the host's card, if any. */
  pinned: CommentRecord | null;
  pinnedProduct: PinnedProduct | null;
  slaSeconds: number;
  /** Live viewer count from the platforms that report one. */
  viewers: number | null;
  /** True while any rehearsal (replay) source runs: every view labels the comments REHEARSAL. */
  rehearsal: boolean;
  /** Confidence under which a comment goes to the unsure lane. */
  unsureBelow: number;
  overflowLimits: { backlog: number; oldestSeconds: number };
  /** Demand (orders needing no reply: "+1", "quero o vermelho") counted per SKU ("?": none matched); closed on arrival unless the show keeps it open. */
  demand: Record<string, number>;
  /** Open work items (clusters and lone comments) that need a person, and how many comments they hold. */
  work?: { items: number; comments: number };
  /** Answers left pinned: later arrivals asking the same are attached to them. */
  answerPins?: AnswerPin[];
  /** Bumps when any open work changes: a desk re-reads its window when it moves. */
  deskVersion?: number;
  /** Big work items being handled in steps right now, and how far each is. */
  answering?: GroupWorkProgress[];
  /** Replies that may already be in their room (the station stopped while posting them): a person must say which. */
  unsurePosts?: UnsurePost[];
}

export interface IngestRejection {
  /** Position in the batch. */
  index: number;
  id: string | null;
  message: string;
}

export const MAX_COMMENT_CHARS = 2000;

/** One comment as a sender gives it. Checked one by one: a bad comment is refused with its
 *  index and reason, and the rest of its batch is still taken. */
export const incomingCommentSchema = z
  .object({
    platform: z
      .string()
      .min(1)
      .max(32)
      .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash or underscore'),
    id: z.string().min(1).max(128),
    author: z.string().min(1).max(128),
    text: z.string().min(1).max(MAX_COMMENT_CHARS, 'at most 2,000 characters'),
    at: z.number().int().nonnegative().optional(),
    room: z.string().max(128).optional(),
    lang: z.string().max(8).optional(),
  })
  .strict();
export type IncomingComment = z.output<typeof incomingCommentSchema>;

/** The person at the moderator desk, as the view names them ("Ana Reyes"); a claim is theirs. Defaults to the token's label. */
const by = z.string().trim().min(1).max(80).optional();

export const commentCommands = {
  'comments.ingest': command<{ accepted: number; duplicates: number; rejected: IngestRejection[] }>()({
    summary:
      'Add a batch of 1–1,000 comments {platform, id, author, text, at?, room?, lang?}; answers after the batch is committed to disk. Bad comments are listed in `rejected`; the others are still taken.',
    roles: PRODUCER,
    kind: 'write',
    // Items are checked one by one in the handler (incomingCommentSchema), so one bad comment does
    // not cost the other 999.
    args: z.object({ comments: z.array(z.unknown()).min(1).max(1000) }).strict(),
    auditArgs: (a) => ({ count: a.comments.length }),
  }),
  'comments.list': command<{ comments: CommentRecord[] }>()({
    summary: 'Comments, newest first, filtered by queue, intent, status, SKU, language or platform.',
    roles: ['producer', 'host', 'moderator', 'customer-service', 'observer'],
    kind: 'read',
    args: z
      .object({
        queue: z.enum(queueNames).optional(),
        intent: z.enum(INTENTS).optional(),
        status: z.enum(COMMENT_STATUSES).optional(),
        sku: z.string().optional(),
        lang: z.string().optional(),
        platform: z.string().optional(),
        /** Only open comments (new, claimed, escalated). */
        open: z.boolean().optional(),
        /** Page back: only comments received before this station id's receipt. */
        after: z.string().optional(),
        limit: z.number().int().min(1).max(5000).default(200),
      })
      .strict(),
  }),
  'comments.desk': command<{ items: DeskItem[]; total: number; offset: number; next: string | null; version: number; facets: { sku: string[]; lang: string[]; platform: string[] } }>()({
    summary:
      'One window of the moderator desk (at most 200 rows): open work items ordered by what matters (complaints, then questions and orders, then chatter; oldest first in each), or done comments newest first. Page with `offset` or the `cursor` of the previous window.',
    roles: COMMENT_DESK,
    kind: 'read',
    args: z
      .object({
        filter: deskFilterSchema.default({ queue: 'all', done: false }),
        offset: z.number().int().min(0).max(10_000_000).optional(),
        cursor: deskCursor.optional(),
        limit: z.number().int().min(1).max(DESK_WINDOW_MAX).default(50),
      })
      .strict(),
  }),
  'comments.cluster': command<{ members: CommentRecord[]; size: number }>()({
    summary: 'The open comments of one work item (cluster), oldest first, at most 200.',
    roles: COMMENT_DESK,
    kind: 'read',
    args: z.object({ clusterId, limit: z.number().int().min(1).max(DESK_WINDOW_MAX).default(50) }).strict(),
  }),
  'cluster.answer': command<{ answered: number; skipped: number; sent: number; alreadySent: number; pinned: boolean }>()({
    summary:
      'Answer every open comment of a work item with one approved reply (in their language; the paused text while its offer is paused). `send: true` posts it once per room where the source can (`alreadySent`: rooms an earlier, failed try already reached for these askers, not posted again; a room whose earlier post has an unknown outcome — the station stopped mid-post — refuses the answer as `conflict` until `comments.unsurePost` settles it); `pin: true` leaves the answer pinned so later identical questions are attached to it. A big item is answered in steps of a few hundred (each committed with its audit rows; the station answers other commands in between, and `answering` in the comments slice shows how far it is); the reply comes when every member is answered, and counts them. Comments arriving after the replies went out are not in it: they wait as a new item (or are attached to the pin).',
    roles: COMMENT_DESK,
    kind: 'write',
    args: z.object({ clusterId, macroId: z.string().min(1).max(64), send: z.boolean().default(false), pin: z.boolean().default(false), by }).strict(),
  }),
  'cluster.unpin': command<{ answerPins: AnswerPin[] }>()({
    summary: 'Take a pinned answer down: later identical questions wait for a person again.',
    roles: PRODUCER_MODERATOR,
    kind: 'write',
    args: z.object({ clusterId }).strict(),
  }),
  'comments.bulk': command<{ done: number; skipped: { id: string; reason: string }[]; sent: number; alreadySent: number }>()({
    summary:
      'Act on a selection of up to 100 work items at once: answer each with one macro (in its language), dismiss, or escalate every open comment in them. With `send: true` an answer is posted once per room and language where the source can post; `sent` counts the posts, and an item whose post failed is skipped (with the reason), not answered; a retry posts nothing twice (`alreadySent` counts the rooms an earlier try reached, not posted again; an item whose post in a room has an unknown outcome — the station stopped mid-post — is skipped with that reason until `comments.unsurePost` settles it). A big item is handled in steps, as for `cluster.answer`; an item someone is already answering is skipped.',
    roles: COMMENT_DESK,
    kind: 'write',
    args: z
      .object({
        clusterIds: z.array(clusterId).min(1).max(100),
        action: z.enum(['answer', 'dismiss', 'escalate']),
        macroId: z.string().min(1).max(64).optional(),
        send: z.boolean().default(false),
        by,
      })
      .strict(),
  }),
  'comments.unsurePost': command<{ post: UnsurePost; unsurePosts: UnsurePost[] }>()({
    summary:
      'Settle a reply whose outcome is unknown (the station stopped while posting it; see `unsurePosts` in the comments slice) after checking its room: `inRoom` — it is there, so a retry counts it `alreadySent` and does not post it; `postAgain` — it is not, so the next answer posts it. Until then every answer that would post it there is refused. Audited with the person\'s name, room and text.',
    roles: COMMENT_DESK,
    kind: 'write',
    args: z.object({ id: z.number().int().positive(), choice: z.enum(['inRoom', 'postAgain']), by }).strict(),
  }),
  'comment.claim': command<{ comment: CommentRecord }>()({
    summary: 'Claim a comment to answer it; a comment has one claimer at a time.',
    roles: COMMENT_DESK,
    kind: 'write',
    args: z.object({ id: z.string().min(1), by }).strict(),
  }),
  'comment.release': command<{ comment: CommentRecord }>()({
    summary: 'Give a claimed comment back to its queue.',
    roles: COMMENT_DESK,
    kind: 'write',
    args: z.object({ id: z.string().min(1), by }).strict(),
  }),
  'comment.answer': command<{ comment: CommentRecord; sent: boolean; alreadySent: boolean }>()({
    summary:
      'Mark a claimed comment answered, with the approved reply macro used (none when answered on air). `send: true` posts it on the platform where the source can (`alreadySent`: an earlier try — its work item\'s answer, before a restart too — already posted this reply in its room for this asker, so it is not posted again; refused as `conflict` while an earlier post of it there has an unknown outcome, until `comments.unsurePost` settles it).',
    roles: COMMENT_DESK,
    kind: 'write',
    args: z
      .object({
        id: z.string().min(1),
        macroId: z.string().min(1).optional(),
        send: z.boolean().default(false),
        by,
        /** The producer's explicit override of the compliance guard for a flagged macro (audited). */
        override: z.boolean().optional(),
      })
      .strict(),
  }),
  'comment.dismiss': command<{ comment: CommentRecord }>()({
    summary: 'Dismiss a comment (nothing to do).',
    roles: COMMENT_DESK,
    kind: 'write',
    args: z.object({ id: z.string().min(1), by }).strict(),
  }),
  'comment.escalate': command<{ comment: CommentRecord }>()({
    summary: 'Escalate a comment to customer service.',
    roles: COMMENT_DESK,
    kind: 'write',
    args: z.object({ id: z.string().min(1), note: z.string().max(500).optional(), by }).strict(),
  }),
  'comment.correct': command<{ comment: CommentRecord }>()({
    summary: 'Correct a comment’s intent; the classifier learns from it for this show.',
    roles: COMMENT_DESK,
    kind: 'write',
    args: z.object({ id: z.string().min(1), intent: z.enum(INTENTS), by }).strict(),
  }),
  'comment.pin': command<{ pinned: CommentRecord | null }>()({
    summary: 'Pin a question to the host’s card (or unpin with `id: null`).',
    roles: PRODUCER_MODERATOR,
    kind: 'write',
    args: z.object({ id: z.string().min(1).nullable() }).strict(),
  }),
  'comments.pinProduct': command<{ pinnedProduct: PinnedProduct | null }>()({
    summary: 'Set (or clear with `sku: null`) the product pinned in the live, so "this one" resolves to it.',
    roles: PRODUCER_MODERATOR,
    kind: 'write',
    args: z.object({ sku: z.string().min(1).nullable() }).strict(),
  }),
  'comments.source': command<{ sources: SourceHealth[] }>()({
    summary: 'Start or stop a comment source defined in the show.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ id: z.string().min(1), action: z.enum(['start', 'stop']) }).strict(),
  }),
  'comments.sourceCredentials': command<{ id: string; secret: string; sources: SourceHealth[] }>()({
    summary: 'Store a comment source’s own secret (the Twitch OAuth token or TikTok sign-server key its show names, always under source/<id>/) and restart the source with it.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ id: z.string().min(1).max(64), value: z.string().min(1).max(4096) }).strict(),
    secretArgs: ['value'],
  }),
};
