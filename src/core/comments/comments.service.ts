// The comments domain's live state for the loaded show: the classifier (with this show's
// corrections), routing, counts, open queues, pins, and the sources' health; and the one place
// where a comment's handling changes (memory, SQLite and the views move together).
import { kpiAudience } from '../../shared/contract/role-policy';
import {
  INTENTS,
  type AnswerPin,
  type CommentRecord,
  type CommentsState,
  type Intent,
  type PinnedProduct,
} from '../../shared/contract/index';
import type { QueueName, Show } from '../../shared/show/show.schema';
import type { ModuleContext } from '../module';
import type { HandlerContext } from '../dispatch/handler';
import type { CommentsPorts } from './comments.ports';
import type { Triage } from './triage/triage.types';
import type { SourceComment } from './comment.model';
import { catalogOf, skuForTitle } from './comments.catalog';
import { classifyComment } from './comments.classify';
import { DEFAULT_DEMAND_POLICY, DEMAND_PREFIX } from './demand.signal';
import { createCommentsRepo, type CommentsRepo } from './comments.repo';
import { createIngestPipeline, type IngestPipeline, type SubmitOutcome } from './comments.pipeline';
import { createQueueIndex, type QueueIndex } from './comments.queues';
import { createClusterIndex, type ClusterIndex } from './comments.clusters';
import { clusterIdOf, clusterKeyOf } from './cluster.key';
import { macroReply } from '../../shared/show/macro.reply';
import type { HandlingChange, PendingComment } from './comment.model';
import { createGroupWork, type GroupWork } from './group-work';
import { createGroupJobsRepo } from './group-jobs.repo';
import { createReplyLedger, type ReplyLedger } from './reply.ledger';
import { createCommentsPublisher, type CommentsPublisher } from './comments.publisher';
import { DEFAULT_ROUTING, watchedQueues, type Routing } from './comments.router';
import { createSourceManager, type SourceManager } from './sources/source.manager';
import { createCheckoutIncidentDetector, DEFAULT_CHECKOUT_INCIDENT, type CheckoutIncident, type CheckoutIncidentRule } from './comments.incident';
import { QUEUE_LABELS } from '../../shared/show/queue-labels';
import { createLatches } from '../alerts/hysteresis';
import { DEFAULT_OVERFLOW_ALARM, overflowReading, type OverflowAlarmRule } from './overflow.alarm';

const TRIAGE_ACTOR = 'system:triage';

export interface ShowConfig {
  showId: string;
  show: Show | null;
  routing: Routing;
  unsureBelow: number;
  slaSeconds: number;
  limits: { backlog: number; oldestSeconds: number };
  /** When the overflow alarm goes up and comes down (the limits above are its raise marks). */
  alarm: OverflowAlarmRule;
  watched: Set<QueueName>;
}


