// Turns what the station records into facts for HQ: it tails the audit log, commerce events and
// comments by their own sequence (cursors move in the same transaction as the facts they produce,
// so a crash neither loses nor repeats one), and adds show records and alerts from the state.
import { PACKAGE_TOTALS_ROW, parsePackageTotals, type Alert, type KpiState, type StationState } from '../../shared/contract/index';
import type { Db } from '../storage/database';
import type { AuditRow } from '../storage/audit-hash';
import type { StateStore } from '../state/state.store';
import type { HqOutboxRepo, NewFact } from './hq-outbox.repo';
import { nextShowPhase, type ShowPhase } from './show-phase';

export interface HqCollector {
  /** Moves whatever is new into the outbox; returns how many facts it added. */
  collect(): number;
  close(): void;
}

const PAGE = 2000;
/** Live KPIs ride on a show record at most this often; phase changes go at once. */
const KPI_EVERY_MS = 5_000;

interface CommerceRow {
  seq: number;
  show_id: string;
  event_key: string | null;
  type: string;
  offer_id: string | null;
  sku: string | null;
  count: number;
  amount: number | null;
  currency: string | null;
  at: number;
  received_at: number;
  source: string;
}

interface CommentRow {
  seq: number;
  show_id: string;
  platform: string;
  lang: string;
  triage_intent: string;
  queue: string;
  received_at: number;
  rehearsal: number;
}

