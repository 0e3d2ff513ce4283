// The post-show report: the package's one page for people (brand, legal, finance), in Markdown so
// it reads as text, pastes into email and prints. Everything in it comes from the same figures as
// summary.json, the health samples and the audit trail; nothing is computed twice differently.
import type { AuditEntry, HealthSample, KpiState, OfferView, TriggerFiring, CuesState } from '../../shared/contract/index';
import type { AuditProblem } from '../storage/audit-verify';

export interface ReportInput {
  generatedAt: number;
  show: { id: string; title: string; brand: string; rehearsal: boolean } | null;
  script: CuesState['loaded'];
  kpis: KpiState;
  offers: OfferView[];
  firings: TriggerFiring[];
  comments: {
    total: number;
    byIntent: Record<string, number>;
    byQueue: Record<string, number>;
    answered: number;
    withinSla: number;
    slaSeconds: number;
    medianResponseSeconds: number | null;
    /**
     * How the answered ones were answered: a moderator's own reply, the reply to the group they were
     * in, a pinned answer they arrived under (no person involved), or not recorded (older rows).
     */
    answeredVia?: { reply: number; cluster: number; pin: number; unrecorded: number };
  };
  health: HealthSample[];
  audit: AuditEntry[];
  auditVerified: boolean;
  auditHeadHash: string | null;
  /** Every bad row and gap the verifier found (empty when the chain is intact). */
  auditProblems: readonly AuditProblem[];
  alerts: { level: string; message: string }[];
}

const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)} %`);
const money = (amount: number | null, currency: string) => (amount === null ? '—' : `${amount.toFixed(2)} ${currency}`);
const SHOWN_PROBLEMS = 20;

/** Refused by role or by validation: the row holds the request's shape (`"string(12)"`), not its values. */
const heldAsSent = (outcome: string) => outcome !== 'refused:forbidden' && outcome !== 'refused:invalid_args';

/** A text field of stored arguments, or '' when the arguments are not an object or the field is not text. */
function textField(args: unknown, key: string): string {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return '';
  const v = (args as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : '';
}

/**
 * Show text (titles, names, comments, reasons, errors) as inert Markdown: many viewers render HTML
 * and links, so tags and entities, link and code brackets, emphasis and table pipes are escaped,
 * line breaks and control characters become spaces (a line start could open a heading or a list)
 * and a lone surrogate becomes U+FFFD. The document's own structure is written around it.
 */
export function mdText(t: string): string {
  return t
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/\s*[\n\r\u0085\u2028\u2029]\s*/g, ' ')
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .replace(/[\\`*[\]|~]/g, (ch) => `\\${ch}`)
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
const cell = mdText;
const md = mdText;

