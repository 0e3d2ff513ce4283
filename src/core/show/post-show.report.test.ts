import { describe, expect, it } from 'vitest';
import type { HealthSample, KpiState } from '../../shared/contract/index';
import { renderPostShowReport, type ReportInput } from './post-show.report';

const T0 = Date.parse('2026-12-03T19:00:00Z');
const kpis: KpiState = {
  views: 2000, addToCart: 100, checkouts: 60, orders: 50, revenue: 1950, currency: 'USD', viewToCart: 0.05, cartToCheckout: 0.6,
  aov: 39, timeToFulfilSeconds: 42, fulfilled: 40, paymentErrors: 3, rehearsal: false, updatedAt: T0,
};
const sample = (i: number, over: Partial<HealthSample>): HealthSample => ({
  at: T0 + i * 1000, streaming: true, bitrateKbps: 6000, droppedFramesPct: 0, outputSkippedFrames: 0, outputTotalFrames: 0, renderSkippedFrames: 0,
  renderTotalFrames: 0, encoderSkippedFrames: 0, encoderTotalFrames: 0, activeFps: 30, cpuPct: 10, memoryMb: 300, congestion: 0,
  reconnecting: false, uptimeMs: i * 1000, level: 'green', ...over,
} as HealthSample);

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    generatedAt: T0 + 3600_000,
    show: { id: 's', title: 'Launch', brand: 'Lumen', rehearsal: false },
    script: null,
    kpis,
    offers: [],
    firings: [],
    comments: { total: 10, byIntent: { order: 6, question: 4 }, byQueue: { commerce: 6, moderators: 4 }, answered: 8, withinSla: 7, slaSeconds: 60, medianResponseSeconds: 21 },
    health: [],
    audit: [],
    auditVerified: true,
    auditHeadHash: 'abc123',
    auditProblems: [],
    alerts: [],
    ...over,
  };
}

