// Show day: GO and END as recorded decisions. GO signs the preflight as it stands (every check,
// who ticked what, overrides with reasons, script hash, offers, roster) into the audit chain; END
// freezes the show's figures into the history that `show.history` serves.
import { createHash } from 'node:crypto';
import type { AuditEntry, CommentRecord, EndRecord, GoRecord, HealthSample, SegmentMark, ShowDayState, ShowProbe, TestOrderResult } from '../../shared/contract/index';
import { testOrderProbe } from './test-order.probe';
import { buildTimeline } from './timeline.build';
import { createCommentVolume, type CommentVolume } from './comment.volume';
import { forEachCommentPage } from './comment.pages';
import { createServiceWindows, type SignoffRequest } from './service.windows';
import type { CoreModule, ModuleContext } from '../module';
import type { Caller } from '../dispatch/handler';
import { conflict } from '../dispatch/command-failure';
import type { PreflightChecklist } from '../preflight/preflight.ports';
import { decideGo, unfinishedPauses } from './go.rules';
import { computeFigures } from './show.figures';
import { createShowDayRepo } from './showday.repo';
import { createKpiFeed, type LedgerRow } from './kpi.feed';
import { createKpiAlerts } from './kpi.alerts';
import { probeRtmp, type ProbeResult } from './ingest.probe';

const SYSTEM: Caller = { actor: 'system:showday', role: 'producer', via: 'system' };
/** Audit rows hold at most 8 000 characters of arguments: long check details are cut to fit. */
const DETAIL_IN_AUDIT = 240;

export interface ShowdayPorts {
  probeRtmp(server: string): Promise<ProbeResult>;
}
export const defaultShowdayPorts = (now: () => number): ShowdayPorts => ({ probeRtmp: (server) => probeRtmp(server, { timeoutMs: 5000, now }) });

