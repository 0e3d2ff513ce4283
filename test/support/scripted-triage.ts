// A classifier for module tests whose answers the test scripts (a function of the text), and the
// cleanup of the cores and data folders a test file opens, shared by the comments tests.
import { rmSync } from 'node:fs';
import { afterEach } from 'vitest';
import type { Core } from '../../src/core/core';
import type { Triage, TriageInput, TriageResult } from '../../src/core/comments/triage/triage.types';

/** A Triage that answers with `classify` and records nothing but what `learn` does; `stats` is not for these tests. */
export function scriptedTriage(classify: (input: TriageInput) => TriageResult, learn: Triage['learn'] = () => {}): Triage {
  return {
    unsureBelow: 0.55,
    classify,
    learn,
    stats: () => {
      throw new Error('not used');
    },
  };
}

/** Cores and temporary data folders opened by a test file, closed and removed after each test. */
export function openedInTests(): { cores: Core[]; dirs: string[] } {
  const cores: Core[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const c of cores.splice(0)) await c.close();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return { cores, dirs };
}
