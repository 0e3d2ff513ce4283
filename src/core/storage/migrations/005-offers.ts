// Tables of the offers module: the durable pause/resume intent per offer, the producer's rule
// edits, trigger firings, commerce events (KPIs, caps, evidence) and adapters' durable notes.
import type { Migration } from './migration';

export const m005Offers: Migration = {
  version: 5,
  name: 'offers',
  up(db) {
    db.exec(`
      -- The intent survives a crash: a pause the store has not confirmed yet is still 'pending'
      -- at the next start and the station carries on with it.
      CREATE TABLE offer_control (
        show_id       TEXT    NOT NULL,
        offer_id      TEXT    NOT NULL,
        intent        TEXT    NOT NULL CHECK (intent IN ('live', 'paused')),
        pending       INTEGER NOT NULL CHECK (pending IN (0, 1)),
        reason        TEXT,
        requested_by  TEXT,
        requested_at  INTEGER,
        op_key        TEXT,
        confirmed_at  INTEGER,
        cap_reached_at INTEGER,
        bonus_removal TEXT,
        updated_at    INTEGER NOT NULL,
        PRIMARY KEY (show_id, offer_id)
      );

      CREATE TABLE offer_rules (
        show_id    TEXT    NOT NULL,
        offer_id   TEXT    NOT NULL,
        rules      TEXT    NOT NULL,
        updated_by TEXT    NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (show_id, offer_id)
      );

      CREATE TABLE offer_firings (
        id       TEXT    PRIMARY KEY,
        show_id  TEXT    NOT NULL,
        offer_id TEXT    NOT NULL,
        rule_id  TEXT    NOT NULL,
        kind     TEXT    NOT NULL,
        action   TEXT    NOT NULL,
        at       INTEGER NOT NULL,
        evidence TEXT    NOT NULL,
        outcome  TEXT    NOT NULL
      );
      CREATE INDEX offer_firings_by_show ON offer_firings (show_id, at);

      CREATE TABLE commerce_events (
        seq         INTEGER PRIMARY KEY,
        show_id     TEXT    NOT NULL,
        event_key   TEXT,
        type        TEXT    NOT NULL,
        offer_id    TEXT,
        sku         TEXT,
        count       INTEGER NOT NULL,
        amount      REAL,
        currency    TEXT,
        stock       INTEGER,
        latency_s   REAL,
        at          INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        source      TEXT    NOT NULL
      );
      -- A sender's event id (or an order id) is counted once per show.
      CREATE UNIQUE INDEX commerce_events_key ON commerce_events (show_id, event_key) WHERE event_key IS NOT NULL;
      CREATE INDEX commerce_events_by_type ON commerce_events (show_id, type, offer_id);

      -- Small per-offer notes an adapter must not lose: thresholds to restore on resume, the
      -- order cursor, the sandbox store's own state. Never credentials.
      CREATE TABLE offer_store_memo (
        show_id  TEXT NOT NULL,
        offer_id TEXT NOT NULL,
        key      TEXT NOT NULL,
        value    TEXT NOT NULL,
        PRIMARY KEY (show_id, offer_id, key)
      );
    `);
  },
};
