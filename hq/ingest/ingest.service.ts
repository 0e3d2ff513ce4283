// Applies a station's batch: authenticates the token, refuses a batch claiming another station,
// inserts the facts under the ingest role (a resent batch inserts nothing twice), walks the audit
// chain and flags a break, and answers with the highest seq HQ now holds.
import { INGEST_ROLE } from '../db/hq-migrations';
import type { HqDb } from '../db/hq-db';
import type { HqAck, HqFactKind } from '../../src/shared/contract/index';
import { batchSchema, type ParsedBatch } from './batch.schema';
import { checkFactBody, cleanString } from './fact-body.check';
import { checkFactEnvelope, joinProblems, MAX_PROBLEM_CHARS, type PlacedFact } from './fact-envelope.check';
import { clip } from '../../src/shared/text/clip';
import { checkAuditRows } from './audit-chain.check';
import { tokenHash } from './stations.repo';
import { createIngestStats, type IngestStats } from './ingest.stats';

/** `dbMs`: the batch's transaction, measured inside HQ. */
export type IngestOutcome = { status: 200; ack: HqAck; dbMs: number; facts: number } | { status: 400 | 401 | 403 | 503; message: string };

interface TokenInfo {
  id: string;
  revoked: boolean;
  at: number;
}

/** Token look-ups are cached briefly; a revocation takes effect within this time. */
const TOKEN_TTL_MS = 5_000;

export interface IngestService {
  ingest(token: string | null, body: unknown, hqNow: number): Promise<IngestOutcome>;
  /**
   * Whether a request with this token may send a full batch, asked before its body is read: only a
   * live station's token may ('unavailable' when the database cannot say).
   */
  admits(token: string | null, hqNow: number): Promise<{ station: string } | 'stranger' | 'unavailable'>;
  /**
   * Whether this token's last look-up found a live station (asked without the database): such a
   * request is a known station's, and never waits on the budget of unknown tokens (fair-share.ts).
   */
  knows(token: string | null): boolean;
  /** HQ-side timing of acknowledged batches. */
  readonly stats: IngestStats;
  /** Forget cached tokens now (after an issue or a revocation through this HQ). */
  forgetTokens(): void;
}

/**
 * `report` hears the database's own error (host, port, user in its text) for HQ's operator; the station's answer
 * never carries it, since anyone who reaches HQ's port reads that answer.
 */
