// One row of HQ's own audit trail (hq_audit): who changed what at HQ, before → after. The post-mortem
// board writes its own rows inside its transaction (views/postmortem.repo.ts); this is for the rest.
import type { Queryable } from './hq-db';

export async function recordHqAudit(q: Queryable, row: { actor: string; action: string; target: string; before?: unknown; after: unknown }): Promise<void> {
  await q.query('INSERT INTO hq_audit (actor, action, target, before, after) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)', [
    row.actor,
    row.action,
    row.target,
    row.before === undefined ? null : JSON.stringify(row.before),
    JSON.stringify(row.after),
  ]);
}
