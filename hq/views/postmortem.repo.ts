// What HQ's people set on the post-mortem board — each item's owner and due date — and HQ's own
// audit trail of those changes (who, when, before → after), written in one transaction.
import type { HqDb, Queryable } from '../db/hq-db';

export interface ItemDecision {
  owner: string | null;
  /** YYYY-MM-DD */
  due: string | null;
  updatedAt: Date;
  updatedBy: string;
}

export interface HqAuditRow {
  id: number;
  at: Date;
  actor: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

/** What the board says when an edit is refused; the redirect carries only the code. */
export const BOARD_PROBLEMS = {
  name: 'Name yourself first (up to 80 characters).',
  item: 'That is not an item of this board.',
  owner: 'An owner is a name of up to 120 characters.',
  due: 'A due date is a day such as 2026-12-12.',
} as const;
export type BoardProblem = keyof typeof BOARD_PROBLEMS;

export class BoardInputError extends Error {
  constructor(readonly code: BoardProblem) {
    super(BOARD_PROBLEMS[code]);
  }
}

const PRINTABLE = /^[^\u0000-\u001f\u007f]*$/;

/** Parses one edit from the board's form; every field hostile until checked. */
export function parseItemEdit(form: URLSearchParams): { key: string; owner: string | null; due: string | null } {
  const key = form.get('key') ?? '';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\/(alert|offer_pause)\/[^\s]{1,200}$/.test(key)) throw new BoardInputError('item');
  const owner = (form.get('owner') ?? '').trim();
  if (owner.length > 120 || !PRINTABLE.test(owner)) throw new BoardInputError('owner');
  const due = (form.get('due') ?? '').trim();
  if (due && (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(`${due}T00:00:00Z`)) || new Date(`${due}T00:00:00Z`).toISOString().slice(0, 10) !== due)) {
    throw new BoardInputError('due');
  }
  return { key, owner: owner || null, due: due || null };
}

export function parseActor(name: string | null): string | null {
  const n = (name ?? '').trim();
  return n && n.length <= 80 && PRINTABLE.test(n) ? n : null;
}

export async function loadDecisions(q: Queryable): Promise<Map<string, ItemDecision>> {
  const rows = await q.query<{ item_key: string; owner: string | null; due: string | null; updated_at: Date; updated_by: string }>(
    "SELECT item_key, owner, to_char(due, 'YYYY-MM-DD') AS due, updated_at, updated_by FROM postmortem_items",
  );
  return new Map(rows.map((r) => [r.item_key, { owner: r.owner, due: r.due, updatedAt: r.updated_at, updatedBy: r.updated_by }]));
}

export async function decideItem(db: HqDb, actor: string, edit: { key: string; owner: string | null; due: string | null }): Promise<void> {
  await db.tx(async (q) => {
    const [before] = await q.query<{ owner: string | null; due: string | null }>(
      "SELECT owner, to_char(due, 'YYYY-MM-DD') AS due FROM postmortem_items WHERE item_key = $1 FOR UPDATE",
      [edit.key],
    );
    await q.query(
      `INSERT INTO postmortem_items (item_key, owner, due, updated_by) VALUES ($1, $2, $3::date, $4)
       ON CONFLICT (item_key) DO UPDATE SET owner = excluded.owner, due = excluded.due, updated_at = now(), updated_by = excluded.updated_by`,
      [edit.key, edit.owner, edit.due, actor],
    );
    await q.query('INSERT INTO hq_audit (actor, action, target, before, after) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)', [
      actor,
      'postmortem.item',
      edit.key,
      before ? JSON.stringify(before) : null,
      JSON.stringify({ owner: edit.owner, due: edit.due }),
    ]);
  });
}

export async function recentHqAudit(q: Queryable, limit = 30): Promise<HqAuditRow[]> {
  const rows = await q.query<HqAuditRow & { id: string | number }>('SELECT id, at, actor, action, target, before, after FROM hq_audit ORDER BY id DESC LIMIT $1', [limit]);
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}
