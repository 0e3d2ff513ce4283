// Go/no-go preflight: the show's checklist, evaluated against the live state of every subsystem
// whenever it changes, plus manual items ticked by a named person (kept in SQLite).
// `preflight.run` also makes the active checks happen now (a store read-back per offer).
import type { PersonAccess, preflightCommands } from '../../shared/contract/index';
import type { CoreModule, ModuleContext } from '../module';
import type { SliceOf } from '../dispatch/handler';
import type { PreflightChecklist, PreflightPorts } from './preflight.ports';
import { conflict } from '../dispatch/command-failure';
import { evaluatePreflight, restamp, type Tick } from './preflight.checks';

const WATCHED = new Set(['obs', 'cues', 'offers', 'comments', 'station', 'show', 'showday']);

/** The people's access for the roster check, and a signal when it changes (the people module). */
export interface RosterSource {
  list(now: number): PersonAccess[];
  onChanged(listener: () => void): () => void;
}

export function createPreflightModule(
  ctx: ModuleContext,
  _ports: PreflightPorts,
  roster?: RosterSource,
): CoreModule<SliceOf<typeof preflightCommands>> & { checklist: PreflightChecklist } {
  const { db, state, clock, show } = ctx;
  const ticks = new Map<string, Tick>();
  const loadTicks = db.prepare<[string], { item_id: string; done: number; by: string; at: number }>(
    'SELECT item_id, done, by, at FROM preflight_ticks WHERE show_id = ?',
  );
  const saveTick = db.prepare(
    `INSERT INTO preflight_ticks (show_id, item_id, done, by, at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(show_id, item_id) DO UPDATE SET done = excluded.done, by = excluded.by, at = excluded.at`,
  );
  let lastRunAt: number | null = null;
  let scheduled = false;

  const recompute = () => {
    scheduled = false;
    const now = clock.now();
    const next = evaluatePreflight(show.current()?.show ?? null, state.snapshot().state, ticks, now, null, roster?.list(now) ?? []);
    state.set('preflight', restamp(state.get('preflight'), next, lastRunAt));
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setTimeout(recompute, 50);
  };

  show.onLoaded((l) => {
    ticks.clear();
    for (const r of loadTicks.all(l.show.id)) ticks.set(r.item_id, { done: r.done === 1, by: r.by, at: r.at });
    schedule();
  });
  const unsubscribe = state.subscribe((m) => {
    if (m.t === 'patch' && WATCHED.has(m.domain)) schedule();
  });
  const offRoster = roster?.onChanged(schedule);

  return {
    checklist: {
      now() {
        recompute();
        return state.get('preflight');
      },
    },
    handlers: {
      'preflight.run': async (_args, c) => {
        const current = show.current();
        if (!current) throw conflict('No show is loaded: there is no checklist to run.');
        lastRunAt = c.now;
        // Active checks: ask each store for a read-back now, through the same command chain.
        const offers = state.get('offers').items;
        const system = { actor: 'system:preflight', role: 'producer', via: 'system' } as const;
        await Promise.all([
          ...offers.map((o) => ctx.dispatch('offer.refresh', { offerId: o.id }, system)),
          // Show-day probes (backup ingest); their result lands in the state the checks read.
          ctx.dispatch('show.probe', {}, system),
        ]);
        recompute();
        return { verdict: state.get('preflight').verdict };
      },
      'preflight.tick': ({ id, done }, c) => {
        const current = show.current();
        if (!current) throw conflict('No show is loaded.');
        const item = current.show.checklist.find((i) => i.id === id);
        if (!item) throw conflict(`The checklist has no item “${id}”.`);
        if (item.kind !== 'manual') throw conflict(`“${item.label}” is checked by the station, not ticked by hand.`);
        const tick = { done, by: c.caller.actor, at: c.now };
        c.write(() => saveTick.run(current.show.id, id, done ? 1 : 0, tick.by, tick.at));
        ticks.set(id, tick);
        recompute();
        return { status: done ? 'pass' : 'pending' };
      },
    },
    start() {
      recompute();
    },
    close() {
      unsubscribe();
      offRoster?.();
    },
  };
}
