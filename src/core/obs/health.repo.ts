// Health samples on disk: buffered and written in one transaction per batch (a crash loses at
// most one batch), read back by time range for the post-show timeline.
import type { HealthLevel, HealthSample } from '../../shared/contract/index';
import type { Db } from '../storage/database';

export const HISTORY_READ_LIMIT = 36_000;

export interface HealthRepo {
  add(sample: HealthSample): void;
  /** Writes the buffer now (at stream stop, before a read, at close). */
  flush(): void;
  range(from: number, to: number): { samples: HealthSample[]; truncated: boolean };
}

interface Row {
  at: number;
  level: string;
  streaming: number;
  bitrate_kbps: number | null;
  dropped_pct: number | null;
  output_skipped: number;
  output_total: number;
  render_skipped: number;
  render_total: number;
  encoder_skipped: number;
  encoder_total: number;
  active_fps: number;
  cpu_pct: number;
  memory_mb: number;
  congestion: number | null;
  reconnecting: number;
  uptime_ms: number;
}

export function createHealthRepo(db: Db, batchSize: number): HealthRepo {
  const insert = db.prepare(`
    INSERT INTO obs_health_samples (at, level, streaming, bitrate_kbps, dropped_pct, output_skipped, output_total,
      render_skipped, render_total, encoder_skipped, encoder_total, active_fps, cpu_pct, memory_mb, congestion,
      reconnecting, uptime_ms)
    VALUES (@at, @level, @streaming, @bitrate_kbps, @dropped_pct, @output_skipped, @output_total, @render_skipped,
      @render_total, @encoder_skipped, @encoder_total, @active_fps, @cpu_pct, @memory_mb, @congestion,
      @reconnecting, @uptime_ms)`);
  const select = db.prepare<[number, number, number], Row>(
    'SELECT * FROM obs_health_samples WHERE at >= ? AND at <= ? ORDER BY at LIMIT ?',
  );
  const writeAll = db.transaction((rows: Row[]) => {
    for (const row of rows) insert.run(row);
  });
  let buffer: Row[] = [];

  const flush = () => {
    if (buffer.length === 0) return;
    const rows = buffer;
    buffer = [];
    writeAll(rows);
  };

  return {
    add(sample) {
      buffer.push(toRow(sample));
      if (buffer.length >= batchSize) flush();
    },
    flush,
    range(from, to) {
      flush();
      const rows = select.all(from, to, HISTORY_READ_LIMIT + 1);
      return { samples: rows.slice(0, HISTORY_READ_LIMIT).map(fromRow), truncated: rows.length > HISTORY_READ_LIMIT };
    },
  };
}

function toRow(s: HealthSample): Row {
  return {
    at: s.at,
    level: s.level,
    streaming: s.streaming ? 1 : 0,
    bitrate_kbps: s.bitrateKbps,
    dropped_pct: s.droppedFramesPct,
    output_skipped: s.outputSkippedFrames,
    output_total: s.outputTotalFrames,
    render_skipped: s.renderSkippedFrames,
    render_total: s.renderTotalFrames,
    encoder_skipped: s.encoderSkippedFrames,
    encoder_total: s.encoderTotalFrames,
    active_fps: s.activeFps,
    cpu_pct: s.cpuPct,
    memory_mb: s.memoryMb,
    congestion: s.congestion,
    reconnecting: s.reconnecting ? 1 : 0,
    uptime_ms: s.uptimeMs,
  };
}

function fromRow(r: Row): HealthSample {
  return {
    at: r.at,
    level: r.level as HealthLevel,
    streaming: r.streaming === 1,
    bitrateKbps: r.bitrate_kbps,
    droppedFramesPct: r.dropped_pct,
    outputSkippedFrames: r.output_skipped,
    outputTotalFrames: r.output_total,
    renderSkippedFrames: r.render_skipped,
    renderTotalFrames: r.render_total,
    encoderSkippedFrames: r.encoder_skipped,
    encoderTotalFrames: r.encoder_total,
    activeFps: r.active_fps,
    cpuPct: r.cpu_pct,
    memoryMb: r.memory_mb,
    congestion: r.congestion,
    reconnecting: r.reconnecting === 1,
    uptimeMs: r.uptime_ms,
  };
}
