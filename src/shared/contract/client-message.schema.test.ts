import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clientMessageSchema, parseClientMessage } from './client-message.schema';

// The hand check in front of the schema must give the schema's own answer for every value: the
// same success, the same parsed message, and the schema's refusal for everything it does not take.
const near = fc.record(
  {
    t: fc.oneof(fc.constant('command'), fc.constant('resync'), fc.string(), fc.integer(), fc.constant(null)),
    id: fc.oneof(fc.string({ maxLength: 210 }), fc.integer(), fc.constant(null), fc.string({ minLength: 199, maxLength: 202 })),
    name: fc.oneof(fc.string({ maxLength: 210 }), fc.constant(''), fc.constant('offer.pause'), fc.integer(), fc.string({ minLength: 199, maxLength: 202 })),
    args: fc.jsonValue(),
    extra: fc.jsonValue(),
    ['__proto__']: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

/** The click's frame, most of them well-formed (ids and names around the 200-character limit). */
const click = fc.record({
  t: fc.constant('command'),
  id: fc.string({ maxLength: 205 }),
  name: fc.oneof(fc.string({ maxLength: 205 }), fc.constant('offer.pause')),
  args: fc.jsonValue(),
});

const frame = fc.oneof(click, near, fc.jsonValue(), fc.array(near, { maxLength: 2 }));

describe('parseClientMessage', () => {
  it('answers as the schema does for any value (JSON text round trip, as frames arrive)', () => {
    let taken = 0;
    fc.assert(
      fc.property(frame, (value) => {
        const input = JSON.parse(JSON.stringify(value ?? null)) as unknown;
        const fast = parseClientMessage(input);
        const slow = clientMessageSchema.safeParse(input);
        expect(fast.success).toBe(slow.success);
        if (slow.success && fast.success) {
          taken += 1;
          expect(fast.data).toStrictEqual(slow.data);
        } else expect(fast.error?.issues).toEqual(slow.error?.issues);
      }),
      { numRuns: 5000 },
    );
    // The generator reaches the accepted frames often, not by luck.
    expect(taken).toBeGreaterThan(500);
  });

  it('takes the click frame by hand and refuses its near misses as the schema does', () => {
    const ok = { t: 'command', id: 'c1', name: 'offer.pause', args: { offerId: 'glow', reason: null } };
    expect(parseClientMessage(ok)).toStrictEqual(clientMessageSchema.safeParse(ok));
    for (const bad of [
      { ...ok, extra: 1 },
      { ...ok, id: 'x'.repeat(201) },
      { ...ok, name: '' },
      { ...ok, name: 'n'.repeat(201) },
      { t: 'command', id: 'c1', name: 'offer.pause' },
      JSON.parse('{"t":"command","id":"c1","name":"offer.pause","args":{},"__proto__":{"x":1}}') as unknown,
      Object.assign(Object.create({ inherited: true }) as object, ok),
    ]) {
      const fast = parseClientMessage(bad);
      const slow = clientMessageSchema.safeParse(bad);
      expect(fast.success).toBe(slow.success);
      if (fast.success && slow.success) expect(fast.data).toStrictEqual(slow.data);
    }
  });
});
