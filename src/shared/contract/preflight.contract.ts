// Go/no-go: every check is run by the station against the real thing, or ticked by a named person.
import { z } from 'zod';
import { PRODUCER, command } from './command';

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'pending';
export interface PreflightCheck {
  id: string;
  label: string;
  kind: 'auto' | 'manual';
  status: CheckStatus;
  detail: string;
  /** A manual item: when it was ticked. An automatic check: when the station first gave this verdict (or the last `preflight.run`, if later). */
  checkedAt: number | null;
  checkedBy: string | null;
  /** An automatic check's rule (the show file's `check`, e.g. `comments.sources`): the role policy reads it. */
  rule?: string;
}
export interface PreflightState {
  checks: PreflightCheck[];
  verdict: 'go' | 'no-go' | 'pending';
}

export const preflightCommands = {
  'preflight.run': command<{ verdict: PreflightState['verdict'] }>()({
    summary: 'Run every automatic check now.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'preflight.tick': command<{ status: CheckStatus }>()({
    summary: 'Tick (or untick) a manual checklist item. An item with a named owner is ticked by that person only.',
    // Any view may ask; the station lets only the item's owner (or, for items without one, a producer) tick it.
    roles: ['producer', 'host', 'moderator', 'approver', 'commerce', 'customer-service'],
    kind: 'write',
    args: z.object({ id: z.string().min(1), done: z.boolean() }).strict(),
  }),
};
