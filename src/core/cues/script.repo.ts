// Storage of script versions, approvals (how each was given: migration 011), review rounds and the
// deck position (migration 004).
import type { Approval, ReviewComment, ScriptContent, ScriptFormat, ScriptVersionSummary } from '../../shared/contract/index';
import type { Db } from '../storage/database';

export interface StoredVersion {
  id: string;
  showId: string;
  number: number;
  hash: string;
  content: ScriptContent;
  source: string;
  format: ScriptFormat;
  origin: ScriptVersionSummary['origin'];
  warnings: string[];
  createdAt: number;
  createdBy: string;
  parentId: string | null;
}
export interface ReviewRecord {
  versionId: string;
  kind: 'request' | 'return';
  actor: string;
  at: number;
  dueAt: number | null;
  comments: ReviewComment[];
}
export interface DeckRow {
  versionId: string;
  cueId: string | null;
  armedId: string | null;
  showStartedAt: number | null;
  segmentStartedAt: number | null;
  changedAt: number | null;
  loadedAt: number;
  loadedBy: string;
}

export interface ScriptRepo {
  insertVersion(v: StoredVersion): void;
  version(id: string): StoredVersion | null;
  byHash(showId: string, hash: string): StoredVersion | null;
  nextNumber(showId: string): number;
  /** Newest first. */
  versions(showId: string): StoredVersion[];
  approval(versionId: string): Approval | null;
  insertApproval(a: Approval): void;
  reviews(versionId: string): ReviewRecord[];
  insertReview(r: ReviewRecord): void;
  deck(): DeckRow | null;
  saveDeck(row: DeckRow): void;
}

interface VersionRow {
  id: string;
  show_id: string;
  number: number;
  hash: string;
  content: string;
  source: string;
  format: ScriptFormat;
  origin: StoredVersion['origin'];
  warnings: string;
  created_at: number;
  created_by: string;
  parent_id: string | null;
}
interface ApprovalRow {
  version_id: string;
  hash: string;
  approver: string;
  approver_role: string;
  at: number;
  note: string;
  recorded_by: string;
  source: Approval['source'];
  via: Approval['via'];
}
interface ReviewRow {
  version_id: string;
  kind: ReviewRecord['kind'];
  actor: string;
  at: number;
  due_at: number | null;
  comments: string;
}
interface DeckDbRow {
  version_id: string;
  cue_id: string | null;
  armed_id: string | null;
  show_started_at: number | null;
  segment_started_at: number | null;
  changed_at: number | null;
  loaded_at: number;
  loaded_by: string;
}

export function createScriptRepo(db: Db): ScriptRepo {
  const insertV = db.prepare(
    `INSERT INTO script_versions (id, show_id, number, hash, content, source, format, origin, warnings, created_at, created_by, parent_id)
     VALUES (@id, @showId, @number, @hash, @content, @source, @format, @origin, @warnings, @createdAt, @createdBy, @parentId)`,
  );
  const getV = db.prepare<[string], VersionRow>('SELECT * FROM script_versions WHERE id = ?');
  const getByHash = db.prepare<[string, string], VersionRow>('SELECT * FROM script_versions WHERE show_id = ? AND hash = ?');
  const maxNumber = db.prepare<[string], { n: number | null }>('SELECT MAX(number) AS n FROM script_versions WHERE show_id = ?');
  const listV = db.prepare<[string], VersionRow>('SELECT * FROM script_versions WHERE show_id = ? ORDER BY number DESC');
  const getA = db.prepare<[string], ApprovalRow>('SELECT * FROM script_approvals WHERE version_id = ?');
  const insertA = db.prepare(
    `INSERT INTO script_approvals (version_id, hash, approver, approver_role, at, note, recorded_by, source, via)
     VALUES (@versionId, @hash, @approver, @role, @at, @note, @recordedBy, @source, @via)`,
  );
  const listR = db.prepare<[string], ReviewRow>('SELECT * FROM script_reviews WHERE version_id = ? ORDER BY seq');
  const insertR = db.prepare(
    'INSERT INTO script_reviews (version_id, kind, actor, at, due_at, comments) VALUES (@versionId, @kind, @actor, @at, @dueAt, @comments)',
  );
  const getDeck = db.prepare<[], DeckDbRow>('SELECT * FROM cue_deck WHERE id = 1');
  const putDeck = db.prepare(
    `INSERT INTO cue_deck (id, version_id, cue_id, armed_id, show_started_at, segment_started_at, changed_at, loaded_at, loaded_by)
     VALUES (1, @versionId, @cueId, @armedId, @showStartedAt, @segmentStartedAt, @changedAt, @loadedAt, @loadedBy)
     ON CONFLICT(id) DO UPDATE SET version_id = excluded.version_id, cue_id = excluded.cue_id, armed_id = excluded.armed_id,
       show_started_at = excluded.show_started_at, segment_started_at = excluded.segment_started_at,
       changed_at = excluded.changed_at, loaded_at = excluded.loaded_at, loaded_by = excluded.loaded_by`,
  );

  const toVersion = (r: VersionRow): StoredVersion => ({
    id: r.id,
    showId: r.show_id,
    number: r.number,
    hash: r.hash,
    content: JSON.parse(r.content) as ScriptContent,
    source: r.source,
    format: r.format,
    origin: r.origin,
    warnings: JSON.parse(r.warnings) as string[],
    createdAt: r.created_at,
    createdBy: r.created_by,
    parentId: r.parent_id,
  });

  return {
    insertVersion(v) {
      insertV.run({ ...v, content: JSON.stringify(v.content), warnings: JSON.stringify(v.warnings) });
    },
    version(id) {
      const r = getV.get(id);
      return r ? toVersion(r) : null;
    },
    byHash(showId, hash) {
      const r = getByHash.get(showId, hash);
      return r ? toVersion(r) : null;
    },
    nextNumber: (showId) => (maxNumber.get(showId)?.n ?? 0) + 1,
    versions: (showId) => listV.all(showId).map(toVersion),
    approval(versionId) {
      const r = getA.get(versionId);
      return r
        ? { versionId: r.version_id, hash: r.hash, approver: r.approver, role: r.approver_role, at: r.at, note: r.note, recordedBy: r.recorded_by, source: r.source, via: r.via }
        : null;
    },
    insertApproval: (a) => void insertA.run(a),
    reviews: (versionId) =>
      listR.all(versionId).map((r) => ({
        versionId: r.version_id,
        kind: r.kind,
        actor: r.actor,
        at: r.at,
        dueAt: r.due_at,
        comments: JSON.parse(r.comments) as ReviewComment[],
      })),
    insertReview: (r) => void insertR.run({ ...r, comments: JSON.stringify(r.comments) }),
    deck() {
      const r = getDeck.get();
      return r
        ? {
            versionId: r.version_id,
            cueId: r.cue_id,
            armedId: r.armed_id,
            showStartedAt: r.show_started_at,
            segmentStartedAt: r.segment_started_at,
            changedAt: r.changed_at,
            loadedAt: r.loaded_at,
            loadedBy: r.loaded_by,
          }
        : null;
    },
    saveDeck: (row) => void putDeck.run(row),
  };
}