describe('post-show report', () => {
  it('leads with the figures a brand asks for first', () => {
    const md = renderPostShowReport(input());
    expect(md).toContain('| orders | 50 |');
    expect(md).toContain('| revenue | 1950.00 USD |');
    expect(md).toContain('| view → cart | 5.0 % (100 carts / 2000 views) |');
    expect(md).toContain('| comments | 10 (8 answered, 7 within the 60 s SLA, median 21 s) |');
    expect(md).toContain('head is `abc123`');
    expect(md).not.toContain('REHEARSAL');
  });

  it('splits the answers by how they were given: reply, group, pinned answer', () => {
    const md = renderPostShowReport(input({ comments: { ...input().comments, answeredVia: { reply: 3, cluster: 4, pin: 1, unrecorded: 0 } } }));
    expect(md).toContain("| answered how | 3 by a moderator's reply, 4 with their group's reply, 1 by a pinned answer |");
    expect(renderPostShowReport(input({ comments: { ...input().comments, answeredVia: { reply: 1, cluster: 0, pin: 0, unrecorded: 2 } } }))).toContain(', 2 not recorded |');
  });

  it('lists every pause and resume from the audit trail, with who, outcome and reason; table cells cannot be broken by text', () => {
    const md = renderPostShowReport(
      input({
        audit: [
          { seq: 7, at: T0 + 60_000, actor: 'Maya | producer', role: 'producer', via: 'http', command: 'offer.pause', args: { offerId: 'kit', reason: 'checkout\nbroken' }, outcome: 'ok', detail: null, durationMs: 23.4, hash: 'h' },
          { seq: 9, at: T0 + 120_000, actor: 'Maya', role: 'producer', via: 'ipc', command: 'offer.resume', args: { offerId: 'kit' }, outcome: 'ok', detail: null, durationMs: 25, hash: 'h' },
          { seq: 10, at: T0 + 130_000, actor: 'Maya', role: 'producer', via: 'ipc', command: 'obs.switchScene', args: {}, outcome: 'ok', detail: null, durationMs: 5, hash: 'h' },
        ],
      }),
    );
    expect(md).toContain('| 2026-12-03 19:01:00 UTC | Maya \\| producer | offer.pause kit | ok (23 ms) | checkout broken |');
    expect(md).toContain('offer.resume kit');
    expect(md).not.toContain('obs.switchScene');
  });

  it('reads stored arguments without trusting their type, and never shows a refused request’s shape as values', () => {
    const row = (seq: number, args: unknown, outcome = 'ok') =>
      ({ seq, at: T0 + seq * 1000, actor: 'Maya', role: 'producer', via: 'http', command: 'offer.pause', args, outcome, detail: null, durationMs: 1, hash: 'h' });
    const md = renderPostShowReport(
      input({
        audit: [
          row(1, { offerId: 'object(1)', reason: 'number' }, 'refused:invalid_args'),
          row(2, { offerId: 5, reason: { why: 'x' } }),
          row(3, 'not an object'),
          row(4, null),
          row(5, ['kit']),
          row(6, { offerId: 'kit', reason: 'store down' }, 'failed:unavailable'),
        ],
      }),
    );
    expect(md).toContain('| offer.pause  | refused:invalid_args (1 ms) |  |');
    expect(md).not.toContain('object(1)');
    expect(md).toContain('| offer.pause kit | failed:unavailable (1 ms) | store down |');
  });

  it('names every problem of a broken chain', () => {
    const problems = Array.from({ length: 23 }, (_, i) => ({ seq: i + 1, reason: `row ${i + 1} was edited` }));
    const md = renderPostShowReport(input({ auditVerified: false, auditHeadHash: null, auditProblems: problems }));
    expect(md).toContain('The hash chain is BROKEN: 23 problems');
    expect(md).toContain('- row 20 was edited');
    expect(md).toContain('- … and 3 more');
  });

  it('sums up stream health from the samples: bitrate, worst drop, seconds per level, reconnects', () => {
    const health = [
      sample(0, {}),
      sample(1, { bitrateKbps: 2400, droppedFramesPct: 12.5, level: 'red', reconnecting: true }),
      sample(2, { level: 'amber', bitrateKbps: 5000 }),
      sample(3, { streaming: false, bitrateKbps: null }),
    ];
    const md = renderPostShowReport(input({ health }));
    expect(md).toContain('| bitrate median / lowest | 5000 / 2400 kbps |');
    expect(md).toContain('| worst dropped frames in a second | 12.5 % |');
    expect(md).toContain('| seconds green / amber / red | 1 / 1 / 1 |');
    expect(md).toContain('| seconds reconnecting to the ingest | 1 |');
  });

  it('says so plainly when the audit chain is broken', () => {
    const md = renderPostShowReport(input({ auditVerified: false, auditHeadHash: null }));
    expect(md).toContain('**chain BROKEN**');
    expect(md).toContain('The hash chain is BROKEN');
  });

  it('renders hostile show text inert: no HTML, links, code, emphasis, broken cells or new lines; lone surrogates replaced', () => {
    const evil = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) `code` **b** _i_ a|b\n# heading\r\n- item &lt;script&gt; \uD800 end';
    const offer = { id: 'o', name: evil, code: 'C<b>', storeLabel: '[s](javascript:x)', rehearsal: false, state: 'live', orders: 1, cap: null } as unknown as ReportInput['offers'][number];
    const out = renderPostShowReport(
      input({
        show: { id: 's', title: evil, brand: '<script>alert(1)</script>', rehearsal: false },
        offers: [offer],
        firings: [{ id: 'f', offerId: 'o|x', ruleId: '<r>', kind: 'k', action: 'pause', at: T0, evidence: evil, outcome: 'paused' }],
        comments: { ...input().comments, byIntent: { [evil]: 1 }, byQueue: { 'q|x': 2 } },
        audit: [{ seq: 1, at: T0, actor: evil, role: 'producer', via: 'http', command: 'offer.pause', args: { offerId: 'kit', reason: evil }, outcome: 'ok', detail: null, durationMs: 1, hash: 'h' }],
        alerts: [{ level: 'warn', message: evil }],
        auditVerified: false, auditHeadHash: null, auditProblems: [{ seq: 1, reason: evil }],
      }),
    );
    expect(out).not.toMatch(/<(img|script|b|r)\b/i);
    expect(out).not.toMatch(/(?<!\\)\[x\]\(javascript/);
    expect(out).not.toMatch(/(?<!\\)`code/);
    expect(out).not.toMatch(/(?<!\\)\*\*b/);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(out).not.toMatch(/^(# heading|- item)/m);
    // Every table row keeps its column count: a pipe in text is escaped, never a new cell.
    const pipes = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    for (const line of out.split('\n').filter((l) => l.startsWith('| '))) {
      if (line.includes('offer.pause')) expect(pipes(line)).toBe(7);
      if (line.includes('2026-12-03 19:00:00 UTC') && line.includes('paused')) expect(pipes(line)).toBe(8);
    }
    expect(out).toContain('| q\\|x | 2 |');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt; \\[x\\](javascript:alert(1)) \\`code\\` \\*\\*b\\*\\* \\_i\\_ a\\|b # heading - item &amp;lt;script&amp;gt; \uFFFD end');
    // The document's own structure still reads as Markdown; plain words and intraword underscores stay plain.
    expect(out).toMatch(/^# Post-show report: /);
    expect(renderPostShowReport(input({ show: { id: 's', title: 'Lumen & Co. invalid_args', brand: 'B', rehearsal: false } }))).toContain('# Post-show report: Lumen & Co. invalid_args — B');
  });
});