export function createShowdayModule(
  ctx: ModuleContext,
  checklist: PreflightChecklist,
  ports: ShowdayPorts = defaultShowdayPorts(() => ctx.clock.now()),
): CoreModule<'show.go' | 'show.end' | 'show.history' | 'show.probe' | 'show.timeline'> {
  const { db, state, show } = ctx;
  const repo = createShowDayRepo(db);
  let openId: number | null = null;

  const setDay = (next: ShowDayState) => state.set('showday', next);
  // The rolling windows, fed from the commerce ledger once a second while live.
  const ledger = db.prepare<[string, number, number, number], { seq: number; event_key: string | null; type: string; offer_id: string | null; count: number; amount: number | null; currency: string | null; at: number }>(
    `SELECT seq, event_key, type, offer_id, count, amount, currency, at FROM commerce_events
     WHERE show_id = ? AND seq > ? AND received_at >= ? ORDER BY seq LIMIT ?`,
  );
  let feedTimer: ReturnType<typeof setInterval> | null = null;
  let service: ReturnType<typeof createServiceWindows> | null = null;
  const signoffRequests = (): SignoffRequest[] =>
    state
      .get('scripts')
      .versions.filter((v) => v.requestedAt !== null && v.dueAt !== null)
      .map((v) => ({ requestedAt: v.requestedAt!, dueAt: v.dueAt!, decidedAt: v.approval?.at ?? v.returned?.at ?? null }));
  // The timeline's comment volume by intent: read from the comments once (at the first timeline
  // asked for this GO), then kept current from comment changes. `ready` settles when the read is in.
  let volume: { v: CommentVolume; ready: Promise<void> } | null = null;
  const volumeFor = (go: GoRecord) => {
    if (volume?.v.from !== go.at) {
      const v = createCommentVolume(go.at);
      // Changes that arrive while the read runs are counted too: the count is per comment, once.
      volume = { v, ready: commentsSince(go.at, Number.MAX_SAFE_INTEGER, (page) => page.forEach((c) => v.add(c))).then(
          () => undefined,
          () => {
            // Read again at the next timeline asked for; this one has the live changes only.
            if (volume?.v === v) volume = null;
          },
        ),
      };
    }
    return volume;
  };
  // Answered comments feed the response-time windows as they are answered.
  const unwatchComments = state.subscribe((m) => {
    if (m.t !== 'event' || m.event.name !== 'comments.changed') return;
    if (volume) for (const c of m.event.comments) volume.v.add(c);
    if (!service) return;
    // Comments are stamped on the core's steady wall time: read against the same, or a wall-clock step refuses every answer after it.
    const now = ctx.clock.now();
    for (const c of m.event.comments) if (c.answeredAt !== null) service.add({ id: c.id, queue: c.queue, receivedAt: c.receivedAt, answeredAt: c.answeredAt }, now);
  });
  const stopFeed = () => {
    if (feedTimer) clearInterval(feedTimer);
    feedTimer = null;
    service = null;
  };
  const startFeed = (go: GoRecord) => {
    stopFeed();
    const current = show.current()?.show;
    if (!current) return;
    const feed = createKpiFeed({
      offers: current.offers.map((o) => ({ id: o.id, currency: o.price.currency })),
      currency: current.offers[0]?.price.currency ?? 'USD',
      startAt: go.at,
      readSince: (after, limit) =>
        ledger.all(go.showId, after, go.at, limit).map((r) => ({
          seq: r.seq,
          ...(r.event_key ? { id: r.event_key } : {}),
          type: r.type as LedgerRow['type'],
          at: r.at,
          ...(r.offer_id ? { offerId: r.offer_id } : {}),
          count: r.count,
          ...(r.amount !== null ? { amount: r.amount } : {}),
          ...(r.currency ? { currency: r.currency } : {}),
        })),
    });
    service = createServiceWindows({ startAt: go.at, slaSeconds: state.get('comments').slaSeconds });
    const svc = service;
    // Answers given before a restart are read back once; the live ones arrive as comment changes.
    void commentsSince(go.at, ctx.clock.now(), (page) => {
      for (const c of page) if (c.answeredAt !== null) svc.add({ id: c.id, queue: c.queue, receivedAt: c.receivedAt, answeredAt: c.answeredAt }, ctx.clock.now());
    }).catch(() => undefined);
    let last = '';
    const tick = () => {
      const now = ctx.clock.now();
      const out = feed.poll(now);
      const serviceView = svc.view(now, signoffRequests());
      // The windows roll by the second (an order leaves "1m" 60 s after it came): publish when a figure moved.
      const sig = `${out.kpis.accepted}/${out.kpis.refused}/${Math.floor(out.kpis.at / 60_000)}/${JSON.stringify(out.kpis.total)}/${JSON.stringify(out.kpis.offers)}/${JSON.stringify(serviceView.responses.total.show)}/${JSON.stringify(serviceView.approvals)}`;
      if (sig === last) return;
      last = sig;
      state.update('showday', (d) => (d.phase === 'live' ? { ...d, ...out, service: serviceView } : d));
      thresholds.evaluate(out.kpis);
    };
    tick();
    feedTimer = setInterval(tick, 1000);
  };
  const thresholds = createKpiAlerts({ alerts: ctx.alerts, targets: () => show.current()?.show.kpiTargets ?? [], monotonic: () => ctx.clock.monotonic() });

  const restore = (showId: string) => {
    const open = repo.open(showId);
    if (open) {
      openId = open.id;
      setDay({ phase: 'live', go: open.go, end: null, segments: repo.segments(open.id), kpis: null, series: [], refusals: [], probes: state.get('showday').probes });
      startFeed(open.go);
      return;
    }
    openId = null;
    const last = repo.latestFinished(showId);
    setDay(
      last
        ? { phase: 'ended', go: last.go, end: last.end, segments: repo.segments(last.id), kpis: null, series: [], refusals: [], probes: state.get('showday').probes }
        : { phase: 'preflight', go: null, end: null, segments: [], kpis: null, series: [], refusals: [], probes: state.get('showday').probes },
    );
  };
  const unsubscribe = show.onLoaded((l) => restore(l.show.id));

  // While live, every segment that becomes current is marked with the running totals of the moment.
  const markSegment = (at: number) => {
    const day = state.get('showday');
    const cur = state.get('cues').current;
    if (day.phase !== 'live' || openId === null || !cur) return;
    if (day.segments[day.segments.length - 1]?.segmentId === cur.segmentId) return;
    const k = state.get('kpis');
    const mark: SegmentMark = {
      at,
      segmentId: cur.segmentId,
      title: cur.segmentTitle,
      totals: { views: k.views, addToCart: k.addToCart, checkouts: k.checkouts, orders: k.orders, revenue: k.revenue, paymentErrors: k.paymentErrors },
    };
    repo.addSegment(openId, mark);
    setDay({ ...day, segments: [...day.segments, mark] });
  };
  const unwatch = state.subscribe((m) => {
    if (m.t === 'patch' && m.domain === 'cues') markSegment(ctx.clock.now());
  });

  /** The comments received within [from, to], a page at a time: up to a million of them, never all at once. */
  function commentsSince(from: number, to: number, visit: (page: CommentRecord[]) => void): Promise<{ complete: boolean }> {
    return forEachCommentPage((args) => ctx.dispatch('comments.list', args, SYSTEM), from, to, visit);
  }

  const testOrders = async (offerIds: string[]): Promise<ShowProbe> => {
    const results: TestOrderResult[] = [];
    const notes: string[] = [];
    for (const offerId of offerIds) {
      const r = await ctx.dispatch('offer.testOrder', { offerId }, SYSTEM);
      if (r.ok) results.push((r.result as { result: TestOrderResult }).result);
      else notes.push(r.error.message);
    }
    return testOrderProbe(results, notes, ctx.clock.now());
  };

  return {
    handlers: {
      'show.go': (args, c) => {
        const loaded = show.current();
        if (!loaded) throw conflict('No show is loaded: there is nothing to declare GO on.');
        if (state.get('showday').phase === 'live') throw conflict('This show is already live: GO was declared.');
        const checks = checklist.now().checks;
        const s = state.snapshot().state;
        const decision = decideGo(checks, args.overrides ?? []);
        if (!decision.ok) throw conflict(decision.message);
        const l = s.cues.loaded;
        const go: GoRecord = {
          showId: loaded.show.id,
          title: loaded.show.title,
          rehearsal: loaded.show.rehearsal || s.offers.items.some((o) => o.rehearsal),
          at: c.now,
          by: c.caller.actor,
          verdict: decision.verdict,
          checks,
          overrides: decision.overrides,
          script: l
            ? { versionId: l.versionId, number: l.number, hash: l.hash, approvedHash: l.approval.hash, approver: l.approval.approver }
            : null,
          offers: s.offers.items.map((o) => ({ id: o.id, name: o.name, code: o.code, state: o.state, storeKind: o.storeKind, rehearsal: o.rehearsal })),
          ...(s.showday.probes['store.testOrder']?.testOrders ? { testOrders: s.showday.probes['store.testOrder'].testOrders } : {}),
          roster: {
            views: { ...s.station.views },
            tickedBy: [...new Set(checks.filter((x) => x.kind === 'manual' && x.checkedBy).map((x) => `${x.label}: ${x.checkedBy}`))],
          },
        };
        const sha256 = createHash('sha256').update(JSON.stringify(go)).digest('hex');
        // The record, as one row of the chain in the command's transaction; long check details
        // are cut only so the row fits.
        c.audit({
          command: 'show.go.record',
          args: { sha256, ...go, checks: go.checks.map((x) => ({ ...x, detail: x.detail.slice(0, DETAIL_IN_AUDIT) })) },
          detail: go.verdict,
        });
        c.write(() => {
          openId = repo.insertGo(go);
          // The segment on air at GO is the first chapter.
          markSegment(go.at);
        });
        setDay({ phase: 'live', go, end: null, segments: [], kpis: null, series: [], refusals: [], probes: state.get('showday').probes });
        startFeed(go);
        return { go };
      },
      'show.end': async (args, c) => {
        const loaded = show.current();
        const day = state.get('showday');
        if (!loaded || day.phase !== 'live' || !day.go) throw conflict('The show is not live: declare GO before END.');
        if (openId === null) restore(loaded.show.id);
        const id = openId;
        if (id === null) throw conflict('The show’s GO record was not found: END cannot close it.');
        const s = state.snapshot().state;
        const unfinished = unfinishedPauses(s.offers.items);
        if (unfinished.length && !args.overrideReason) {
          throw conflict(`An offer is still changing: ${unfinished.join('; ')}. Wait for the store to confirm, or END with a reason.`);
        }
        let commentsTotal = 0;
        const responseSeconds: number[] = [];
        await commentsSince(day.go.at, c.now, (page) => {
          commentsTotal += page.length;
          for (const x of page) if (x.responseSeconds !== null) responseSeconds.push(x.responseSeconds);
        });
        const pauses: AuditEntry[] = [];
        let before: number | undefined;
        for (let pages = 0; pages < 100; pages++) {
          const r = await ctx.dispatch('audit.list', { limit: 500, command: 'offer.pause', ...(before !== undefined ? { before } : {}) }, SYSTEM);
          const entries = r.ok ? (r.result as { entries: AuditEntry[] }).entries : [];
          pauses.push(...entries);
          if (entries.length < 500 || entries[entries.length - 1]!.at < day.go.at) break;
          before = entries[entries.length - 1]!.seq;
        }
        const figures = computeFigures({
          go: day.go,
          endAt: c.now,
          kpis: s.kpis,
          commentsTotal,
          responseSeconds,
          pauses,
          alerts: s.alerts.items,
        });
        const end: EndRecord = { at: c.now, by: c.caller.actor, overrideReason: unfinished.length ? (args.overrideReason ?? null) : null, unfinished, figures };
        c.write(() => repo.finish(id, end));
        openId = null;
        stopFeed();
        setDay({ ...state.get('showday'), phase: 'ended', go: day.go, end });
        return { end };
      },
      'show.history': ({ limit }) => ({ shows: repo.history(limit) }),
      'show.timeline': async (_args, c) => {
        const day = state.get('showday');
        if (!day.go) return { timeline: null };
        const go = day.go;
        // The audit rows since GO, newest first from the chain, paged back until GO's own row — not
        // until a row older than GO: once the show has ended the station may realign its clock back
        // to the OS clock (platform/clock-drift.ts), and the rows written after that are stamped
        // before GO though they come after the show in the chain.
        const isGoRow = (e: AuditEntry) => {
          const a = e.args as { at?: unknown; showId?: unknown } | null;
          return e.command === 'show.go.record' && a?.at === go.at && a.showId === go.showId;
        };
        const audit: AuditEntry[] = [];
        let before: number | undefined;
        for (let pages = 0; pages < 50; pages++) {
          const r = await ctx.dispatch('audit.list', { limit: 1000, ...(before !== undefined ? { before } : {}) }, SYSTEM);
          const entries = r.ok ? (r.result as { entries: AuditEntry[] }).entries : [];
          audit.push(...entries.filter((e) => e.at >= go.at));
          if (entries.length < 1000 || entries.some(isGoRow)) break;
          before = entries[entries.length - 1]!.seq;
        }
        const h = await ctx.dispatch('obs.history', { from: go.at }, SYSTEM);
        const health = h.ok ? (h.result as { samples: HealthSample[] }).samples : [];
        const s = state.snapshot().state;
        const vol = volumeFor(go);
        await vol.ready;
        const to = day.end?.at ?? c.now;
        const timeline = buildTimeline({ go, end: day.end, to: c.now, segments: day.segments, audit: audit.reverse(), health, comments: vol.v.buckets(to), alerts: s.alerts.items, firings: s.offers.firings });
        return { timeline };
      },
      'show.probe': async () => {
        const current = show.current();
        if (!current) throw conflict('No show is loaded.');
        const backup = current.show.obs.ingest?.backup;
        const result: ProbeResult = backup
          ? await ports.probeRtmp(backup.server)
          : { status: 'fail', detail: 'the show names no backup ingest (obs.ingest.backup)', at: ctx.clock.now() };
        const probes: Record<string, ShowProbe> = { 'ingest.backup': result };
        // The test order places a real order: only when the show's checklist asks for it.
        if (current.show.checklist.some((i) => i.kind === 'auto' && i.check === 'store.testOrder')) {
          probes['store.testOrder'] = await testOrders(current.show.offers.map((o) => o.id));
        }
        state.update('showday', (d) => ({ ...d, probes: { ...d.probes, ...probes } }));
        return { probes: state.get('showday').probes };
      },
    },
    start() {
      const l = show.current();
      if (l) restore(l.show.id);
    },
    close() {
      stopFeed();
      unsubscribe();
      unwatch();
      unwatchComments();
    },
  };
}
