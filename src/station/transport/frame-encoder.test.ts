// The shared encoding must be byte-for-byte the JSON a view would have got on its own, and reused.
import { describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../shared/contract/index';
import { createFrameEncoder } from './frame-encoder';

describe('frame encoder', () => {
  const value = { sources: [], note: 'RTL \u202Eabc 🇧🇷 <b>x</b> "q"', n: 1.5 } as unknown;

  it('encodes patches, events and results exactly as JSON.stringify would', () => {
    const enc = createFrameEncoder();
    const messages = [
      { t: 'patch', rev: 7, domain: 'comments', value },
      { t: 'event', event: { name: 'cue.changed', cueId: 'c1' } },
      { t: 'result', id: 'a', ok: true, result: { x: [1, null, 'é'] } },
      { t: 'patch', rev: 8, domain: 'hq', value: null },
    ] as unknown as ServerMessage[];
    for (const m of messages) expect(JSON.parse(enc.encode(m).toString('utf8'))).toEqual(m);
  });

  it('reuses one encoding of a value across views with different revs', () => {
    const enc = createFrameEncoder();
    const a = enc.encode({ t: 'patch', rev: 1, domain: 'comments', value } as unknown as ServerMessage);
    const b = enc.encode({ t: 'patch', rev: 99, domain: 'comments', value } as unknown as ServerMessage);
    expect(JSON.parse(a.toString()).rev).toBe(1);
    expect(JSON.parse(b.toString()).rev).toBe(99);
    const event = { t: 'event', event: { name: 'cue.changed' } } as unknown as ServerMessage;
    expect(enc.encode(event)).toBe(enc.encode(event));
  });
});
