// The timeline as one self-contained HTML page: readable from the package with no station
// running (inline SVG and CSS, no script, no external fetch). Every text from the show is escaped.
import type { EndRecord, GoRecord } from '../../shared/contract/index';
import type { Timeline, TimelineKind } from './timeline.build';
import { formatOffset } from './chapters';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const COLORS: Record<TimelineKind, string> = {
  go: '#1a7f37',
  end: '#57606a',
  cleared: '#8c959f',
  stream: '#bc4c00',
  segment: '#0969da',
  cue: '#8c959f',
  offer: '#bf8700',
  trigger: '#cf222e',
  alert: '#cf222e',
  ack: '#8250df',
};
/** Intent colours as the console's moderator desk shows them. */
const INTENT_FILL: Record<string, string> = { order: '#1a7f37', question: '#0969da', complaint: '#cf222e', spam: '#8c959f', other: '#8250df' };
const INTENT_ORDER = ['order', 'question', 'complaint', 'spam', 'other'];
const intentRank = (k: string) => (INTENT_ORDER.includes(k) ? INTENT_ORDER.indexOf(k) : INTENT_ORDER.length);
const LEVEL_FILL: Record<string, string> = { green: '#dafbe1', amber: '#fff8c5', red: '#ffebe9', unknown: '#f6f8fa' };

const W = 960;
const H = 220;
const PAD = 40;

export function renderTimelineHtml(t: Timeline, go: GoRecord, end: EndRecord | null, chapters: readonly string[]): string {
  const span = Math.max(1, t.to - t.from);
  const x = (at: number) => PAD + ((at - t.from) / span) * (W - 2 * PAD);
  const maxRate = Math.max(1, ...t.health.map((h) => h.bitrateKbps ?? 0));
  const maxComments = Math.max(1, ...t.comments.map((c) => c.total));
  const minuteW = Math.max(1, (60_000 / span) * (W - 2 * PAD));
  const bands = t.health
    .map((h) => `<rect class="band ${h.level}" x="${x(h.at).toFixed(1)}" y="20" width="${minuteW.toFixed(1)}" height="90" fill="${LEVEL_FILL[h.level]}"><title>${escapeHtml(`${new Date(h.at).toISOString()} ${h.level}, ${h.bitrateKbps ?? '?'} kbps, dropped ${h.droppedPct ?? '?'} %`)}</title></rect>`)
    .join('');
  const ratePts = t.health.filter((h) => h.bitrateKbps !== null).map((h) => `${(x(h.at) + minuteW / 2).toFixed(1)},${(110 - (h.bitrateKbps! / maxRate) * 85).toFixed(1)}`);
  const rateLine = ratePts.length ? `<polyline data-part="bitrate" fill="none" stroke="#0969da" stroke-width="1.5" points="${ratePts.join(' ')}"/>` : '';
  // Comment volume per minute, stacked by intent in a fixed order (the legend's), on one scale.
  const intents = [...new Set(t.comments.flatMap((c) => Object.keys(c.byIntent)))].sort((a, b) => intentRank(a) - intentRank(b) || a.localeCompare(b));
  const bars = t.comments
    .map((c) => {
      const why = intents.filter((k) => c.byIntent[k]).map((k) => `${k} ${c.byIntent[k]}`).join(', ');
      let y = 190;
      const stack = intents
        .filter((k) => (c.byIntent[k] ?? 0) > 0)
        .map((k) => {
          const h = (c.byIntent[k]! / maxComments) * 60;
          y -= h;
          return `<rect class="comments ${escapeHtml(k)}" data-intent="${escapeHtml(k)}" x="${x(Math.max(c.at, t.from)).toFixed(1)}" y="${y.toFixed(1)}" width="${Math.max(1, minuteW - 1).toFixed(1)}" height="${h.toFixed(1)}" fill="${INTENT_FILL[k] ?? '#8c959f'}"/>`;
        })
        .join('');
      return `<g class="minute" data-total="${c.total}"><title>${escapeHtml(`${formatOffset(Math.max(0, c.at - t.from))} (${new Date(c.at).toISOString()}): ${c.total} comments (${why})`)}</title>${stack}</g>`;
    })
    .join('');
  const totals = intents.map((k) => [k, t.comments.reduce((a, c) => a + (c.byIntent[k] ?? 0), 0)] as const);
  const legend = totals.length
    ? `<p data-part="comment-legend">${totals.map(([k, n]) => `<span class="swatch" style="background:${INTENT_FILL[k] ?? '#8c959f'}"></span>${escapeHtml(k)} ${n}`).join(' &nbsp; ')}</p>`
    : '<p data-part="comment-legend">No comments during the show.</p>';
  const markers = t.items
    .filter((i) => i.kind !== 'cue')
    .map((i) => `<line class="marker ${i.kind}" x1="${x(i.at).toFixed(1)}" x2="${x(i.at).toFixed(1)}" y1="14" y2="196" stroke="${COLORS[i.kind]}" stroke-width="1"><title>${escapeHtml(`${formatOffset(i.at - t.from)} ${i.label} ${i.detail}`)}</title></line>`)
    .join('');
  const ticks: string[] = [];
  const step = span > 2 * 3600_000 ? 30 * 60_000 : span > 30 * 60_000 ? 10 * 60_000 : 60_000;
  for (let at = t.from; at <= t.to; at += step) ticks.push(`<text x="${x(at).toFixed(1)}" y="212" font-size="10" text-anchor="middle">${formatOffset(at - t.from)}</text>`);

  const rows = t.items
    .map(
      (i) =>
        `<tr class="item ${i.kind}" data-kind="${i.kind}"><td>${formatOffset(i.at - t.from)}</td><td>${escapeHtml(new Date(i.at).toISOString())}</td><td><span class="kind" style="color:${COLORS[i.kind]}">${i.kind}</span></td><td>${escapeHtml(i.label)}</td><td>${escapeHtml(i.detail)}</td><td>${escapeHtml(i.by ?? '')}</td><td>${i.auditSeq ?? ''}</td></tr>`,
    )
    .join('\n');
  const checks = go.checks
    .map((c) => {
      const o = go.overrides.find((x) => x.checkId === c.id);
      return `<tr class="check ${c.status}"><td>${escapeHtml(c.label)}</td><td>${c.status}</td><td>${escapeHtml(c.detail)}</td><td>${escapeHtml(c.checkedBy ?? '')}</td><td>${escapeHtml(o?.reason ?? '')}</td></tr>`;
    })
    .join('\n');
  const f = end?.figures;
  const figures = f
    ? `<dl data-part="figures"><dt>Views</dt><dd>${f.views}</dd><dt>Carts</dt><dd>${f.addToCart}</dd><dt>Checkouts</dt><dd>${f.checkouts}</dd><dt>Orders</dt><dd>${f.orders}</dd><dt>Revenue</dt><dd>${f.revenue.toFixed(2)} ${escapeHtml(f.currency)}</dd><dt>Payment errors</dt><dd>${f.paymentErrors}</dd><dt>Comments</dt><dd>${f.comments}</dd><dt>Pauses</dt><dd>${f.pauses}</dd><dt>Duration</dt><dd>${formatOffset(f.durationSeconds * 1000)}</dd></dl>`
    : '<p data-part="figures">The show has not ended: no frozen figures yet.</p>';
  // The data again, for tools; `<` is escaped so no text can close the element.
  const data = JSON.stringify({ timeline: t, go, end, chapters }).replace(/</g, '\\u003c');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(`${t.title} — timeline`)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1f2328}
