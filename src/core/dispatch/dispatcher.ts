// The one way to change state: canonical text → authorise → validate → handle → audit (with the
// outcome) → patch. Refused commands are audited too (unknown names, wrong role, bad arguments: the
// last two by the shape of what was sent). Reads skip the audit: they change nothing.
import type { z } from 'zod';
import {
  commands,
  isCommandName,
  type CommandError,
  type CommandName,
  type CommandSpec,
  type ResultOf,
} from '../../shared/contract/index';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { noTrace, type Trace } from '../platform/trace';
import type { AuditInput, AuditWriter } from '../storage/audit-writer';
import { CommandFailure } from './command-failure';
import { canonicalArgs, replacementNote } from './request-text';
import { wellFormed } from '../storage/well-formed-text';
import { clip } from '../../shared/text/clip';
import { shapeOf } from './args-shape';
import type { Caller, HandlerContext, HandlerMap } from './handler';

export type DispatchResult<R = unknown> = { ok: true; result: R } | { ok: false; error: CommandError };

export interface Dispatcher {
  dispatch<N extends CommandName>(name: N, args: unknown, caller: Caller): Promise<DispatchResult<ResultOf<N>>>;
  dispatch(name: string, args: unknown, caller: Caller): Promise<DispatchResult>;
}

export interface DispatcherDeps {
  /** Writes each command's rows in the transaction of its queued writes. */
  audit: AuditWriter;
  clock: Clock;
  log: Logger;
  /** One handler per contract command: the compiler checks the table is complete. */
  handlers: HandlerMap;
  /** Opt-in timing of each command's steps (BATON_TRACE_FILE); a no-op otherwise. */
  trace?: Trace;
}

