// SQLite rows of show day: one per GO, completed by END with the frozen figures. The history
// is every completed row, newest first.
import type { EndRecord, GoRecord, SegmentMark, ShowFigures } from '../../shared/contract/index';
import type { Db } from '../storage/database';

export interface OpenShowDay {
  id: number;
  go: GoRecord;
}
export interface FinishedShowDay {
  id: number;
  go: GoRecord;
  end: EndRecord;
}

export interface ShowDayRepo {
  insertGo(go: GoRecord): number;
  /** The show's GO not yet followed by END, if any (a station restarted mid-show resumes it). */
  open(showId: string): OpenShowDay | null;
  latestFinished(showId: string): FinishedShowDay | null;
  finish(id: number, end: EndRecord): void;
  history(limit: number): ShowFigures[];
  addSegment(dayId: number, mark: SegmentMark): void;
  segments(dayId: number): SegmentMark[];
}

interface Row {
  id: number;
  go_record: string;
  end_record: string | null;
  figures: string | null;
}

export function createShowDayRepo(db: Db): ShowDayRepo {
  // Newest first by row (one per GO, in the order they were declared), never by time: the station's
  // clock can be realigned back to the OS clock between shows (platform/clock-drift.ts), and then a
  // later show's GO and END are lower than an earlier one's.
  const insert = db.prepare('INSERT INTO show_days (show_id, go_at, go_record) VALUES (?, ?, ?)');
  const openQ = db.prepare<[string], Row>(
    'SELECT id, go_record, end_record, figures FROM show_days WHERE show_id = ? AND end_at IS NULL ORDER BY id DESC LIMIT 1',
  );
  const finishedQ = db.prepare<[string], Row>(
    'SELECT id, go_record, end_record, figures FROM show_days WHERE show_id = ? AND end_at IS NOT NULL ORDER BY id DESC LIMIT 1',
  );
  const finishQ = db.prepare('UPDATE show_days SET end_at = ?, end_record = ?, figures = ? WHERE id = ? AND end_at IS NULL');
  const historyQ = db.prepare<[number], { figures: string }>(
    'SELECT figures FROM show_days WHERE end_at IS NOT NULL AND figures IS NOT NULL ORDER BY id DESC LIMIT ?',
  );
  const addSegmentQ = db.prepare('INSERT INTO show_day_segments (day_id, at, segment_id, title, totals) VALUES (?, ?, ?, ?, ?)');
  const segmentsQ = db.prepare<[number], { at: number; segment_id: string; title: string; totals: string }>(
    'SELECT at, segment_id, title, totals FROM show_day_segments WHERE day_id = ? ORDER BY at, rowid',
  );
  return {
    addSegment: (dayId, m) => void addSegmentQ.run(dayId, m.at, m.segmentId, m.title, JSON.stringify(m.totals)),
    segments: (dayId) =>
      segmentsQ.all(dayId).map((r) => ({ at: r.at, segmentId: r.segment_id, title: r.title, totals: JSON.parse(r.totals) as SegmentMark['totals'] })),
    insertGo: (go) => Number(insert.run(go.showId, go.at, JSON.stringify(go)).lastInsertRowid),
    open(showId) {
      const r = openQ.get(showId);
      return r ? { id: r.id, go: JSON.parse(r.go_record) as GoRecord } : null;
    },
    latestFinished(showId) {
      const r = finishedQ.get(showId);
      return r && r.end_record ? { id: r.id, go: JSON.parse(r.go_record) as GoRecord, end: JSON.parse(r.end_record) as EndRecord } : null;
    },
    finish(id, end) {
      const changed = finishQ.run(end.at, JSON.stringify(end), JSON.stringify(end.figures), id).changes;
      if (changed !== 1) throw new Error(`show day ${id} was already ended`);
    },
    history: (limit) => historyQ.all(limit).map((r) => JSON.parse(r.figures) as ShowFigures),
  };
}
