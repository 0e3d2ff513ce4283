// SQLite storage of comments: batched inserts (INSERT OR IGNORE: the unique id is the
// de-duplication truth), updates of one comment's handling, filtered pages, and what a restart
// needs to rebuild the queues (open comments, counts, corrections, pins).
import type { AnsweredVia, CommentRecord, CommentStatus, Intent, PinnedProduct } from '../../shared/contract/index';
import type { QueueName } from '../../shared/show/show.schema';
import type { Db } from '../storage/database';
import type { PendingComment } from './comment.model';

interface Row {
  seq: number;
  id: string;
  show_id: string;
  source: string;
  rehearsal: number;
  platform: string;
  room: string | null;
  message_id: string;
  author: string;
  text: string;
  lang: string;
  at: number;
  received_at: number;
  triage_intent: string;
  confidence: number;
  sku: string | null;
  offer_code: string | null;
  reasons: string;
  intent: string;
  queue: string;
  status: string;
  claimed_by: string | null;
  claimed_at: number | null;
  answered_at: number | null;
  reply: string | null;
  note: string | null;
  corrected_from: string | null;
  cluster_key: string | null;
  answered_via: string | null;
  sku_candidates: string | null;
  context_sku: string | null;
}

export interface ListFilter {
  showId: string;
  queue?: QueueName | undefined;
  intent?: Intent | undefined;
  status?: CommentStatus | undefined;
  open?: boolean | undefined;
  sku?: string | undefined;
  lang?: string | undefined;
  platform?: string | undefined;
  beforeSeq?: number | undefined;
  limit: number;
}

export interface Correction {
  commentId: string;
  text: string;
  lang: string;
  from: Intent;
  to: Intent;
  actor: string;
  at: number;
}

export interface StoredAnswerPin {
  clusterKey: string;
  clusterId: string;
  text: string;
  lang: string;
  intent: Intent;
  macroId: string;
  by: string;
  at: number;
}

export interface Pins {
  commentId: string | null;
  product: PinnedProduct | null;
}

export interface CommentsRepo {
  /** Inserts in one transaction; returns the new seq per row, or null for a duplicate. */
  insertBatch(rows: readonly PendingComment[]): (number | null)[];
  get(id: string): CommentRecord | null;
  seqOf(id: string): number | null;
  /** Writes the handling fields of one comment (status, queue, intent, claim, answer). */
  saveHandling(c: CommentRecord): void;
  list(filter: ListFilter): CommentRecord[];
  open(showId: string): CommentRecord[];
  counts(showId: string): { total: number; byIntent: Partial<Record<Intent, number>> };
  addCorrection(showId: string, c: Correction): void;
  corrections(showId: string): Correction[];
  pins(showId: string): Pins;
  /** Records by id, in the order asked (missing ones left out). */
  getMany(ids: readonly string[]): CommentRecord[];
  /** Done comments (answered, dismissed) newest first, one window, and how many there are. */
  doneWindow(filter: Omit<ListFilter, 'beforeSeq' | 'status' | 'open'> & { offset: number }): { comments: CommentRecord[]; total: number };
  /** Distinct SKU/language/platform triples of a show (the desk's filter options after a restart). */
  facets(showId: string): { sku: string | null; lang: string; platform: string }[];
  answerPins(showId: string): (StoredAnswerPin & { attached: number })[];
  saveAnswerPin(showId: string, pin: StoredAnswerPin): void;
  deleteAnswerPin(showId: string, clusterKey: string): void;
  savePins(showId: string, pins: Pins): void;
}

const OPEN_SQL = `status IN ('new', 'claimed', 'escalated')`;
/** Ids per `getMany` statement: under SQLite's variable limit. */
const GET_CHUNK = 500;