export interface CommentsService {
  readonly repo: CommentsRepo;
  readonly index: QueueIndex;
  /** Open work items (clusters of comments asking the same thing), in desk order. */
  readonly clusters: ClusterIndex;
  readonly sources: SourceManager;
  readonly pipeline: IngestPipeline;
  readonly publisher: CommentsPublisher;
  /** Big work items handled in steps: who holds which, how far each is, and the jobs a stop cut short. */
  readonly work: GroupWork;
  /** Which public replies went out where, to whom (durable): a retry posts nothing twice. */
  readonly replies: ReplyLedger;
  /**
   * The time comments are stamped with (received, claimed, answered) and their waits read against:
   * the wall clock at start plus monotonic time since, so a wall-clock step mid-show makes no wait
   * negative or hours long (platform/steady-wall.ts).
   */
  now(): number;
  config(): ShowConfig;
  triage(): Triage;
  /** Classifies and submits received comments; resolves when they are committed. */
  receive(batch: readonly SourceComment[], source: string, rehearsal: boolean): Promise<SubmitOutcome>;
  /** The committed comment by id (buffered ones are committed first), or null. */
  find(id: string): CommentRecord | null;
  /** Queues the handling change in the command's transaction; memory and views follow the write. */
  save(ctx: HandlerContext, next: CommentRecord, prev: CommentRecord, extra?: () => void): CommentRecord;
  /**
   * `save` for many comments at once (one work item answered, dismissed or escalated): one queued
   * write for them all, one event and one summary rebuild, so the command costs one pass over them.
   */
  saveAll(ctx: HandlerContext, changes: readonly HandlingChange[]): CommentRecord[];
  pinnedId(): string | null;
  /** Answers left pinned, by cluster key: later arrivals with that key are attached to them. */
  answerPins(): ReadonlyMap<string, AnswerPin>;
  /** Pins (or re-pins) a cluster's answer in the command's transaction. */
  pinAnswer(ctx: HandlerContext, key: string, pin: Omit<AnswerPin, 'attached'>): void;
  unpinAnswer(ctx: HandlerContext, key: string): void;
  /** The compliance guard's flag on a macro (its message), or null: a flagged macro is not posted or pinned in bulk. */
  macroFlag(macroId: string): string | null;
  /** SKUs, languages and platforms seen in this show: the desk's filter options. */
  facets(): { sku: string[]; lang: string[]; platform: string[] };
  /** Offers paused or being paused: their macros switch to the approved paused text. */
  pausedOffers(): ReadonlySet<string>;
  setPinned(ctx: HandlerContext, record: CommentRecord | null): void;
  pinnedProduct(): PinnedProduct | null;
  setPinnedProduct(product: PinnedProduct | null, ctx: HandlerContext | null): void;
  /** Switches to a show at once: config, classifier, counts, open queues and pins from SQLite. */
  applyShow(show: Show | null): void;
  /** Replaces the sources with the show's (stopping the previous show's first). */
  configureSources(show: Show | null, baseDir: string): Promise<void>;
  summary(): CommentsState;
  checkOverflow(): void;
  close(): Promise<void>;
}

const zero = (): Record<Intent, number> => Object.fromEntries(INTENTS.map((i) => [i, 0])) as Record<Intent, number>;