const MAX_NAME = 80;

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { audit, clock, log, handlers } = deps;
  const trace = deps.trace ?? noTrace;

  /** The command's row (after the rows it queued), with its outcome, in one transaction with its writes. */
  const record = (
    name: string,
    args: unknown,
    caller: Caller,
    at: number,
    started: number,
    result: DispatchResult,
    writes: readonly (() => void)[],
    rows: readonly AuditInput[],
    replaced: number,
  ): DispatchResult => {
    const outcome = result.ok ? 'ok' : `${refusal(result.error.code) ? 'refused' : 'failed'}:${result.error.code}`;
    const message = result.ok ? null : result.error.message;
    // A repaired request says so in its row: what is stored is not byte for byte what was sent.
    const note = replaced > 0 ? `(${replacementNote(replaced)})` : null;
    const row: AuditInput = {
      at,
      command: name,
      args,
      outcome,
      detail: message && note ? `${message} ${note}` : (message ?? note),
      durationMs: performance.now() - started,
    };
    try {
      audit.commit(caller, [...rows, row], writes);
      trace('committed');
      return result;
    } catch (error) {
      // The handler's writes were rolled back with the audit rows: record that, then fail.
      const message = error instanceof Error ? error.message : String(error);
      log.error('command write failed', { command: name, error: message });
      const failedResult: DispatchResult = { ok: false, error: { code: 'internal', message: `storage failed: ${message}` } };
      try {
        audit.commit(caller, [...rows, { ...row, outcome: 'failed:internal', detail: failedResult.error.message }]);
      } catch {
        // The disk is gone; the log line above is all we can do.
      }
      return failedResult;
    }
  };

  const dispatch = (rawName: string, rawArgs: unknown, caller: Caller): Promise<DispatchResult> => {
    trace('dispatch');
    const started = performance.now();
    const at = clock.now();
    // Text first: every later step (lookup, role check, validation, handler, audit) sees the same
    // well-formed name and arguments.
    const named = wellFormed(typeof rawName === 'string' ? rawName : String(rawName));
    const name = named.text;
    const shownName = clip(name, MAX_NAME);
    if (!isCommandName(name)) {
      const error = fail('unknown_command', `There is no command "${shownName}". GET /api/commands lists them.`);
      return Promise.resolve(record(shownName, null, caller, at, started, error, [], [], named.replaced));
    }
    const spec: CommandSpec = commands[name];
    const auditable = spec.kind === 'write';
    const secretKeys = spec.secretArgs ?? [];
    const refuse = (error: CommandError, args: unknown, replaced: number): Promise<DispatchResult> =>
      Promise.resolve(auditable ? record(name, args, caller, at, started, { ok: false, error }, [], [], replaced) : { ok: false, error });

    // The role comes before the arguments: a refused caller learns nothing about their shape.
    if (!spec.roles.includes(caller.role)) {
      return refuse(
        { code: 'forbidden', message: `${name} is for ${spec.roles.join(' or ')}; you are signed in as ${caller.role}.` },
        shapeOf(rawArgs ?? {}, secretKeys),
        named.replaced,
      );
    }
    const canonical = canonicalArgs(rawArgs ?? {});
    if (!canonical.ok) {
      return refuse(
        { code: 'invalid_args', message: `Bad arguments for ${name}: ${canonical.message}.`, issues: [{ path: '', message: canonical.message }] },
        shapeOf(rawArgs ?? {}, secretKeys),
        named.replaced,
      );
    }
    const replaced = named.replaced + canonical.replaced;
    const parsed = spec.args.safeParse(canonical.value);
    if (!parsed.success) {
      const error: CommandError = {
        code: 'invalid_args',
        message: `Bad arguments for ${name}: ${describeIssues(parsed.error)}`,
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      };
      // Refused arguments are kept as their shape only: never a secret, never text to trust later.
      return refuse(error, shapeOf(canonical.value, secretKeys), replaced);
    }
    const handler = handlers[name];

    const writes: (() => void)[] = [];
    const rows: AuditInput[] = [];
    const ctx: HandlerContext = {
      caller,
      now: at,
      write: (fn) => void writes.push(fn),
      audit: (row) => void rows.push(row),
      // A step of a long command: what is queued so far lands now, through the same one audit writer.
      commit: () => void audit.commit(caller, rows.splice(0), writes.splice(0)),
    };
    const settle = (result: DispatchResult): DispatchResult => {
      trace('handled');
      if (!auditable) {
        // A read writes no row of its own, but what it queued still lands together.
        try {
          audit.commit(caller, rows, result.ok ? writes : []);
          return result;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log.error('command write failed', { command: name, error: message });
          return fail('internal', `storage failed: ${message}`);
        }
      }
      return record(name, auditArgs(spec, parsed.data), caller, at, started, result, result.ok ? writes : [], rows, replaced);
    };
    let out: unknown;
    try {
      out = handler(parsed.data as never, ctx);
    } catch (error) {
      return Promise.resolve(settle(toFailure(error, name, log)));
    }
    if (isPromiseLike(out)) {
      return Promise.resolve(out).then(
        (result) => settle({ ok: true, result }),
        (error: unknown) => settle(toFailure(error, name, log)),
      );
    }
    // Every handler is audited in the turn it settles in, and patches are published only after that
    // turn (the state store's scheduler), so a command's patch always follows its audit row.
    return Promise.resolve(settle({ ok: true, result: out }));
  };

  return { dispatch } as Dispatcher;
}

function fail(code: CommandError['code'], message: string): DispatchResult {
  return { ok: false, error: { code, message } };
}

function refusal(code: CommandError['code']): boolean {
  return code === 'unauthenticated' || code === 'forbidden' || code === 'unknown_command' || code === 'invalid_args' || code === 'conflict';
}

function toFailure(error: unknown, name: string, log: Logger): DispatchResult {
  if (error instanceof CommandFailure) return { ok: false, error: error.toError() };
  const message = error instanceof Error ? error.message : String(error);
  log.error('command crashed', { command: name, error: message, stack: error instanceof Error ? error.stack : undefined });
  return { ok: false, error: { code: 'internal', message: `${name} failed inside the station: ${message}` } };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** Valid arguments as the audit keeps them: secret fields replaced, bulky ones summarised by the spec. */
function auditArgs(spec: CommandSpec, value: unknown): unknown {
  const redacted = redactSecrets(spec, value);
  return spec.auditArgs ? spec.auditArgs(redacted as z.output<z.ZodType>) : redacted;
}

function redactSecrets(spec: CommandSpec, value: unknown): unknown {
  if (!spec.secretArgs || !value || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const k of spec.secretArgs) if (k in copy) copy[k] = '[secret]';
  return copy;
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`)
    .join('; ');
}