export function createCommentsRepo(db: Db): CommentsRepo {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO comments
       (id, show_id, source, rehearsal, platform, room, message_id, author, text, lang, at, received_at,
        triage_intent, confidence, sku, offer_code, reasons, intent, queue, status, claimed_by, claimed_at,
        answered_at, reply, note, corrected_from, raw, cluster_key, answered_via, sku_candidates, context_sku)
     VALUES
       (@id, @showId, @source, @rehearsal, @platform, @room, @messageId, @author, @text, @lang, @at, @receivedAt,
        @triageIntent, @confidence, @sku, @offerCode, @reasons, @intent, @queue, @status, @claimedBy, @claimedAt,
        @answeredAt, @reply, @note, @correctedFrom, @raw, @clusterKey, @answeredVia, @skuCandidates, @contextSku)`,
  );
  const getStmt = db.prepare<[string], Row>('SELECT * FROM comments WHERE id = ?');
  const seqStmt = db.prepare<[string], { seq: number }>('SELECT seq FROM comments WHERE id = ?');
  const handling = db.prepare(
    `UPDATE comments SET intent = @intent, queue = @queue, status = @status, claimed_by = @claimedBy,
       claimed_at = @claimedAt, answered_at = @answeredAt, reply = @reply, note = @note, corrected_from = @correctedFrom,
       cluster_key = @clusterKey, answered_via = @answeredVia
     WHERE id = @id`,
  );
  const openStmt = db.prepare<[string], Row>(`SELECT * FROM comments WHERE show_id = ? AND ${OPEN_SQL} ORDER BY seq`);
  const totalStmt = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM comments WHERE show_id = ?');
  const byIntentStmt = db.prepare<[string], { intent: string; n: number }>(
    'SELECT intent, COUNT(*) AS n FROM comments WHERE show_id = ? GROUP BY intent',
  );
  const addCorr = db.prepare(
    `INSERT INTO comment_corrections (comment_id, show_id, text, lang, from_intent, to_intent, actor, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const corrStmt = db.prepare<
    [string],
    { comment_id: string; text: string; lang: string; from_intent: string; to_intent: string; actor: string; at: number }
  >('SELECT * FROM comment_corrections WHERE show_id = ? ORDER BY seq');
  const pinsStmt = db.prepare<
    [string],
    { comment_id: string | null; product_sku: string | null; product_label: string | null; product_source: string | null; product_at: number | null }
  >('SELECT * FROM comment_pins WHERE show_id = ?');
  const savePinsStmt = db.prepare(
    `INSERT INTO comment_pins (show_id, comment_id, product_sku, product_label, product_source, product_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(show_id) DO UPDATE SET comment_id = excluded.comment_id, product_sku = excluded.product_sku,
       product_label = excluded.product_label, product_source = excluded.product_source, product_at = excluded.product_at`,
  );

  const pinRows = db.prepare<[string, string], {
    cluster_key: string; cluster_id: string; text: string; lang: string; intent: string; macro_id: string; by_name: string; at: number; attached: number;
  }>(
    `SELECT p.*, (SELECT COUNT(*) FROM comments c WHERE c.show_id = p.show_id AND c.cluster_key = p.cluster_key AND c.answered_via = ?) AS attached
       FROM comment_answer_pins p WHERE p.show_id = ? ORDER BY p.at`,
  );
  const savePin = db.prepare(
    `INSERT INTO comment_answer_pins (show_id, cluster_key, cluster_id, text, lang, intent, macro_id, by_name, at)
     VALUES (@showId, @clusterKey, @clusterId, @text, @lang, @intent, @macroId, @by, @at)
     ON CONFLICT(show_id, cluster_key) DO UPDATE SET macro_id = excluded.macro_id, by_name = excluded.by_name, at = excluded.at, text = excluded.text`,
  );
  const facetStmt = db.prepare<[string], { sku: string | null; lang: string; platform: string }>(
    'SELECT DISTINCT sku, lang, platform FROM comments WHERE show_id = ?',
  );
  const deletePin = db.prepare('DELETE FROM comment_answer_pins WHERE show_id = ? AND cluster_key = ?');
  const inStatement = (n: number) => db.prepare<string[], Row>(`SELECT * FROM comments WHERE id IN (${Array.from({ length: n }, () => '?').join(',')})`);
  let fullChunk: ReturnType<typeof inStatement> | null = null;

  const insertAll = db.transaction((rows: readonly PendingComment[]) =>
    rows.map((r) => {
      const info = insert.run({
        ...r,
        rehearsal: r.rehearsal ? 1 : 0,
        reasons: JSON.stringify(r.reasons),
        pinned: undefined,
        responseSeconds: undefined,
        clusterKey: r.clusterKey ?? null,
        answeredVia: r.answeredVia ?? null,
        skuCandidates: r.candidates && r.candidates.length > 0 ? JSON.stringify(r.candidates.slice(0, 8)) : null,
        contextSku: r.contextSku ?? null,
      });
      return info.changes === 1 ? Number(info.lastInsertRowid) : null;
    }),
  );

  return {
    insertBatch: (rows) => (rows.length === 0 ? [] : insertAll(rows)),
    get(id) {
      const row = getStmt.get(id);
      return row ? toRecord(row) : null;
    },
    seqOf: (id) => seqStmt.get(id)?.seq ?? null,
    saveHandling(c) {
      handling.run({
        id: c.id,
        intent: c.intent,
        queue: c.queue,
        status: c.status,
        claimedBy: c.claimedBy,
        claimedAt: c.claimedAt,
        answeredAt: c.answeredAt,
        reply: c.reply,
        note: c.note,
        correctedFrom: c.correctedFrom,
        clusterKey: c.clusterKey ?? null,
        answeredVia: c.answeredVia ?? null,
      });
    },
    getMany(ids) {
      if (ids.length === 0) return [];
      const rows = new Map<string, CommentRecord>();
      // Chunks keep the statement under SQLite's variable limit. A whole work item is read at once (a
      // flood of one text: thousands), so the full chunk's statement is prepared once, not per chunk.
      for (let i = 0; i < ids.length; i += GET_CHUNK) {
        const chunk = ids.slice(i, i + GET_CHUNK);
        const stmt = chunk.length === GET_CHUNK ? (fullChunk ??= inStatement(GET_CHUNK)) : inStatement(chunk.length);
        for (const r of stmt.all(...chunk)) rows.set(r.id, toRecord(r));
      }
      return ids.flatMap((id) => rows.get(id) ?? []);
    },
    doneWindow(f) {
      const where: string[] = ['show_id = @showId', `status NOT IN ('new', 'claimed', 'escalated')`];
      if (f.queue) where.push('queue = @queue');
      else where.push(`queue <> 'spam'`);
      if (f.intent) where.push('intent = @intent');
      if (f.sku) where.push('sku = @sku');
      if (f.lang) where.push('lang = @lang');
      if (f.platform) where.push('platform = @platform');
      const params: Record<string, string | number> = { showId: f.showId, limit: f.limit, offset: f.offset };
      for (const k of ['queue', 'intent', 'sku', 'lang', 'platform'] as const) {
        const v = f[k];
        if (v !== undefined) params[k] = v;
      }
      const w = where.join(' AND ');
      const comments = db.prepare<[Record<string, string | number>], Row>(`SELECT * FROM comments WHERE ${w} ORDER BY seq DESC LIMIT @limit OFFSET @offset`).all(params).map(toRecord);
      const { limit: _l, offset: _o, ...countParams } = params;
      const total = db.prepare<[Record<string, string | number>], { n: number }>(`SELECT COUNT(*) AS n FROM comments WHERE ${w}`).get(countParams)?.n ?? 0;
      return { comments, total };
    },
    facets: (showId) => facetStmt.all(showId),
    answerPins: (showId) =>
      pinRows.all('pin', showId).map((r) => ({
        clusterKey: r.cluster_key,
        clusterId: r.cluster_id,
        text: r.text,
        lang: r.lang,
        intent: r.intent as Intent,
        macroId: r.macro_id,
        by: r.by_name,
        at: r.at,
        attached: r.attached,
      })),
    saveAnswerPin(showId, pin) {
      savePin.run({ showId, ...pin });
    },
    deleteAnswerPin(showId, key) {
      deletePin.run(showId, key);
    },
    list(f) {
      const where: string[] = ['show_id = @showId'];
      if (f.queue) where.push('queue = @queue');
      if (f.intent) where.push('intent = @intent');
      if (f.status) where.push('status = @status');
      if (f.open) where.push(OPEN_SQL);
      if (f.sku) where.push('sku = @sku');
      if (f.lang) where.push('lang = @lang');
      if (f.platform) where.push('platform = @platform');
      if (f.beforeSeq !== undefined) where.push('seq < @beforeSeq');
      // Statements are cached by better-sqlite3 per text; there are few filter combinations.
      const sql = `SELECT * FROM comments WHERE ${where.join(' AND ')} ORDER BY seq DESC LIMIT @limit`;
      const params: Record<string, string | number> = { showId: f.showId, limit: f.limit };
      for (const k of ['queue', 'intent', 'status', 'sku', 'lang', 'platform', 'beforeSeq'] as const) {
        const v = f[k];
        if (v !== undefined) params[k] = v;
      }
      return db.prepare<[Record<string, string | number>], Row>(sql).all(params).map(toRecord);
    },
    open: (showId) => openStmt.all(showId).map(toRecord),
    counts(showId) {
      const byIntent: Partial<Record<Intent, number>> = {};
      for (const r of byIntentStmt.all(showId)) byIntent[r.intent as Intent] = r.n;
      return { total: totalStmt.get(showId)?.n ?? 0, byIntent };
    },
    addCorrection(showId, c) {
      addCorr.run(c.commentId, showId, c.text, c.lang, c.from, c.to, c.actor, c.at);
    },
    corrections: (showId) =>
      corrStmt.all(showId).map((r) => ({
        commentId: r.comment_id,
        text: r.text,
        lang: r.lang,
        from: r.from_intent as Intent,
        to: r.to_intent as Intent,
        actor: r.actor,
        at: r.at,
      })),
    pins(showId) {
      const r = pinsStmt.get(showId);
      if (!r) return { commentId: null, product: null };
      return {
        commentId: r.comment_id,
        product:
          r.product_label !== null && r.product_at !== null
            ? { sku: r.product_sku, label: r.product_label, source: r.product_source ?? 'manual', at: r.product_at }
            : null,
      };
    },
    savePins(showId, pins) {
      const p = pins.product;
      savePinsStmt.run(showId, pins.commentId, p?.sku ?? null, p?.label ?? null, p?.source ?? null, p?.at ?? null);
    },
  };
}

function toRecord(r: Row): CommentRecord {
  return {
    id: r.id,
    seq: r.seq,
    source: r.source,
    rehearsal: r.rehearsal === 1,
    platform: r.platform,
    room: r.room,
    messageId: r.message_id,
    author: r.author,
    text: r.text,
    lang: r.lang,
    at: r.at,
    receivedAt: r.received_at,
    intent: r.intent as Intent,
    confidence: r.confidence,
    sku: r.sku,
    offerCode: r.offer_code,
    queue: r.queue as QueueName,
    status: r.status as CommentStatus,
    claimedBy: r.claimed_by,
    claimedAt: r.claimed_at,
    answeredAt: r.answered_at,
    responseSeconds: r.answered_at !== null ? Math.round((r.answered_at - r.received_at) / 100) / 10 : null,
    reply: r.reply,
    // Pinning is per show, kept in comment_pins; the module sets this flag from there.
    pinned: false,
    correctedFrom: (r.corrected_from as Intent | null) ?? null,
    note: r.note,
    reasons: parseStringArray(r.reasons),
    clusterKey: r.cluster_key,
    answeredVia: (r.answered_via as AnsweredVia | null) ?? null,
    candidates: parseStringArray(r.sku_candidates).slice(0, 8), // insertBatch stores at most 8
    contextSku: r.context_sku ?? null,
  };
}

/** A stored JSON array of strings (reasons, SKU candidates); anything else, or no text, reads as none. */
function parseStringArray(text: string | null): string[] {
  if (!text) return [];
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