export function createCommentsService(ctx: ModuleContext, ports: CommentsPorts): CommentsService {
  const { clock, log } = ctx;
  // Steady wall time (the core's clock): comments are stamped and their waits read on it.
  const steadyNow = clock.now;
  const repo = createCommentsRepo(ctx.db);
  const index = createQueueIndex();
  let cfg: ShowConfig = {
    showId: '',
    show: null,
    routing: DEFAULT_ROUTING,
    unsureBelow: 0.55,
    slaSeconds: 60,
    limits: { backlog: 50, oldestSeconds: 120 },
    alarm: DEFAULT_OVERFLOW_ALARM,
    watched: watchedQueues(DEFAULT_ROUTING),
  };
  let triage: Triage = ports.createTriage({ catalog: { products: [], offers: [] }, unsureBelow: cfg.unsureBelow });
  let total = 0;
  let byIntent = zero();
  /** Demand (orders needing no reply) per SKU ("?" when none matched), since the show was loaded here; closed on arrival unless the show keeps it open. */
  let demand: Record<string, number> = {};
  let pinned: CommentRecord | null = null;
  let product: PinnedProduct | null = null;
  const viewers = new Map<string, number>();
  const overflowAlarms = createLatches(() => cfg.alarm);
  const clusters = createClusterIndex(clusterKeyOf);
  const answerPins = new Map<string, AnswerPin>();
  const facets = { sku: new Set<string>(), lang: new Set<string>(), platform: new Set<string>() };
  const noteFacets = (r: Pick<CommentRecord, 'sku' | 'lang' | 'platform'>) => {
    if (r.sku) facets.sku.add(r.sku);
    if (r.lang) facets.lang.add(r.lang);
    facets.platform.add(r.platform);
  };

  const summary = (): CommentsState => {
    const queues = index.summaries(steadyNow(), cfg.limits, cfg.watched, clusters.itemsIn);
    const sources = sourceManager.health();
    return {
      total,
      byIntent: { ...byIntent },
      byQueue: Object.fromEntries(queues.map((q) => [q.name, q.open])) as Record<QueueName, number>,
      queues,
      sources,
      pinned,
      pinnedProduct: product,
      slaSeconds: cfg.slaSeconds,
      viewers: viewers.size ? [...viewers.values()].reduce((a, b) => a + b, 0) : null,
      rehearsal: sources.some((s) => s.rehearsal && s.status !== 'stopped' && s.status !== 'error'),
      unsureBelow: cfg.unsureBelow,
      overflowLimits: cfg.limits,
      demand: { ...demand },
      work: clusters.work(),
      answerPins: [...answerPins.values()],
      deskVersion: clusters.version(),
      answering: work.progress(),
      unsurePosts: replies.unsurePosts(),
    };
  };
  const replies = createReplyLedger(ctx.db);
  const publisher = createCommentsPublisher({ state: ctx.state, summary });
  /** The pending start of the jobs a stop cut short (after a show load). */
  let resuming: NodeJS.Immediate | null = null;
  const work: GroupWork = createGroupWork({
    getMany: (ids) => repo.getMany(ids),
    jobs: createGroupJobsRepo(ctx.db),
    saveAll: (hctx, changes) => void service.saveAll(hctx, changes),
    memberIds: (key) => clusters.get(clusterIdOf(key))?.memberIds() ?? [],
    showId: () => cfg.showId,
    escalateTo: () => cfg.routing.complaint,
    stale: () => publisher.stale(),
    audit: ctx.audit,
    now: steadyNow,
    log,
  });

  let checkoutRule: CheckoutIncidentRule = DEFAULT_CHECKOUT_INCIDENT;
  let checkoutReports = createCheckoutIncidentDetector(checkoutRule);

  /** Checkout/payment complaints go to customer service AND tell the producer; enough viewers at once is an incident. */
  const checkoutReported = (r: CommentRecord) => {
    const now = steadyNow();
    const incident = checkoutReports.report({ id: r.id, author: r.author, platform: r.platform, text: r.text, at: r.receivedAt }, now, clock.monotonic());
    if (incident) {
      checkoutIncident(incident);
      return;
    }
    const n = checkoutReports.pending(now);
    ctx.alerts.raise({
      source: 'comments',
      key: 'comments.checkout-reports',
      level: 'warn',
      message: `${n} viewer${n === 1 ? '' : 's'} reported checkout or payment trouble in the last ${checkoutRule.windowSeconds} s (customer service queue); the alarm sounds at ${checkoutRule.viewers}.`,
    });
  };

  const checkoutIncident = (incident: CheckoutIncident) => {
    const { rule, evidence } = incident;
    const quotes = evidence
      .slice(0, 5)
      .map((e) => `${e.author}: “${e.text.slice(0, 80)}”`)
      .join('; ');
    const message = `${evidence.length} viewers report checkout or payment failures within ${rule.windowSeconds} s — ${quotes}`.slice(0, 600);
    const offers = rule.action === 'pause' ? (cfg.show?.offers ?? []).map((o) => o.id) : [];
    ctx.alerts.raise({
      source: 'comments',
      key: 'comments.incident.checkout',
      level: 'critical',
      message: rule.action === 'pause' ? `${message}. Pausing ${offers.length} offer(s) as the show's rule says.` : `${message}. Check the checkout; pause the offer if it is broken.`,
    });
    ctx.audit.event({
      actor: TRIAGE_ACTOR,
      command: 'comments.incident.checkout',
      args: {
        rule: { viewers: rule.viewers, windowSeconds: rule.windowSeconds, action: rule.action },
        evidence: evidence.map((e) => ({ id: e.id, author: e.author, platform: e.platform, at: e.at, text: e.text.slice(0, 280) })),
      },
      outcome: rule.action,
      detail: message,
      durationMs: 0,
    });
    for (const offerId of offers) {
      ctx
        .dispatch('offer.pause', { offerId, reason: `Viewers report checkout failures: ${evidence.length} in ${rule.windowSeconds} s`.slice(0, 300) }, { actor: TRIAGE_ACTOR, role: 'producer', via: 'system' })
        .then((res) => {
          if (!res.ok) log.warn('checkout incident: pause refused', { offerId, error: res.error.message });
        })
        .catch((error: unknown) => log.error('checkout incident: pause failed', { offerId, error: String(error) }));
    }
  };

  const committed = (records: CommentRecord[]) => {
    for (const r of records) {
      total += 1;
      byIntent[r.intent] += 1;
      // Own keys only: a SKU may be called like an Object method ("constructor", "toString").
      if (r.reasons[0]?.startsWith(DEMAND_PREFIX)) {
        // a bare "+1" while a product is pinned names no SKU; the demand is counted for the pinned one (contextSku)
        const k = r.sku ?? r.contextSku ?? '?';
        demand[k] = (Object.hasOwn(demand, k) ? demand[k]! : 0) + 1;
      }
      index.apply(r);
      clusters.apply(r);
      noteFacets(r);
      if (r.answeredVia === 'pin' && r.clusterKey) {
        const pin = answerPins.get(r.clusterKey);
        if (pin) pin.attached += 1;
      }
      if (r.intent === 'complaint' && r.sub === 'checkout') checkoutReported(r);
    }
    publisher.changed(records);
    publisher.dirty();
  };

  const pipeline = createIngestPipeline({
    repo,
    log,
    onCommitted: committed,
    onWriteFailed: (message) => ctx.alerts.raise({ source: 'comments', key: 'comments.write', level: 'critical', message }),
    flushMs: 5,
    maxBatch: 2_000,
  });

  const receive = (batch: readonly SourceComment[], source: string, rehearsal: boolean) => {
    const receivedAt = steadyNow();
    const cx = {
      triage,
      routing: cfg.routing,
      unsureBelow: cfg.unsureBelow,
      showId: cfg.showId,
      pinnedSku: product?.sku ?? null,
      demand: cfg.show?.comments.demand ?? DEFAULT_DEMAND_POLICY,
    };
    return pipeline.submit(batch.map((c) => attachToPin(classifyComment(c, { source, rehearsal, receivedAt }, cx))));
  };

  /**
   * A comment asking what a pinned answer already answers is attached to it on arrival: answered
   * "by pin" (its own reply text, in its language and the offer's current variant), never counted
   * as a moderator's reply. Not while the compliance guard flags its macro: those wait for a person.
   */
  const attachToPin = (p: PendingComment): PendingComment => {
    if (p.status !== 'new' || !p.clusterKey) return p;
    const pin = answerPins.get(p.clusterKey);
    if (!pin || service.macroFlag(pin.macroId) !== null) return p;
    const macro = cfg.show?.comments.macros.find((m) => m.id === pin.macroId);
    const r = macro ? macroReply(macro, p.lang || null, service.pausedOffers()) : null;
    if (!r?.ok) return p;
    return { ...p, status: 'answered', answeredAt: p.receivedAt, responseSeconds: 0, reply: r.text, answeredVia: 'pin', claimedBy: null };
  };

  const sourceManager = createSourceManager({
    factories: ports.sources,
    clock,
    log,
    secrets: ctx.secrets,
    backoff: ports.backoff,
    events: {
      comments: (sourceId, rehearsal, batch) => {
        receive(batch, sourceId, rehearsal).catch((error: unknown) => log.error('source comments not stored', { sourceId, error: String(error) }));
      },
      healthChanged: () => publisher.dirty(),
      viewers: (sourceId, count) => {
        viewers.set(sourceId, count);
        publisher.dirty();
      },
      pinnedProduct: (sourceId, title) => {
        const sku = cfg.show ? skuForTitle(cfg.show, title) : null;
        service.setPinnedProduct({ sku, label: title, source: sourceId, at: clock.now() }, null);
      },
    },
  });

  const withPin = (r: CommentRecord): CommentRecord => (pinned?.id === r.id ? { ...r, pinned: true } : r);
  /** The record a handling change stores: moved to another queue or intent, it is another work item now. */
  const handled = (next: CommentRecord, prev: CommentRecord): CommentRecord => {
    const moved = next.queue !== prev.queue || next.intent !== prev.intent;
    return withPin(moved ? { ...next, clusterKey: clusterKeyOf(next) } : next);
  };
  /** After the row is written (inside the command's transaction): memory follows. */
  const followWrite = (record: CommentRecord, prev: CommentRecord) => {
    index.apply(record);
    clusters.apply(record);
    if (prev.intent !== record.intent) {
      byIntent[prev.intent] -= 1;
      byIntent[record.intent] += 1;
    }
    if (pinned?.id === record.id) pinned = record;
  };

  const service: CommentsService = {
    repo,
    index,
    clusters,
    sources: sourceManager,
    pipeline,
    publisher,
    work,
    replies,
    now: steadyNow,
    config: () => cfg,
    triage: () => triage,
    receive,
    find(id) {
      pipeline.flushNow();
      const r = repo.get(id);
      return r ? withPin(r) : null;
    },
    save(hctx, next, prev, extra) {
      const record = handled(next, prev);
      hctx.write(() => {
        repo.saveHandling(record);
        extra?.();
        followWrite(record, prev);
        publisher.changed([record], true);
        // A person's claim, answer or dismissal: the queue counts every desk shows are out of date
        // now and go out with this change, not on the summary's timer (and the next command reads them).
        publisher.stale();
      });
      return record;
    },
    saveAll(hctx, changes) {
      const records = changes.map(({ next, prev }) => handled(next, prev));
      if (records.length === 0) return records;
      hctx.write(() => {
        records.forEach((record, i) => {
          repo.saveHandling(record);
          followWrite(record, changes[i]!.prev);
        });
        publisher.changed(records, true);
        publisher.stale();
      });
      return records;
    },
    pinnedId: () => pinned?.id ?? null,
    answerPins: () => answerPins,
    pinAnswer(hctx, key, pin) {
      hctx.write(() => {
        repo.saveAnswerPin(cfg.showId, { clusterKey: key, ...pin });
        answerPins.set(key, { ...pin, attached: answerPins.get(key)?.attached ?? 0 });
        publisher.stale();
      });
    },
    unpinAnswer(hctx, key) {
      hctx.write(() => {
        repo.deleteAnswerPin(cfg.showId, key);
        answerPins.delete(key);
        publisher.stale();
      });
    },
    macroFlag: (macroId) => ctx.state.get('alerts').items.find((a) => a.key === `script.macro.${macroId}` && a.clearedAt === null)?.message ?? null,
    facets: () => ({ sku: [...facets.sku].sort(), lang: [...facets.lang].sort(), platform: [...facets.platform].sort() }),
    pausedOffers: () => new Set(ctx.state.get('offers').items.filter((o) => o.intent === 'paused').map((o) => o.id)),
    setPinned(hctx, record) {
      const prev = pinned;
      const next = record ? { ...record, pinned: true } : null;
      hctx.write(() => {
        repo.savePins(cfg.showId, { commentId: next?.id ?? null, product });
        pinned = next;
        const changed = [...(prev && prev.id !== next?.id ? [{ ...prev, pinned: false }] : []), ...(next ? [next] : [])];
        publisher.changed(changed, true);
        // overlay.show reads the pin from the slice: a show sent the moment this pin is answered
        // must find it there, not the pin before it (a Companion button does both at once).
        publisher.stale();
      });
    },
    pinnedProduct: () => product,
    setPinnedProduct(p, hctx) {
      const apply = () => {
        repo.savePins(cfg.showId, { commentId: pinned?.id ?? null, product: p });
        product = p;
        // The host card and the next command read the pinned product from the slice: current at once.
        publisher.stale();
      };
      if (hctx) hctx.write(apply);
      else {
        if (product?.label === p?.label && product?.sku === p?.sku) return;
        try {
          apply();
        } catch (error) {
          log.error('pinned product not stored', { error: String(error) });
        }
        // The platform moved the pin: that is worth a line in the audit trail.
        ctx.audit.event({
          command: 'comments.pinProduct.platform',
          args: { source: p?.source ?? null, sku: p?.sku ?? null, label: p?.label ?? null },
        });
      }
    },
    applyShow(show) {
      pipeline.flushNow();
      const c = show?.comments;
      const routing = c?.routing ?? DEFAULT_ROUTING;
      cfg = {
        showId: show?.id ?? '',
        show,
        routing,
        unsureBelow: c?.unsureBelow ?? 0.55,
        slaSeconds: c?.slaSeconds ?? 60,
        limits: c ? { backlog: c.overflow.backlog, oldestSeconds: c.overflow.oldestSeconds } : { backlog: 50, oldestSeconds: 120 },
        alarm: c ? { raiseHoldMs: c.overflow.raiseHoldSeconds * 1000, clearHoldMs: c.overflow.clearHoldSeconds * 1000, clearRatio: c.overflow.clearRatio } : DEFAULT_OVERFLOW_ALARM,
        watched: watchedQueues(routing),
      };
      checkoutRule = c?.incidents?.checkout ?? DEFAULT_CHECKOUT_INCIDENT;
      checkoutReports = createCheckoutIncidentDetector(checkoutRule);
      triage = ports.createTriage({ catalog: show ? catalogOf(show) : { products: [], offers: [] }, unsureBelow: cfg.unsureBelow });
      // The moderators' corrections for this show teach the new classifier again.
      for (const k of repo.corrections(cfg.showId)) triage.learn(k.text, k.to, k.lang);
      const counts = repo.counts(cfg.showId);
      total = counts.total;
      byIntent = { ...zero(), ...counts.byIntent };
      demand = {};
      const open = repo.open(cfg.showId);
      index.reset(open);
      clusters.reset(open);
      answerPins.clear();
      facets.sku.clear();
      facets.lang.clear();
      facets.platform.clear();
      for (const f of repo.facets(cfg.showId)) noteFacets(f);
      for (const p of repo.answerPins(cfg.showId)) {
        const { clusterKey: key, ...pin } = p;
        answerPins.set(key, { ...pin, clusterId: clusterIdOf(key) });
      }
      const pins = repo.pins(cfg.showId);
      const pinnedRecord = pins.commentId ? repo.get(pins.commentId) : null;
      pinned = pinnedRecord ? { ...pinnedRecord, pinned: true } : null;
      product = pins.product;
      viewers.clear();
      for (const key of overflowAlarms.reset()) ctx.alerts.clear(key);
      publisher.flush();
      // Big work items a stop cut short are finished now, in steps, after the load (views first).
      if (resuming) clearImmediate(resuming);
      resuming = setImmediate(() => {
        resuming = null;
        void work.resume();
      });
    },
    async configureSources(show, baseDir) {
      await sourceManager.configure(show?.comments.sources ?? [], baseDir);
      publisher.dirty();
    },
    summary,
    checkOverflow() {
      const now = steadyNow();
      const queues = index.summaries(now, cfg.limits, cfg.watched, clusters.itemsIn);
      for (const q of queues) {
        const key = `comments.overflow.${q.name}`;
        // The holds are durations: timed on the monotonic clock, not the wall clock the ages are read from.
        const { on, change } = overflowAlarms.step(key, overflowReading(q, cfg.limits, cfg.alarm.clearRatio, now), clock.monotonic());
        if (change === 'clear') ctx.alerts.clear(key);
        // Up and over a limit: raised, or its figures updated ("45 waiting"); up between the marks it stays as it was.
        else if (on && q.overflow) {
          ctx.alerts.raise({ source: 'comments', key, level: 'warn', message: `The ${QUEUE_LABELS[q.name]} queue is overflowing: ${q.overflowReason ?? ''}.`, audience: kpiAudience('commentRouting') });
        }
      }
      publisher.dirty();
    },
    async close() {
      work.stop();
      replies.stop();
      if (resuming) clearImmediate(resuming);
      resuming = null;
      await sourceManager.close();
      pipeline.close();
      publisher.close();
    },
  };
  return service;
}

