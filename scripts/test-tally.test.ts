import { describe, expect, it } from 'vitest';
import { addTally, closingLine, emptyTally, missingRun, playwrightTally, vitestTally } from './test-tally';

describe('npm test tally', () => {
  it('adds vitest and Playwright counts into the closing line', () => {
    const v = vitestTally({ numPassedTests: 410, numFailedTests: 1, numPendingTests: 2, numTodoTests: 1 });
    const p = playwrightTally({ stats: { expected: 20, flaky: 1, unexpected: 0, skipped: 0 } });
    expect(closingLine(addTally(addTally(emptyTally(), v), p))).toBe('tests: 431 passed, 1 failed, 3 skipped');
  });

  it('omits skipped when none, and counts odd reports as zero', () => {
    expect(closingLine(vitestTally({ numPassedTests: 3, numFailedTests: 0 }))).toBe('tests: 3 passed, 0 failed');
    expect(vitestTally(null)).toEqual(emptyTally());
    expect(playwrightTally({ stats: { expected: '7', unexpected: -1 } })).toEqual(emptyTally());
  });

  it('a step that must run its tests fails when it wrote no report, skipped one or ran fewer', () => {
    expect(missingRun(null, 1)).toBe('it wrote no report');
    expect(missingRun(playwrightTally({ stats: { expected: 0, unexpected: 0, skipped: 1 } }), 1)).toBe('1 of its tests were skipped');
    expect(missingRun(playwrightTally({ stats: { expected: 0, unexpected: 0, skipped: 0 } }), 1)).toBe('it ran 0 tests, not 1');
    expect(missingRun(playwrightTally({ stats: { expected: 1 } }), 1)).toBeNull();
    // A failed run did run: the failure is counted by the tally, not reported as missing.
    expect(missingRun(playwrightTally({ stats: { unexpected: 1 } }), 1)).toBeNull();
  });
});
