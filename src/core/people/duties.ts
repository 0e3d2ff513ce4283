// Separation of duties, enforced where commands are handled (never only in a view): the author of
// a script cannot approve it, only the show's toggle owner (or deputy) pauses and resumes offers
// (a button panel counts as the person it was issued for, and a panel issued for nobody is refused),
// a manual preflight item is ticked by its owner, and a flagged reply macro is not posted without
// the producer's explicit, audited override. Each rule wraps the domain's handler; the domains'
// own logic is unchanged.
import type { Handler, HandlerContext, HandlerMap } from '../dispatch/handler';
import { CommandFailure } from '../dispatch/command-failure';
import type { AlertsService } from '../alerts/alerts.service';
import type { ShowService } from '../show/show.service';
import type { StateStore } from '../state/state.store';
import type { Timers } from '../platform/timers';
import type { Show } from '../../shared/show/show.schema';
import { actorOf } from './people.roles';

type Guarded = 'script.approve' | 'offer.pause' | 'offer.resume' | 'preflight.tick' | 'comment.answer';

export interface DutiesDeps {
  show: Pick<ShowService, 'current'>;
  alerts: Pick<AlertsService, 'raise' | 'clear' | 'stamp'>;
  state: Pick<StateStore, 'get'>;
  /** After the current turn: work a command's answer need not wait for. */
  timers: Pick<Timers, 'defer'>;
}

const forbidden = (message: string) => new CommandFailure('forbidden', message);
type ShowPerson = Show['people'][number];

/** A show person named by id or name (case-insensitive), as show files and typed fields name them. */
export function findPerson(show: Show, ref: string): ShowPerson | undefined {
  const wanted = ref.trim().toLowerCase();
  return show.people.find((p) => p.id.toLowerCase() === wanted || p.name.toLowerCase() === wanted);
}

export const nameOf = (show: Show, ref: string) => findPerson(show, ref)?.name ?? ref;
export const pauseRequestKey = (offerId: string) => `offer.pauseRequest.${offerId}`;

/** True when the caller is the show person `ref` (a person's token), or holds the show role `ref`. */
function callerIs(show: Show, ctx: HandlerContext, ref: string): boolean {
  if (!ctx.caller.personId) return false;
  const p = findPerson(show, ref);
  if (p) return p.id === ctx.caller.personId;
  return show.people.some((q) => q.id === ctx.caller.personId && q.role === ref);
}

