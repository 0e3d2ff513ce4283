import { describe, expect, it } from 'vitest';
import { headerActor, plainActor } from './actor-label';

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

describe('headerActor', () => {
  it('names the person and keeps the key in the full label', () => {
    expect(headerActor('Maya Okafor (maya) via Producer (station automation key)')).toEqual({ name: 'Maya Okafor', full: 'Maya Okafor (maya) via Producer (station automation key)' });
    expect(headerActor('Zoe Park (zoe)')).toEqual({ name: 'Zoe Park', full: 'Zoe Park (zoe)' });
  });
  it('shows a key with no person as the key itself, in words', () => {
    expect(headerActor('Producer (station bootstrap key)').name).toBe('Producer (station bootstrap key)');
    expect(headerActor('producer (BATON_PRODUCER_TOKEN)').name).toBe('Producer (station automation key)');
    expect(headerActor("Leo's deck").name).toBe("Leo's deck");
  });
});
