// The shape of one command in the contract: its argument schema, the roles allowed to call it and
// whether it changes state (writes are audited; reads are not). The result type is carried as a
// phantom so that clients get `send('obs.switchScene', …)` typed end to end.
import type { z } from 'zod';
import type { Role } from './roles';

export interface CommandSpec<A extends z.ZodType = z.ZodType, R = unknown> {
  readonly summary: string;
  readonly roles: readonly Role[];
  readonly kind: 'read' | 'write';
  readonly args: A;
  /** Top-level argument fields replaced by "[secret]" before the audit log sees them. */
  readonly secretArgs?: readonly string[];
  /** Replaces the arguments in the audit row when they are bulky (e.g. a batch of comments). */
  readonly auditArgs?: (args: z.output<A>) => unknown;
  /** Phantom: never set at run time. */
  readonly __result?: R;
}

/** `command<Result>()({ ... })`: the curried form lets TypeScript infer A while R is given. */
export function command<R>() {
  return <A extends z.ZodType>(spec: Omit<CommandSpec<A, R>, '__result'>): CommandSpec<A, R> => spec;
}

/** Every role, the read-only observer included: for reads every view needs (who am I, the show). */
export const ALL_ROLES: readonly Role[] = ['producer', 'host', 'moderator', 'approver', 'commerce', 'customer-service', 'observer'];
/** The desk roles of the first release: the commands they shared keep exactly these three. */
export const DESK_ROLES: readonly Role[] = ['producer', 'host', 'moderator'];
export const PRODUCER: readonly Role[] = ['producer'];
export const PRODUCER_MODERATOR: readonly Role[] = ['producer', 'moderator'];
/** The comment desk: moderators and customer service (who work the complaints queue). */
export const COMMENT_DESK: readonly Role[] = ['producer', 'moderator', 'customer-service'];