/** The command table with the show's duties enforced around the handlers they concern. */
export function withDuties<T extends HandlerMap>(table: T, deps: DutiesDeps): T {
  const showOf = () => deps.show.current()?.show ?? null;

  const approve: Handler<'script.approve'> = async (args, ctx) => {
    const show = showOf();
    if (show) {
      const { version } = await table['script.get']({ versionId: args.versionId }, ctx);
      // An approver signs in their own name: the link says who they are, a typed name does not.
      if (ctx.caller.role === 'approver' && ctx.caller.personId) {
        const self = findPerson(show, ctx.caller.personId);
        if (!self || findPerson(show, args.approver)?.id !== self.id) {
          throw forbidden(`You sign as yourself (${ctx.caller.name ?? ctx.caller.personId}); another approver signs through their own link.`);
        }
      }
      const approver = findPerson(show, args.approver);
      if (ctx.caller.personId && version.createdBy === ctx.caller.actor) {
        throw forbidden(`You wrote version ${version.number}: its approval must come from someone else who signs for the show (legal or brand).`);
      }
      if (approver && actorOf(approver) === version.createdBy) {
        throw forbidden(`${approver.name} wrote version ${version.number} and cannot approve it: ask another approver of the show.`);
      }
    }
    return table['script.approve'](args, ctx);
  };

  /** When the show names a toggle owner, a person who is neither the owner nor the deputy is refused. */
  const toggleGuard = <N extends 'offer.pause' | 'offer.resume'>(name: N): Handler<N> =>
    ((args: Parameters<Handler<N>>[0], ctx: HandlerContext) => {
      const show = showOf();
      const toggle = show?.toggle;
      // People, and button panels (which act for the person they were issued for, or for nobody).
      if (show && toggle && (ctx.caller.personId || ctx.caller.panel) && ctx.caller.via !== 'system') {
        const allowed = [toggle.owner, ...(toggle.deputy ? [toggle.deputy] : [])];
        if (!allowed.some((ref) => callerIs(show, ctx, ref))) {
          const who = `${nameOf(show, toggle.owner)}${toggle.deputy ? ` (deputy ${nameOf(show, toggle.deputy)})` : ''}`;
          if (ctx.caller.panel && !ctx.caller.personId) {
            throw forbidden(
              `Panel ${ctx.caller.panel} acts for nobody in this show, and only ${who} pulls the commerce toggle. Issue the panel for them (People → devices), or raise a pause request (offer.pauseRequest): they confirm it with one click.`,
            );
          }
          throw forbidden(`Only ${who} pulls the commerce toggle in this show. Raise a pause request instead (offer.pauseRequest): they confirm it with one click.`);
        }
      }
      const out = table[name](args as never, ctx);
      // The pause answers a pause request: its alarm ends once the pause is confirmed, after the
      // reply. Clearing it is a state change and an audit transaction of the alerts' own (not a row
      // of this command), which the owner's one-click answer to the request must not wait for. The
      // clear ends the requests made up to the confirmation: one raised after it, in the same turn,
      // asks for the next pause and stays.
      if (name === 'offer.pause') {
        const key = pauseRequestKey((args as { offerId: string }).offerId);
        void Promise.resolve(out).then(() => {
          const upTo = deps.alerts.stamp();
          deps.timers.defer(() => deps.alerts.clear(key, upTo));
        }, () => undefined);
      }
      return out;
    }) as Handler<N>;

  const tick: Handler<'preflight.tick'> = (args, ctx) => {
    const show = showOf();
    const item = show?.checklist.find((i) => i.id === args.id);
    if (show && item && item.kind === 'manual') {
      if (item.owner) {
        // The station owner's bootstrap producer token may still tick (it is labelled and audited as such).
        const bootstrapProducer = !ctx.caller.personId && ctx.caller.role === 'producer';
        if (!callerIs(show, ctx, item.owner) && !bootstrapProducer) {
          throw forbidden(`“${item.label}” is ticked by ${nameOf(show, item.owner)}, its owner in this show.`);
        }
      } else if (ctx.caller.role !== 'producer') {
        throw forbidden(`“${item.label}” names no owner, so a producer ticks it.`);
      }
    } else if (ctx.caller.role !== 'producer') {
      throw forbidden('preflight.tick is for the item’s owner or a producer.');
    }
    return table['preflight.tick'](args, ctx);
  };

  const answer: Handler<'comment.answer'> = (args, ctx) => {
    if (args.send && args.macroId !== undefined) {
      const flag = deps.state.get('alerts').items.find((a) => a.key === `script.macro.${args.macroId}` && a.clearedAt === null);
      if (flag) {
        if (!args.override) {
          throw forbidden(`The compliance guard flags this macro: ${flag.message} It is not posted unless the producer overrides explicitly.`);
        }
        if (ctx.caller.role !== 'producer') throw forbidden('Only a producer can override the compliance guard.');
        ctx.audit({ command: 'comment.answer.override', args: { id: args.id, macroId: args.macroId }, detail: flag.message });
      }
    } else if (args.override && ctx.caller.role !== 'producer') {
      throw forbidden('Only a producer can override the compliance guard.');
    }
    return table['comment.answer'](args, ctx);
  };

  const guarded: Pick<HandlerMap, Guarded> = {
    'script.approve': approve,
    'offer.pause': toggleGuard('offer.pause'),
    'offer.resume': toggleGuard('offer.resume'),
    'preflight.tick': tick,
    'comment.answer': answer,
  };
  return withPersonIdentity({ ...table, ...guarded });
}

/**
 * A person's desk identity is their account: a typed `by` name is replaced by who the token says
 * they are, so nobody claims or answers as someone else.
 */
function withPersonIdentity<T extends HandlerMap>(table: T): T {
  const out: Record<string, (args: unknown, ctx: HandlerContext) => unknown> = {};
  for (const [name, handler] of Object.entries(table) as [string, (args: unknown, ctx: HandlerContext) => unknown][]) {
    out[name] = (args, ctx) => {
      if (ctx.caller.personId && args && typeof args === 'object' && 'by' in args && (args as { by?: unknown }).by !== undefined) {
        return handler({ ...(args as object), by: ctx.caller.actor }, ctx);
      }
      return handler(args, ctx);
    };
  }
  return out as T;
}