h1{font-size:20px;margin:0 0 4px}.rehearsal{background:#fff8c5;padding:2px 6px;border-radius:4px;font-weight:600}
table{border-collapse:collapse;width:100%;margin:8px 0 24px}td,th{border-bottom:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}tr.check.fail td:nth-child(2),tr.check.pending td:nth-child(2){color:#cf222e;font-weight:600}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dt{color:#57606a}dd{margin:0;font-variant-numeric:tabular-nums}
.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px;vertical-align:middle}
svg{border:1px solid #d0d7de;background:#fff;max-width:100%;height:auto}pre{background:#f6f8fa;padding:8px}
</style></head>
<body>
<header data-part="header"><h1>${escapeHtml(t.title)}</h1>
<p>${t.rehearsal ? '<span class="rehearsal">REHEARSAL</span> ' : ''}GO ${escapeHtml(new Date(t.from).toISOString())} by ${escapeHtml(go.by)} (${go.verdict})${end ? ` · END ${escapeHtml(new Date(end.at).toISOString())} by ${escapeHtml(end.by)}` : ''}</p></header>
<section><h2>Timeline</h2>
<svg data-part="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="stream health, comment volume and events on the show clock">
<text x="${PAD}" y="12" font-size="10">stream health (bands) and bitrate (line, max ${Math.round(maxRate)} kbps)</text>
<g data-part="health">${bands}${rateLine}</g>
<text x="${PAD}" y="126" font-size="10">comments per minute by intent (max ${maxComments})</text>
<g data-part="comments">${bars}</g>
<g data-part="markers">${markers}</g>
<g data-part="axis">${ticks.join('')}</g>
</svg>
${legend}</section>
<section><h2>Events</h2>
<table data-part="events"><thead><tr><th>Show clock</th><th>Time (UTC)</th><th>Kind</th><th>What</th><th>Detail</th><th>Who</th><th>Audit row</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>
<section><h2>GO record</h2>
<p>Script: ${go.script ? `version ${go.script.number}, hash <code>${escapeHtml(go.script.hash)}</code>, approved by ${escapeHtml(go.script.approver)}` : 'none loaded'}</p>
<table data-part="go-checks"><thead><tr><th>Check</th><th>Status</th><th>Detail</th><th>Checked by</th><th>Override reason</th></tr></thead>
<tbody>
${checks}
</tbody></table></section>
<section><h2>Figures</h2>${figures}</section>
<section><h2>Chapters</h2><pre data-part="chapters">${escapeHtml(chapters.join('\n'))}</pre></section>
<script type="application/json" id="timeline-data">${data}</script>
</body></html>
`;
}
