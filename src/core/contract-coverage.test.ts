// Every command in the contract has a handler in the core: a command a client can name but the
// station cannot run would answer "not available" in the middle of a show.
import { describe, expect, it } from 'vitest';
import { commands } from '../shared/contract/index';
import { createTestCore, producer } from '../../test/support/test-core';

describe('contract coverage', () => {
  it('handles every command the contract declares', async () => {
    const core = createTestCore();
    try {
      const missing: string[] = [];
      for (const name of Object.keys(commands)) {
        const r = await core.dispatch(name, {}, producer);
        if (!r.ok && r.error.code === 'unavailable' && r.error.message.includes('not available in this station')) missing.push(name);
      }
      expect(missing).toEqual([]);
    } finally {
      await core.close();
    }
  });
});