export function renderPostShowReport(r: ReportInput): string {
  const out: string[] = [];
  const title = r.show ? `${md(r.show.title)} — ${md(r.show.brand)}` : 'No show loaded';
  out.push(`# Post-show report: ${title}`, '');
  if (r.show?.rehearsal) out.push('**REHEARSAL** — store and comment figures include simulated shoppers and replayed chat.', '');
  out.push(`Generated ${utc(r.generatedAt)}. Figures as the station saw them; details in the files next to this one.`, '');

  const k = r.kpis;
  out.push('## At a glance', '', '| figure | value |', '|---|---|');
  out.push(`| orders | ${k.orders} |`, `| revenue | ${money(k.revenue, k.currency)} |`, `| average order value | ${money(k.aov, k.currency)} |`);
  out.push(`| view → cart | ${pct(k.viewToCart)} (${k.addToCart} carts / ${k.views} views) |`, `| cart → checkout | ${pct(k.cartToCheckout)} |`);
  out.push(`| time to fulfil (median) | ${k.timeToFulfilSeconds === null ? '—' : `${Math.round(k.timeToFulfilSeconds)} s over ${k.fulfilled} fulfilled`} |`);
  out.push(`| payment errors | ${k.paymentErrors} |`);
  const c = r.comments;
  out.push(`| comments | ${c.total} (${c.answered} answered, ${c.withinSla} within the ${c.slaSeconds} s SLA${c.medianResponseSeconds === null ? '' : `, median ${c.medianResponseSeconds} s`}) |`);
  if (c.answeredVia) {
    const v = c.answeredVia;
    out.push(`| answered how | ${v.reply} by a moderator's reply, ${v.cluster} with their group's reply, ${v.pin} by a pinned answer${v.unrecorded ? `, ${v.unrecorded} not recorded` : ''} |`);
  }
  out.push(`| audit trail | ${r.audit.length} entries, ${r.auditVerified ? 'chain intact' : '**chain BROKEN** (see audit-verify.txt)'} |`, '');

  out.push('## Script', '');
  if (r.script) {
    const a = r.script.approval;
    out.push(`Version ${r.script.number} (${md(r.script.shortHash)}), approved by ${md(a.approver)} (${md(a.role)}) at ${utc(a.at)}; loaded by ${md(r.script.loadedBy)} at ${utc(r.script.loadedAt)}.`, '');
  } else out.push('No approved script was loaded in the cue deck.', '');

  out.push('## Offers', '');
  for (const o of r.offers) {
    const cap = o.cap ? `; cap ${o.cap.orders} (${md(o.cap.bonus)}) ${o.cap.reached ? `reached ${o.cap.reachedAt ? utc(o.cap.reachedAt) : ''}` : 'not reached'}` : '';
    out.push(`- **${md(o.name)}** (${md(o.code)}, ${md(o.storeLabel)}${o.rehearsal ? ', REHEARSAL' : ''}): ended ${md(o.state)}; ${o.orders} orders${cap}.`);
  }
  if (r.offers.length === 0) out.push('The show had no offers.');
  const toggles = r.audit.filter((e) => e.command === 'offer.pause' || e.command === 'offer.resume');
  if (toggles.length) {
    out.push('', '| time | who | what | outcome | reason |', '|---|---|---|---|---|');
    for (const e of toggles) {
      // Stored arguments are whatever the row holds (a refused request keeps only its shape): read, never assume.
      const args = heldAsSent(e.outcome) ? e.args : null;
      out.push(`| ${utc(e.at)} | ${cell(e.actor)} | ${cell(e.command)} ${cell(textField(args, 'offerId'))} | ${cell(e.outcome)} (${Math.round(e.durationMs)} ms) | ${cell(textField(args, 'reason'))} |`);
    }
  }
  out.push('');

  out.push('## Rollback triggers', '');
  if (r.firings.length === 0) out.push('No rule fired.', '');
  else {
    out.push('| time | offer | rule | action | evidence | outcome |', '|---|---|---|---|---|---|');
    for (const f of [...r.firings].reverse()) out.push(`| ${utc(f.at)} | ${cell(f.offerId)} | ${cell(f.ruleId)} (${cell(f.kind)}) | ${cell(f.action)} | ${cell(f.evidence)} | ${cell(f.outcome)} |`);
    out.push('');
  }

  out.push('## Comments', '', '| intent | count |', '|---|---|');
  for (const [intent, n] of Object.entries(c.byIntent)) out.push(`| ${cell(intent)} | ${n} |`);
  out.push('', '| queue | count |', '|---|---|');
  for (const [queue, n] of Object.entries(c.byQueue)) out.push(`| ${cell(queue)} | ${n} |`);
  out.push('');

  out.push('## Stream health', '', ...healthLines(r.health), '');

  const raised = r.alerts.filter((a) => a.level !== 'info');
  out.push('## Alerts still listed at the end', '');
  if (raised.length === 0) out.push('None.');
  for (const a of raised) out.push(`- ${md(a.level)}: ${cell(a.message)}`);
  out.push('');

  out.push('## Audit', '', `${r.audit.length} entries. ${r.auditVerified ? `The hash chain is intact; its head is \`${r.auditHeadHash ?? '(empty)'}\` — keep this hash somewhere other than this folder.` : `The hash chain is BROKEN: ${r.auditProblems.length} problem${r.auditProblems.length === 1 ? '' : 's'} (all in audit-verify.txt).`}`, '');
  if (!r.auditVerified) {
    for (const p of r.auditProblems.slice(0, SHOWN_PROBLEMS)) out.push(`- ${cell(p.reason)}`);
    if (r.auditProblems.length > SHOWN_PROBLEMS) out.push(`- … and ${r.auditProblems.length - SHOWN_PROBLEMS} more`);
    out.push('');
  }
  return out.join('\n');
}

function healthLines(samples: HealthSample[]): string[] {
  const live = samples.filter((s) => s.streaming);
  if (live.length === 0) return [samples.length ? `${samples.length} samples, none while streaming.` : 'No OBS health samples were recorded.'];
  const rates = live.map((s) => s.bitrateKbps).filter((x): x is number => x !== null).sort((a, b) => a - b);
  const dropped = live.map((s) => s.droppedFramesPct ?? 0);
  const count = (level: string) => live.filter((s) => s.level === level).length;
  return [
    `Streaming for about ${Math.round(live.length / 60)} min (${live.length} one-second samples, ${utc(live[0]!.at)} – ${utc(live[live.length - 1]!.at)}).`,
    '',
    '| figure | value |',
    '|---|---|',
    `| bitrate median / lowest | ${rates.length ? `${Math.round(rates[Math.floor(rates.length / 2)]!)} / ${Math.round(rates[0]!)} kbps` : '—'} |`,
    `| worst dropped frames in a second | ${Math.max(...dropped).toFixed(1)} % |`,
    `| seconds green / amber / red | ${count('green')} / ${count('amber')} / ${count('red')} |`,
    `| seconds reconnecting to the ingest | ${live.filter((s) => s.reconnecting).length} |`,
  ];
}
