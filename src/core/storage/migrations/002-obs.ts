// Tables of the obs module: one row per health sample (1 Hz while the link is up), for the
// post-show timeline. Written in batches; read by time range.
import type { Migration } from './migration';

export const m002Obs: Migration = {
  version: 2,
  name: 'obs',
  up(db) {
    db.exec(`
      CREATE TABLE obs_health_samples (
        at              INTEGER NOT NULL,
        level           TEXT    NOT NULL,
        streaming       INTEGER NOT NULL,
        bitrate_kbps    REAL,
        dropped_pct     REAL,
        output_skipped  INTEGER NOT NULL,
        output_total    INTEGER NOT NULL,
        render_skipped  INTEGER NOT NULL,
        render_total    INTEGER NOT NULL,
        encoder_skipped INTEGER NOT NULL,
        encoder_total   INTEGER NOT NULL,
        active_fps      REAL    NOT NULL,
        cpu_pct         REAL    NOT NULL,
        memory_mb       REAL    NOT NULL,
        congestion      REAL,
        reconnecting    INTEGER NOT NULL,
        uptime_ms       INTEGER NOT NULL
      );
      CREATE INDEX obs_health_samples_at ON obs_health_samples (at);
    `);
  },
};