export function createHqCollector(deps: { db: Db; repo: HqOutboxRepo; state: StateStore; now: () => number }): HqCollector {
  const { db, repo, state, now } = deps;
  const auditAfter = db.prepare<[number, number], AuditRow>('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?');
  const commerceAfter = db.prepare<[number, number], CommerceRow>(
    `SELECT seq, show_id, event_key, type, offer_id, sku, count, amount, currency, at, received_at, source
       FROM commerce_events WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  const commentsAfter = db.prepare<[number, number], CommentRow>(
    `SELECT seq, show_id, platform, lang, triage_intent, queue, received_at, rehearsal
       FROM comments WHERE seq > ? ORDER BY seq LIMIT ?`,
  );
  const num = (name: string) => Number(repo.cursor(name) ?? '0');
  let lastShowFact = { id: '', phase: '' as ShowPhase | '', kpisAt: -1, sentAt: 0, marks: '' };
  const seenAlerts = new Set<string>();

  const showFact = (s: StationState, phase: ShowPhase, extra: Record<string, unknown> = {}): NewFact | null => {
    const show = s.show.current;
    if (!show) return null;
    return {
      showId: show.id,
      kind: 'show',
      at: now(),
      body: {
        id: show.id,
        title: show.title,
        brand: show.brand,
        rehearsal: show.rehearsal,
        start: show.schedule.start,
        durationMinutes: show.schedule.durationMinutes,
        timezone: show.schedule.timezone,
        platforms: show.platforms,
        owner: show.people.find((p) => p.role === 'producer')?.name ?? null,
        approver: repo.cursor(`approver:${show.id}`) ?? show.script?.approval?.approver ?? null,
        // People with their role as the show names them (never their contacts), for HQ's views.
        people: show.people.map((p) => ({ name: p.name, role: p.role })),
        approverRole: show.script?.approval?.role ?? null,
        phase,
        kpis: kpiBody(s.kpis),
        experiment: experimentBody(s, show.id),
        ...extra,
      },
    };
  };

  const collect = (): number =>
    repo.tx(() => {
      const s = state.snapshot().state;
      const showId = s.show.current?.id ?? '';
      const facts: NewFact[] = [];
      const phaseKey = `phase:${showId}`;
      let phase = (repo.cursor(phaseKey) as ShowPhase | null) ?? 'draft';
      let packaged = false;

      const audits = auditAfter.all(num('audit'), PAGE);
      for (const r of audits) {
        facts.push({ showId, kind: 'audit', at: r.at, body: { ...r } });
        if (r.command === 'offer.pause') {
          const args = safeJson(r.args) as { offerId?: unknown; reason?: unknown } | null;
          facts.push({
            showId,
            kind: 'offer_pause',
            at: r.at,
            body: { auditSeq: r.seq, offerId: typeof args?.offerId === 'string' ? args.offerId : '', reason: typeof args?.reason === 'string' ? args.reason : '', actor: r.actor, outcome: r.outcome, detail: r.detail },
          });
        }
        if (r.outcome === 'ok' && (r.command === 'script.approve' || r.command === 'script.signoff') && showId) repo.setCursor(`approver:${showId}`, r.actor);
        if (r.outcome === 'ok' && r.command === PACKAGE_TOTALS_ROW) {
          // Kept until the package's own row is read (it follows, maybe in the next page or run).
          const totals = parsePackageTotals(safeJson(r.args));
          if (totals) repo.setCursor(`package:${totals.showId}`, JSON.stringify(totals));
        }
        if (r.outcome === 'ok' && r.command === 'show.package') packaged = true;
        phase = nextShowPhase(phase, r.command, r.outcome);
      }
      if (audits.length) repo.setCursor('audit', String(audits[audits.length - 1]!.seq));

      const commerce = commerceAfter.all(num('commerce'), PAGE);
      for (const e of commerce) {
        facts.push({
          showId: e.show_id,
          kind: 'commerce',
          at: e.received_at,
          body: { eventSeq: e.seq, key: e.event_key, type: e.type, offerId: e.offer_id, sku: e.sku, count: e.count, amount: e.amount, currency: e.currency, at: e.at, source: e.source },
        });
      }
      if (commerce.length) repo.setCursor('commerce', String(commerce[commerce.length - 1]!.seq));

      // Counts per minute by platform, intent, queue and language; never the texts or authors.
      const comments = commentsAfter.all(num('comments'), PAGE);
      const buckets = new Map<string, NewFact>();
      for (const c of comments) {
        const minute = Math.floor(c.received_at / 60_000) * 60_000;
        const key = JSON.stringify([c.show_id, minute, c.platform, c.triage_intent, c.queue, c.lang]);
        const b = buckets.get(key);
        if (b) (b.body as { count: number }).count += 1;
        else
          buckets.set(key, {
            showId: c.show_id,
            kind: 'comment_minute',
            at: minute,
            body: { minute, platform: c.platform, intent: c.triage_intent, queue: c.queue, lang: c.lang, rehearsal: c.rehearsal === 1, count: 1 },
          });
      }
      facts.push(...buckets.values());
      if (comments.length) repo.setCursor('comments', String(comments[comments.length - 1]!.seq));

      if (showId) {
        if (repo.cursor(phaseKey) !== phase) repo.setCursor(phaseKey, phase);
        const t = now();
        const kpisAt = s.kpis.updatedAt ?? 0;
        // A new segment on air or the END record also travels at once (HQ's experiments view).
        const marks = `${s.showday.segments.length}|${s.showday.end?.at ?? ''}`;
        const changed = lastShowFact.id !== showId || lastShowFact.phase !== phase || lastShowFact.marks !== marks;
        if (changed || packaged || (kpisAt !== lastShowFact.kpisAt && t - lastShowFact.sentAt >= KPI_EVERY_MS)) {
          // The package record carries the totals the producer handed over, as the package wrote them
          // and with the commerce events they count: HQ reconciles against it. Not the KPIs now — a
          // sale after the package would be in them. (A package written before its totals were
          // recorded has only the KPIs now, and no count: HQ compares those with everything.)
          const stated = packaged ? parsePackageTotals(safeJson(repo.cursor(`package:${showId}`) ?? 'null')) : null;
          const pkg = stated ? { kpis: stated.kpis, counted: stated.counted, at: t } : { kpis: kpiBody(s.kpis), at: t };
          const f = showFact(s, phase, packaged ? { package: pkg } : {});
          if (f) facts.push(f);
          lastShowFact = { id: showId, phase, kpisAt, sentAt: t, marks };
        }
      }
      repo.append(facts);
      return facts.length;
    });

  // Alerts live only in the state: each change (raised, updated, cleared, acknowledged) is a fact.
  const onAlerts = (items: readonly Alert[]) => {
    const showId = state.get('show').current?.id ?? '';
    const fresh: NewFact[] = [];
    for (const a of items) {
      const key = `${a.id}|${a.updatedAt}|${a.clearedAt ?? ''}|${a.ackedAt ?? ''}`;
      if (seenAlerts.has(key)) continue;
      seenAlerts.add(key);
      fresh.push({ showId, kind: 'alert', at: a.updatedAt, body: { ...a } });
    }
    if (fresh.length) repo.tx(() => repo.append(fresh));
  };
  onAlerts(state.get('alerts').items);
  const unsubscribe = state.subscribe((m) => {
    if (m.t === 'patch' && m.domain === 'alerts') onAlerts(m.value.items);
  });

  return { collect, close: unsubscribe };
}

/** The show day's GO, segments and END, when they belong to this show: HQ's experiments view. */
function experimentBody(s: StationState, showId: string): Record<string, unknown> | null {
  const day = s.showday;
  if (!day.go || day.go.showId !== showId) return null;
  const f = day.end?.figures ?? null;
  return {
    goAt: day.go.at,
    endAt: day.end?.at ?? null,
    final: f ? { views: f.views, addToCart: f.addToCart, checkouts: f.checkouts, orders: f.orders, revenue: f.revenue, paymentErrors: f.paymentErrors } : null,
    segments: day.segments.map((m) => ({ at: m.at, segmentId: m.segmentId, title: m.title, totals: m.totals })),
  };
}

function kpiBody(k: KpiState): Record<string, unknown> {
  return { views: k.views, addToCart: k.addToCart, checkouts: k.checkouts, orders: k.orders, revenue: k.revenue, currency: k.currency, rehearsal: k.rehearsal };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