export function createIngestService(db: HqDb, stats: IngestStats = createIngestStats(), report: (error: unknown) => void = () => {}): IngestService {
  const tokens = new Map<string, TokenInfo>();
  // Hashes whose last look-up found a live station. Not cleared with the cache: an issue or a
  // revocation elsewhere must not send every station through the unknown tokens' budget at once.
  const live = new Set<string>();
  const applier = createApplier(db);

  const lookup = async (token: string, now: number): Promise<TokenInfo | null> => {
    const h = tokenHash(token);
    const hit = tokens.get(h);
    if (hit && now - hit.at < TOKEN_TTL_MS) return hit;
    const [row] = await db.query<{ id: string; revoked_at: Date | null }>('SELECT id, revoked_at FROM stations WHERE token_hash = $1', [h]);
    if (!row) {
      tokens.delete(h);
      live.delete(h);
      return null;
    }
    const info = { id: row.id, revoked: row.revoked_at !== null, at: now };
    tokens.set(h, info);
    if (info.revoked) live.delete(h);
    else live.add(h);
    return info;
  };

  const refuseStation = (id: string, reason: string) =>
    db.query('UPDATE stations SET refused_count = refused_count + 1, last_refused_at = now(), last_refused_reason = $2 WHERE id = $1', [id, reason]);

  const claimed = (body: unknown) => {
    const s = (body as { stationId?: unknown } | null)?.stationId;
    return typeof s === 'string' ? clip(s, 64) : null;
  };

  return {
    stats,
    forgetTokens: () => {
      tokens.clear();
      // A re-issued token may mean a re-registered station: read its chain head again.
      applier.forget();
    },
    knows: (token) => token !== null && live.has(tokenHash(token)),
    async admits(token, hqNow) {
      if (!token) return 'stranger';
      try {
        const who = await lookup(token, hqNow);
        return who && !who.revoked ? { station: who.id } : 'stranger';
      } catch {
        return 'unavailable';
      }
    },
    async ingest(token, body, hqNow) {
      try {
        if (!token) {
          await db.query('INSERT INTO refusals (claimed_station, reason) VALUES ($1, $2)', [claimed(body), 'no token']);
          return { status: 401, message: 'A station token is required (Authorization: Bearer ...).' };
        }
        const who = await lookup(token, hqNow);
        if (!who) {
          await db.query('INSERT INTO refusals (claimed_station, reason) VALUES ($1, $2)', [claimed(body), 'unknown token']);
          return { status: 401, message: 'This token is not a station token of this HQ.' };
        }
        if (who.revoked) {
          await refuseStation(who.id, 'revoked token');
          return { status: 403, message: 'This station’s token was revoked at HQ.' };
        }
        const parsed = batchSchema.safeParse(body);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return { status: 400, message: `Bad batch at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
        }
        const batch = parsed.data;
        if (batch.stationId !== who.id) {
          await refuseStation(who.id, `claimed station ${batch.stationId}`);
          return { status: 403, message: `This token belongs to station ${who.id}, not ${batch.stationId}.` };
        }
        // Each fact's envelope, then its body by its kind: a bad one is stored flagged and named in
        // the answer, so the station's outbox moves past it. A fact without a usable seq cannot be
        // stored or acknowledged: it is named (seq 0) and counted as a refusal on the station's row.
        const rejected: { seq: number; reason: string }[] = [];
        const facts: StoredFact[] = [];
        const unplaced: string[] = [];
        for (const [i, raw] of batch.facts.entries()) {
          const e = checkFactEnvelope(raw);
          if ('unplaced' in e) {
            unplaced.push(`fact ${i}: ${e.unplaced}`);
            continue;
          }
          const f = e.placed;
          const prev = facts[facts.length - 1];
          if (prev && f.seq <= prev.seq) return { status: 400, message: `Bad batch at facts.${i}.seq: facts must be in strictly increasing seq order` };
          const c = checkFactBody(f.known ? (f.kind as HqFactKind) : null, f.body);
          const problem = joinProblems([f.problem, c.problem]);
          if (problem) rejected.push({ seq: f.seq, reason: problem });
          facts.push({ seq: f.seq, showId: f.showId, kind: f.kind, at: f.at, body: c.body, problem });
        }
        for (const reason of unplaced) rejected.push({ seq: 0, reason: clip(`${reason} (not stored)`, MAX_PROBLEM_CHARS) });
        if (unplaced.length) await refuseStation(who.id, clip(`${unplaced.length} fact(s) without a usable seq, not stored: ${unplaced[0]}`, MAX_PROBLEM_CHARS));
        const { ack, dbMs } = await applier.apply({ ...batch, batchId: cleanString(batch.batchId), facts }, hqNow);
        return { status: 200, ack: { ...ack, rejected }, dbMs, facts: facts.length };
      } catch (error) {
        // The database is away (restarting, unreachable): the station keeps its facts and retries.
        report(error);
        return { status: 503, message: "HQ's database is unavailable right now; keep the facts and retry." };
      }
    },
  };
}

/**
 * A fact as HQ stores it: placed by its envelope, its body checked by its kind; `problem` says what is
 * wrong with either (null: nothing), and `kind` is what the station sent only when flagged.
 */
type StoredFact = Omit<PlacedFact, 'known'>;

type CheckedBatch = Omit<ParsedBatch, 'facts'> & { facts: StoredFact[] };

interface StationHead {
  chainSeq: number;
  chainHash: string;
  brokenAt: number | null;
}

interface Applied {
  ack: HqAck;
  dbMs: number;
}

/** Another HQ process moved this station's chain head meanwhile: reload it and apply again. */
class HeadMoved extends Error {}

// One statement per batch: every fact in one INSERT (the batch as a JSON array, expanded by
// PostgreSQL), and the station's ingest state in the same statement. The head is compared, not
// locked: a second HQ process on the same database makes the update touch no row, and the batch
// is rolled back and applied again against the head that process committed.
const APPLY_BATCH = `WITH ins AS (
    INSERT INTO facts (station_id, seq, show_id, kind, station_at, batch_id, body, problem)
    SELECT $1, x.seq, x."showId", x.kind, x.at, $2, x.body, x.problem
      FROM jsonb_to_recordset($3::jsonb) AS x(seq bigint, "showId" text, kind text, at bigint, body jsonb, problem text)
    ON CONFLICT (station_id, seq) DO NOTHING
    RETURNING seq
  ), upd AS (
    UPDATE stations SET acked_seq = GREATEST(acked_seq, $4::bigint), last_seen_at = now(), clock_skew_ms = $5::bigint,
           chain_seq = $6::bigint, chain_hash = $7, chain_break_seq = $8::bigint, chain_break_reason = COALESCE(chain_break_reason, $9)
     WHERE id = $1 AND chain_seq = $10::bigint AND chain_hash = $11
     RETURNING acked_seq
  )
  SELECT (SELECT acked_seq FROM upd) AS acked_seq, (SELECT COALESCE(array_agg(seq), '{}') FROM ins) AS inserted`;

const FLAG_BREAK = `UPDATE stations SET chain_break_seq = $2, chain_break_reason = COALESCE(chain_break_reason, $3) WHERE id = $1 AND chain_break_seq IS NULL`;

/**
 * Applies batches in one transaction each, a station's batches one after another (per-station
 * queue), with each station's audit chain head kept in memory once read. A batch costs three
 * round trips: BEGIN with the role switch, the one prepared statement above, COMMIT. The chain is
 * walked before the statement from the rows after the head (a resend's rows are at or below it);
 * an audit row HQ did not already hold yet at or below the head is itself a break.
 */
function createApplier(db: HqDb) {
  const heads = new Map<string, StationHead>();
  const queues = new Map<string, Promise<unknown>>();

  const once = (batch: CheckedBatch, hqNow: number) =>
    db.txAs(INGEST_ROLE, { 'baton.station': batch.stationId }, async (q) => {
      const t0 = performance.now();
      let head = heads.get(batch.stationId);
      if (!head) {
        const [st] = await q.query<{ chain_seq: string | number; chain_hash: string; chain_break_seq: string | number | null }>(
          'SELECT chain_seq, chain_hash, chain_break_seq FROM stations WHERE id = $1',
          [batch.stationId],
        );
        if (!st) throw new Error(`station ${batch.stationId} vanished`);
        head = { chainSeq: Number(st.chain_seq), chainHash: st.chain_hash, brokenAt: st.chain_break_seq === null ? null : Number(st.chain_break_seq) };
      }
      const audits = batch.facts.filter((f) => f.kind === 'audit');
      let next: StationHead = head;
      let reason: string | null = null;
      let walked = new Set<number>();
      if (head.brokenAt === null) {
        const after = audits.filter((f) => !(Number(f.body.seq) <= head.chainSeq));
        walked = new Set(after.map((f) => f.seq));
        const step = checkAuditRows({ seq: head.chainSeq, hash: head.chainHash }, after.map((f) => f.body));
        if (step.ok) next = { chainSeq: step.head.seq, chainHash: step.head.hash, brokenAt: null };
        else {
          next = { ...head, brokenAt: step.seq };
          reason = step.reason;
        }
      }
      const maxSeq = batch.facts.length ? batch.facts[batch.facts.length - 1]!.seq : 0;
      const [done] = await q.query<{ acked_seq: string | number | null; inserted: (string | number)[] }>(
        APPLY_BATCH,
        [batch.stationId, batch.batchId, JSON.stringify(batch.facts), maxSeq, hqNow - batch.sentAt, next.chainSeq, next.chainHash, next.brokenAt, reason, head.chainSeq, head.chainHash],
        'hq-apply-batch',
      );
      if (!done || done.acked_seq === null) throw new HeadMoved();
      const inserted = new Set(done.inserted.map(Number));
      if (next.brokenAt === null) {
        // Rows walked but not stored (HQ held other content under those seqs), or stored but not
        // walked (an old audit row again under a new seq): HQ's copy is not the chain it checked.
        const odd = audits.find((f) => walked.has(f.seq) !== inserted.has(f.seq));
        if (odd) {
          const at = Number(odd.body.seq) || odd.seq;
          const why = walked.has(odd.seq) ? 'audit row arrived under a seq HQ already holds with other content' : 'an audit row already held arrived again under a new seq';
          await q.query(FLAG_BREAK, [batch.stationId, at, why], 'hq-flag-break');
          next = { ...next, brokenAt: at };
        }
      }
      return { next, dbMs: performance.now() - t0, ack: { ackedSeq: Number(done.acked_seq), applied: inserted.size, duplicates: batch.facts.length - inserted.size } };
    });

  const applyNow = async (batch: CheckedBatch, hqNow: number): Promise<Applied> => {
    try {
      const r = await once(batch, hqNow);
      heads.set(batch.stationId, r.next);
      return { ack: r.ack, dbMs: r.dbMs };
    } catch (error) {
      // Whatever failed, the head in memory may be stale: the next batch reads it again.
      heads.delete(batch.stationId);
      if (!(error instanceof HeadMoved)) throw error;
      const r = await once(batch, hqNow);
      heads.set(batch.stationId, r.next);
      return { ack: r.ack, dbMs: r.dbMs };
    }
  };

  return {
    apply(batch: CheckedBatch, hqNow: number): Promise<Applied> {
      const before = queues.get(batch.stationId) ?? Promise.resolve();
      const run = before.then(
        () => applyNow(batch, hqNow),
        () => applyNow(batch, hqNow),
      );
      const tail = run.catch(() => undefined);
      queues.set(batch.stationId, tail);
      void tail.then(() => {
        if (queues.get(batch.stationId) === tail) queues.delete(batch.stationId);
      });
      return run;
    },
    forget: () => heads.clear(),
  };
}
