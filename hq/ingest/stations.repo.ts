// Stations known to HQ and their tokens (only a SHA-256 of each token is stored), refusals, and
// the per-station ingest state: acknowledged seq, clock skew, audit chain head and any break.
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/hq-db';
import { STATION_ID } from './batch.schema';
import { clip } from '../../src/shared/text/clip';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface StationRow {
  id: string;
  label: string;
  created_at: Date;
  revoked_at: Date | null;
  refused_count: number;
  last_refused_at: Date | null;
  last_refused_reason: string | null;
  last_seen_at: Date | null;
  acked_seq: string | number;
  clock_skew_ms: string | number | null;
  chain_seq: string | number;
  chain_break_seq: string | number | null;
  chain_break_reason: string | null;
  /** Facts HQ holds from the station but will not read (flagged at ingest), and the latest one's problem. */
  flagged: number;
  last_problem: string | null;
}

export class StationInputError extends Error {}

/** Registers a station (or re-issues its token) and returns the token, shown once. */
export async function issueStationToken(q: Queryable, id: string, label = ''): Promise<string> {
  if (!STATION_ID.test(id)) throw new StationInputError('A station id is letters, digits, dot, dash or underscore (up to 64).');
  const token = `bhq_${randomBytes(24).toString('base64url')}`;
  await q.query(
    `INSERT INTO stations (id, label, token_hash) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET token_hash = excluded.token_hash, revoked_at = NULL`,
    [id, clip(label, 120), tokenHash(token)],
  );
  return token;
}

export async function revokeStation(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query('UPDATE stations SET revoked_at = now() WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}

export async function listStations(q: Queryable): Promise<StationRow[]> {
  return q.query<StationRow>(
    // Named columns, not s.*: the token's hash (and whatever a later migration adds) stays out of every page and the API.
    `SELECT s.id, s.label, s.created_at, s.revoked_at, s.refused_count, s.last_refused_at, s.last_refused_reason, s.last_seen_at,
            s.acked_seq, s.clock_skew_ms, s.chain_seq, s.chain_break_seq, s.chain_break_reason, COALESCE(f.n, 0)::int AS flagged, f.last_problem
       FROM stations s
       LEFT JOIN (SELECT station_id, count(*) AS n, (array_agg(problem ORDER BY seq DESC))[1] AS last_problem
                    FROM facts WHERE problem IS NOT NULL GROUP BY station_id) f ON f.station_id = s.id
      ORDER BY s.id`,
  );
}

export async function countUnknownRefusals(q: Queryable): Promise<{ n: number; last: Date | null }> {
  const [r] = await q.query<{ n: number; last: Date | null }>('SELECT count(*)::int AS n, max(at) AS last FROM refusals');
  return r ?? { n: 0, last: null };
}
