// timeline.html under hostile text: whatever the show, people and audit rows carry (HTML, quotes,
// lone surrogates, prototype keys, very long ids), the page renders, every tag in it is one the
// renderer wrote, and the embedded JSON gives the same texts back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderTimelineHtml } from './timeline.html';
import { buildTimeline } from './timeline.build';
import type { AuditEntry, GoRecord } from '../../shared/contract/index';

const TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'header', 'h1', 'h2', 'p', 'span', 'section', 'svg', 'text', 'g', 'rect', 'polyline', 'line', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'dl', 'dt', 'dd', 'pre', 'script']);
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('<script>alert(1)</script>', '</script><img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "'; --", '__proto__', 'constructor', '\uD800', 'x'.repeat(5000)),
);

describe('timeline.html with hostile text', () => {
  it('renders, writes only its own tags, and round-trips the texts through its JSON', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, hostile, (title, by, reason, offerId, detail) => {
        const go: GoRecord = {
          showId: 's',
          title,
          rehearsal: false,
          at: 0,
          by,
          verdict: 'go',
          checks: [{ id: 'c', label: detail, kind: 'auto', status: 'pass', detail, checkedAt: 0, checkedBy: by }],
          overrides: [],
          script: null,
          offers: [],
          roster: { views: {}, tickedBy: [] },
        };
        const audit = [{ seq: 1, at: 60_000, actor: by, role: 'producer', via: 'ws', command: 'offer.pause', args: { offerId, reason }, outcome: 'ok', detail, hash: 'h', prevHash: 'p' }] as unknown as AuditEntry[];
        const t = buildTimeline({
          go,
          end: null,
          to: 180_000,
          segments: [{ at: 30_000, segmentId: offerId, title: detail } as never],
          audit,
          health: [],
          comments: [{ at: 60_000, total: 2, byIntent: { question: 1, [reason]: 1 } }],
          alerts: [],
          firings: [],
        });
        const html = renderTimelineHtml(t, go, null, [detail]);
        for (const m of html.matchAll(/<\/?([A-Za-z!][A-Za-z0-9]*)/g)) expect(TAGS.has(m[1]!.toLowerCase()), m[0]).toBe(true);
        // Exactly one script element: the data block, which nothing closes early.
        expect(html.match(/<script/g)).toHaveLength(1);
        expect(html.match(/<\/script/gi)).toHaveLength(1);
        const data = JSON.parse(/<script type="application\/json" id="timeline-data">([\s\S]*)<\/script>/.exec(html)![1]!) as { go: GoRecord; timeline: { items: { by: string | null }[] } };
        expect(data.go.title).toBe(title);
        expect(data.timeline.items.some((i) => i.by === by)).toBe(true);
      }),
      { numRuns: 300, seed: 20261205 },
    );
  });
});
