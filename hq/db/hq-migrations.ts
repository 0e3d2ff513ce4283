// HQ's schema, as numbered migrations run in order at start (the same on PostgreSQL and PGlite).
// Never edit one that has shipped: add the next.
import type { HqDb } from './hq-db';
import { commerceReadable } from './fact-sql';

export interface HqMigration {
  version: number;
  name: string;
  sql: string;
}

export const INGEST_ROLE = 'baton_hq_ingest';
export const READER_ROLE = 'baton_hq_reader';

export const HQ_MIGRATIONS: readonly HqMigration[] = [
  {
    version: 1,
    name: 'facts',
    sql: `
      CREATE TABLE stations (
        id                  text PRIMARY KEY,
        label               text NOT NULL DEFAULT '',
        token_hash          text NOT NULL UNIQUE,
        created_at          timestamptz NOT NULL DEFAULT now(),
        revoked_at          timestamptz,
        refused_count       integer NOT NULL DEFAULT 0,
        last_refused_at     timestamptz,
        last_refused_reason text,
        last_seen_at        timestamptz,
        acked_seq           bigint NOT NULL DEFAULT 0,
        -- HQ's clock minus the station's, as seen on the last batch (ms).
        clock_skew_ms       bigint,
        chain_seq           bigint NOT NULL DEFAULT 0,
        chain_hash          text NOT NULL DEFAULT '${'0'.repeat(64)}',
        chain_break_seq     bigint,
        chain_break_reason  text
      );
      -- Refused requests whose token matched no station (a station's own refusals count on its row).
      CREATE TABLE refusals (
        id              bigserial PRIMARY KEY,
        at              timestamptz NOT NULL DEFAULT now(),
        claimed_station text,
        reason          text NOT NULL
      );
      -- Every fact as the station sent it. Keyed by the station's sequence: a resent batch
      -- inserts nothing twice. Both clocks are kept; order is always by seq.
      CREATE TABLE facts (
        station_id  text        NOT NULL REFERENCES stations (id),
        seq         bigint      NOT NULL,
        show_id     text        NOT NULL,
        kind        text        NOT NULL CHECK (kind IN ('audit', 'show', 'commerce', 'comment_minute', 'offer_pause', 'alert')),
        station_at  bigint      NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        batch_id    text        NOT NULL,
        body        jsonb       NOT NULL,
        PRIMARY KEY (station_id, seq)
      );
      CREATE INDEX facts_by_kind ON facts (kind, station_id, show_id, seq);
    `,
  },
  {
    version: 2,
    name: 'least-privilege-roles',
    // Stations' batches are written under the ingest role, which may only insert facts, and only
    // rows whose station is the one the transaction was opened for (row-level security). The
    // reader role is for the views and for read replicas.
    sql: `
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${INGEST_ROLE}') THEN CREATE ROLE ${INGEST_ROLE} NOLOGIN; END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${READER_ROLE}') THEN CREATE ROLE ${READER_ROLE} NOLOGIN; END IF;
      END $$;
      REVOKE ALL ON facts, stations, refusals FROM ${INGEST_ROLE};
      GRANT INSERT ON facts TO ${INGEST_ROLE};
      GRANT SELECT (station_id, seq) ON facts TO ${INGEST_ROLE};
      GRANT SELECT ON facts, stations, refusals TO ${READER_ROLE};
      ALTER TABLE facts ENABLE ROW LEVEL SECURITY;
      CREATE POLICY facts_insert_own ON facts FOR INSERT TO ${INGEST_ROLE}
        WITH CHECK (station_id = current_setting('baton.station', true));
      CREATE POLICY facts_see_own ON facts FOR SELECT TO ${INGEST_ROLE}
        USING (station_id = current_setting('baton.station', true));
      CREATE POLICY facts_read_all ON facts FOR SELECT TO ${READER_ROLE} USING (true);
    `,
  },
  {
    version: 3,
    name: 'ingest-moves-its-own-station-head',
    // A batch is one statement under the ingest role: its facts and its station's ingest state
    // (acknowledged seq, clock skew, audit chain head) move together. The role may read and move
    // only those columns, and only on its own station's row; never the token, label or revocation.
    sql: `
      GRANT SELECT (id, acked_seq, chain_seq, chain_hash, chain_break_seq, chain_break_reason) ON stations TO ${INGEST_ROLE};
      GRANT UPDATE (acked_seq, last_seen_at, clock_skew_ms, chain_seq, chain_hash, chain_break_seq, chain_break_reason) ON stations TO ${INGEST_ROLE};
      ALTER TABLE stations ENABLE ROW LEVEL SECURITY;
      CREATE POLICY stations_see_own ON stations FOR SELECT TO ${INGEST_ROLE}
        USING (id = current_setting('baton.station', true));
      CREATE POLICY stations_move_own ON stations FOR UPDATE TO ${INGEST_ROLE}
        USING (id = current_setting('baton.station', true)) WITH CHECK (id = current_setting('baton.station', true));
      CREATE POLICY stations_read_all ON stations FOR SELECT TO ${READER_ROLE} USING (true);
    `,
  },
  {
    version: 4,
    name: 'postmortem-owners-and-hq-audit',
    // What HQ's people decide on the board (each item's owner and due date), and HQ's own audit
    // trail of every such change: who, when, before and after.
    sql: `
      CREATE TABLE postmortem_items (
        item_key   text PRIMARY KEY,
        owner      text,
        due        date,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
      );
      CREATE TABLE hq_audit (
        id     bigserial PRIMARY KEY,
        at     timestamptz NOT NULL DEFAULT now(),
        actor  text NOT NULL,
        action text NOT NULL,
        target text NOT NULL,
        before jsonb,
        after  jsonb
      );
      GRANT SELECT ON postmortem_items, hq_audit TO ${READER_ROLE};
    `,
  },
  {
    version: 5,
    name: 'flagged-facts',
    // A fact HQ cannot read (text where a number goes, an unknown currency, a date beyond any
    // calendar, a lone surrogate...) is kept with what is wrong with it, never read by a view, and
    // counted on the station list. Commerce stored before HQ checked facts is flagged here by the
    // rule the views read by (as it stood for this migration), so it is counted, not silently skipped.
    sql: `
      ALTER TABLE facts ADD COLUMN problem text;
      CREATE INDEX facts_flagged ON facts (station_id) WHERE problem IS NOT NULL;
      UPDATE facts SET problem = 'stored before HQ checked facts: a commerce figure it cannot read'
       WHERE kind = 'commerce' AND NOT ${commerceReadable('body')};
    `,
  },
  {
    version: 6,
    name: 'flagged-envelopes',
    // A fact whose kind this HQ does not know (a newer station's) is stored flagged like any fact
    // HQ cannot read, instead of the whole batch being refused and the station's outbox stalling
    // behind it. Only flagged rows may carry another kind; every view reads unflagged rows by kind.
    sql: `
      ALTER TABLE facts DROP CONSTRAINT IF EXISTS facts_kind_check;
      ALTER TABLE facts ADD CONSTRAINT facts_kind_known CHECK (problem IS NOT NULL OR kind IN ('audit', 'show', 'commerce', 'comment_minute', 'offer_pause', 'alert'));
    `,
  },
];

export async function migrateHq(db: HqDb): Promise<number> {
  await db.exec('CREATE TABLE IF NOT EXISTS hq_schema (version integer PRIMARY KEY, name text NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  // One HQ migrates at a time, even with two processes on one PostgreSQL.
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(4823001)');
    const done = new Set((await q.query<{ version: number }>('SELECT version FROM hq_schema')).map((r) => r.version));
    const known = Math.max(...HQ_MIGRATIONS.map((m) => m.version));
    const newest = Math.max(0, ...done);
    if (newest > known) throw new Error(`HQ's database has schema version ${newest}; this HQ knows only up to ${known}. Update HQ.`);
    for (const m of HQ_MIGRATIONS) {
      if (done.has(m.version)) continue;
      await q.exec(m.sql);
      await q.query('INSERT INTO hq_schema (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    return known;
  });
}
