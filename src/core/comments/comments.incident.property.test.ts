// The O(1) detector must decide exactly as the plain definition does: distinct viewers whose
// reports lie within the window, firing once per cool-down. Checked on generated sequences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCheckoutIncidentDetector, type CheckoutIncidentRule, type IncidentReport } from './comments.incident';

/** The definition, written as plainly as possible (a scan of every report so far). */
function reference(rule: CheckoutIncidentRule) {
  const windowMs = rule.windowSeconds * 1000;
  let reports: IncidentReport[] = [];
  let lastFired: number | null = null;
  const inside = (now: number) => reports.filter((r) => now - r.at <= windowMs && r.at <= now + windowMs);
  const viewers = (now: number) => new Set(inside(now).map((r) => `${r.platform}\u0000${r.author.toLowerCase()}`)).size;
  return {
    report(r: IncidentReport, now: number): number | null {
      reports.push(r);
      reports = inside(now);
      if (viewers(now) < rule.viewers) return null;
      if (lastFired !== null && now - lastFired < rule.cooldownSeconds * 1000) return null;
      lastFired = now;
      const n = viewers(now);
      reports = [];
      return n;
    },
    pending: (now: number) => viewers(now),
  };
}

describe('checkout incident detector, against its definition', () => {
  it('fires and counts exactly as the plain scan does', () => {
    const step = fc.record({
      advance: fc.integer({ min: 0, max: 20_000 }),
      skew: fc.integer({ min: -90_000, max: 5_000 }),
      author: fc.constantFrom('ana', 'ANA', 'bo', 'cy', 'di', 'ed', 'fa', 'gu'),
      platform: fc.constantFrom('tiktok', 'twitch'),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), fc.integer({ min: 1, max: 6 }), (steps, viewers) => {
        const rule: CheckoutIncidentRule = { viewers, windowSeconds: 60, action: 'alarm', cooldownSeconds: 120 };
        const fast = createCheckoutIncidentDetector(rule);
        const slow = reference(rule);
        let now = 1_000_000;
        steps.forEach((s, i) => {
          now += s.advance;
          const r: IncidentReport = { id: String(i), author: s.author, platform: s.platform, text: 'x', at: now + s.skew };
          const a = fast.report(r, now, now);
          const b = slow.report(r, now);
          expect(a === null ? null : a.evidence.length).toBe(b);
          expect(fast.pending(now)).toBe(slow.pending(now));
        });
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});
