// The lean post-mortem and the experiment log, pre-filled from what the station saw: every
// incident with what broke and what was done; why, the fix's owner and its date are left for a
// person. Pure Markdown builders.
import type { EndRecord, GoRecord, SegmentMark } from '../../shared/contract/index';
import type { Timeline } from './timeline.build';
import { formatOffset } from './chapters';

const md = (t: string) => t.replace(/[\r\n]+/g, ' ').replace(/([\\`*_[\]|<>#])/g, '\\$1');

export function renderPostMortem(t: Timeline, go: GoRecord, end: EndRecord | null): string {
  const incidents = t.items.filter((i) => i.kind === 'alert' || i.kind === 'trigger' || i.kind === 'offer');
  const f = end?.figures;
  const lines = [
    `# Post-mortem: ${md(t.title)}`,
    '',
    `GO ${new Date(go.at).toISOString()} by ${md(go.by)}${end ? `, END ${new Date(end.at).toISOString()} by ${md(end.by)}` : ' (not ended)'}${t.rehearsal ? ' — REHEARSAL' : ''}.`,
    '',
    '## What shipped',
    '',
    f
      ? `${f.orders} orders, ${f.revenue.toFixed(2)} ${md(f.currency)} revenue, ${f.views} views → ${f.addToCart} carts → ${f.checkouts} checkouts; ${f.comments} comments, ${f.answered} answered.`
      : 'The show has not ended: no frozen figures.',
    '',
    '## GO overrides',
    '',
    ...(go.overrides.length ? go.overrides.map((o) => `- ${md(o.checkId)}: ${md(o.reason)}`) : ['None: every check passed.']),
    ...(end?.overrideReason ? ['', `END overridden with unfinished changes (${end.unfinished.map(md).join('; ')}): ${md(end.overrideReason)}`] : []),
    '',
    '## Incidents',
    '',
  ];
  if (!incidents.length) lines.push('No alerts, trigger firings or offer pauses during the show.');
  for (const i of incidents) {
    lines.push(
      `### ${formatOffset(i.at - t.from)} — ${md(i.label)}`,
      '',
      `- What broke: ${md(i.detail) || '(no detail recorded)'}`,
      `- What was done: ${i.by ? `by ${md(i.by)}` : 'raised by the station'}${i.auditSeq !== null ? ` (audit row ${i.auditSeq})` : ''}`,
      '- Why: ',
      '- Fix: ',
      '- Owner: ',
      '- Date: ',
      '',
    );
  }
  return lines.join('\n') + '\n';
}

export interface ExperimentRow {
  at: number;
  segmentId: string;
  title: string;
  /** Null while the segment is still running. */
  minutes: number | null;
  views: number | null;
  carts: number | null;
  checkouts: number | null;
  orders: number | null;
  revenue: number | null;
  /** checkouts / carts, null without carts. */
  cartToCheckout: number | null;
}

type Totals = SegmentMark['totals'];

/**
 * What each segment (and so each offer presentation and CTA) did: the running totals at the next
 * segment (or at END) minus those when it began. The experiment log and HQ's experiments view
 * both read these rows.
 */
export function experimentRows(segments: readonly SegmentMark[], end: { at: number; totals: Totals | null } | null): ExperimentRow[] {
  return segments.map((s, i) => {
    const next = segments[i + 1];
    const after = next?.totals ?? end?.totals ?? null;
    const until = next?.at ?? end?.at ?? null;
    const d = (k: keyof Totals) => (after ? after[k] - s.totals[k] : null);
    const carts = d('addToCart');
    const checkouts = d('checkouts');
    return {
      at: s.at,
      segmentId: s.segmentId,
      title: s.title,
      minutes: until ? (until - s.at) / 60_000 : null,
      views: d('views'),
      carts,
      checkouts,
      orders: d('orders'),
      revenue: d('revenue'),
      cartToCheckout: carts && checkouts !== null ? checkouts / carts : null,
    };
  });
}

/** Which segment (and so which offer presentation and CTA) ran when, and what sold while it ran. */
export function renderExperimentLog(segments: readonly SegmentMark[], go: GoRecord, end: EndRecord | null): string {
  const lines = ['# Experiment log', '', '| Show clock | Segment | Minutes | Views | Carts | Checkouts | Orders | Revenue | Cart→checkout |', '|---|---|---|---|---|---|---|---|---|'];
  const finalTotals = end?.figures
    ? { views: end.figures.views, addToCart: end.figures.addToCart, checkouts: end.figures.checkouts, orders: end.figures.orders, revenue: end.figures.revenue, paymentErrors: end.figures.paymentErrors }
    : null;
  for (const r of experimentRows(segments, end ? { at: end.at, totals: finalTotals } : null)) {
    const rate = r.cartToCheckout !== null ? `${Math.round(r.cartToCheckout * 100)} %` : '—';
    lines.push(
      `| ${formatOffset(r.at - go.at)} | ${md(r.title)} | ${r.minutes !== null ? r.minutes.toFixed(1) : 'running'} | ${r.views ?? '—'} | ${r.carts ?? '—'} | ${r.checkouts ?? '—'} | ${r.orders ?? '—'} | ${r.revenue === null ? '—' : r.revenue.toFixed(2)} | ${rate} |`,
    );
  }
  if (!segments.length) lines.push('| — | no segment was on air while live | | | | | | | |');
  return lines.join('\n') + '\n';
}
