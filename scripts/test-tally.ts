// Counts of one `npm test` run, read from the vitest and Playwright JSON reports, and the closing
// line CI greps for: "tests: N passed, N failed[, N skipped]". A missing or odd field counts as 0.
export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

export const emptyTally = (): Tally => ({ passed: 0, failed: 0, skipped: 0 });

const count = (o: unknown, key: string): number => {
  const v = typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[key] : undefined;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0;
};

/** vitest's `--reporter=json` output. */
export function vitestTally(report: unknown): Tally {
  return {
    passed: count(report, 'numPassedTests'),
    failed: count(report, 'numFailedTests'),
    skipped: count(report, 'numPendingTests') + count(report, 'numTodoTests'),
  };
}

/** Playwright's JSON reporter output (its `stats`). */
export function playwrightTally(report: unknown): Tally {
  const stats = typeof report === 'object' && report !== null ? (report as Record<string, unknown>).stats : undefined;
  return { passed: count(stats, 'expected') + count(stats, 'flaky'), failed: count(stats, 'unexpected'), skipped: count(stats, 'skipped') };
}

export function addTally(a: Tally, b: Tally): Tally {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

export function closingLine(t: Tally): string {
  return `tests: ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ''}`;
}

/**
 * Why a step that must run `expected` tests did not run them all, or null when it did: a report
 * that is missing or counts fewer tests (filtered out, skipped) is a failure, never a quiet pass.
 */
export function missingRun(t: Tally | null, expected: number): string | null {
  if (!t) return 'it wrote no report';
  if (t.skipped > 0) return `${t.skipped} of its tests were skipped`;
  const ran = t.passed + t.failed;
  return ran < expected ? `it ran ${ran} test${ran === 1 ? '' : 's'}, not ${expected}` : null;
}
