import { describe, expect, it } from 'vitest';
import { plainActor } from './actor-label';

describe('plainActor', () => {
  it('shows rows stored under the old key labels in words, never the environment variable', () => {
    expect(plainActor('producer (BATON_PRODUCER_TOKEN)')).toBe('Producer (station automation key)');
    expect(plainActor("observer (station owner's bootstrap)")).toBe('Observer (station bootstrap key)');
    expect(plainActor('customer-service (default)')).toBe('Customer service (station bootstrap key)');
  });
  it('leaves people and today’s labels as they are', () => {
    for (const a of ['Ana Reyes (ana)', 'Maya Okafor (maya) via Producer (station bootstrap key)', 'system:trigger:pay-errors']) expect(plainActor(a)).toBe(a);
  });
});
