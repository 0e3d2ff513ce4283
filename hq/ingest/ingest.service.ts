// Applies a station's batch: authenticates the token, refuses a batch claiming another station,
// inserts the facts under the ingest role (a resent batch inserts nothing twice), walks the audit
// chain and flags a break, and answers with the highest seq HQ now holds.
import { INGEST_ROLE } from '../db/hq-migrations';
import type { HqDb } from '../db/hq-db';
import type { HqAck } from '../../src/shared/contract/index';
import { batchSchema } from './batch.schema';
import { checkAuditRows } from './audit-chain.check';
import { tokenHash } from './stations.repo';

export type IngestOutcome = { status: 200; ack: HqAck } | { status: 400 | 401 | 403 | 503; message: string };

interface TokenInfo {
  id: string;
  revoked: boolean;
  at: number;
}

/** Token look-ups are cached briefly; a revocation takes effect within this time. */
const TOKEN_TTL_MS = 2_000;

export interface IngestService {
  ingest(token: string | null, body: unknown, hqNow: number): Promise<IngestOutcome>;
  /** Forget cached tokens now (after an issue or a revocation through this HQ). */
  forgetTokens(): void;
}

export function createIngestService(db: HqDb): IngestService {
  const tokens = new Map<string, TokenInfo>();

  const lookup = async (token: string, now: number): Promise<TokenInfo | null> => {
    const h = tokenHash(token);
    const hit = tokens.get(h);
    if (hit && now - hit.at < TOKEN_TTL_MS) return hit;
    const [row] = await db.query<{ id: string; revoked_at: Date | null }>('SELECT id, revoked_at FROM stations WHERE token_hash = $1', [h]);
    if (!row) {
      tokens.delete(h);
      return null;
    }
    const info = { id: row.id, revoked: row.revoked_at !== null, at: now };
    tokens.set(h, info);
    return info;
  };

  const refuseStation = (id: string, reason: string) =>
    db.query('UPDATE stations SET refused_count = refused_count + 1, last_refused_at = now(), last_refused_reason = $2 WHERE id = $1', [id, reason]);

  const claimed = (body: unknown) => {
    const s = (body as { stationId?: unknown } | null)?.stationId;
    return typeof s === 'string' ? s.slice(0, 64) : null;
  };

  return {
    forgetTokens: () => tokens.clear(),
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
        return { status: 200, ack: await apply(db, batch, hqNow) };
      } catch (error) {
        // The database is away (restarting, unreachable): the station keeps its facts and retries.
        return { status: 503, message: `HQ's database is unavailable: ${(error as Error).message.slice(0, 200)}` };
      }
    },
  };
}

async function apply(db: HqDb, batch: ReturnType<typeof batchSchema.parse>, hqNow: number): Promise<HqAck> {
  return db.tx(async (q) => {
    // Locks this station's row: two batches of one station are applied one after the other.
    const [st] = await q.query<{ chain_seq: string | number; chain_hash: string; chain_break_seq: string | number | null; acked_seq: string | number }>(
      'SELECT chain_seq, chain_hash, chain_break_seq, acked_seq FROM stations WHERE id = $1 FOR UPDATE',
      [batch.stationId],
    );
    if (!st) throw new Error(`station ${batch.stationId} vanished`);
    let inserted = new Set<number>();
    if (batch.facts.length > 0) {
      await q.query(`SET LOCAL ROLE ${INGEST_ROLE}`);
      await q.query("SELECT set_config('baton.station', $1, true)", [batch.stationId]);
      const rows = await q.query<{ seq: string | number }>(
        `INSERT INTO facts (station_id, seq, show_id, kind, station_at, batch_id, body)
         SELECT $1, x.seq, x."showId", x.kind, x.at, $2, x.body
           FROM jsonb_to_recordset($3::jsonb) AS x(seq bigint, "showId" text, kind text, at bigint, body jsonb)
         ON CONFLICT (station_id, seq) DO NOTHING
         RETURNING seq`,
        [batch.stationId, batch.batchId, JSON.stringify(batch.facts)],
      );
      await q.query('RESET ROLE');
      inserted = new Set(rows.map((r) => Number(r.seq)));
    }
    let chain = { seq: Number(st.chain_seq), hash: st.chain_hash };
    let brokenAt: number | null = st.chain_break_seq === null ? null : Number(st.chain_break_seq);
    let reason: string | null = null;
    if (brokenAt === null) {
      const audits = batch.facts.filter((f) => f.kind === 'audit' && inserted.has(f.seq)).map((f) => f.body);
      const step = checkAuditRows(chain, audits);
      if (step.ok) chain = step.head;
      else {
        brokenAt = step.seq;
        reason = step.reason;
      }
    }
    const maxSeq = batch.facts.length ? batch.facts[batch.facts.length - 1]!.seq : 0;
    const [done] = await q.query<{ acked_seq: string | number }>(
      `UPDATE stations SET acked_seq = GREATEST(acked_seq, $2), last_seen_at = now(), clock_skew_ms = $3,
              chain_seq = $4, chain_hash = $5, chain_break_seq = $6, chain_break_reason = COALESCE(chain_break_reason, $7)
        WHERE id = $1 RETURNING acked_seq`,
      [batch.stationId, maxSeq, hqNow - batch.sentAt, chain.seq, chain.hash, brokenAt, reason],
    );
    return { ackedSeq: Number(done?.acked_seq ?? maxSeq), applied: inserted.size, duplicates: batch.facts.length - inserted.size };
  });
}
