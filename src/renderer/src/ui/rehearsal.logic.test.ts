import { describe, expect, it } from 'vitest';
import { unlabelled } from './rehearsal.logic';

describe('REHEARSAL said once per view', () => {
  it('drops the label from a detail when the header already says it', () => {
    expect(unlabelled('REHEARSAL: 23/286 at 1×, loop 1', true)).toBe('23/286 at 1×, loop 1');
    expect(unlabelled('REHEARSAL store for Glow Kit live bundle', true)).toBe('Store for Glow Kit live bundle');
    expect(unlabelled('REHEARSAL source: Replay comments.jsonl at 1×', true)).toBe('Source: Replay comments.jsonl at 1×');
    expect(unlabelled('Rehearsal dinner at 8', true)).toBe('Rehearsal dinner at 8');
  });
  it('keeps it where the header does not say it (a sandbox store in a real show)', () => {
    expect(unlabelled('REHEARSAL store for Glow Kit', false)).toBe('REHEARSAL store for Glow Kit');
  });
});
