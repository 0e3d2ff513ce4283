// What a client may send on the event channel (WebSocket frames), as a schema: a frame that does
// not parse is answered with the bad field named, never trusted.
import { z } from 'zod';

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('command'), id: z.string().max(200), name: z.string().min(1).max(200), args: z.unknown() }).strict(),
  z.object({ t: z.literal('resync') }).strict(),
]);

const FRAME_KEYS = ['t', 'id', 'name', 'args'] as const;

/**
 * The schema's answer for a parsed frame. The frame of every click (`{t:"command", id, name, args}`
 * and nothing else, as JSON.parse makes it) is checked by hand: zod's walk of a union of strict
 * objects ran on every command's way to the dispatcher, off the caches after the view's idle gap.
 * Anything else — a resync, a missing or extra key, a bad field — goes to the schema, which also
 * words the refusal; `client-message.schema.test.ts` holds the two to the same answers.
 */
export function parseClientMessage(value: unknown): ReturnType<typeof clientMessageSchema.safeParse> {
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const v = value as Record<string, unknown>;
    const { t, id, name } = v;
    if (
      t === 'command' &&
      typeof id === 'string' &&
      id.length <= 200 &&
      typeof name === 'string' &&
      name.length >= 1 &&
      name.length <= 200 &&
      Object.keys(v).length === FRAME_KEYS.length &&
      FRAME_KEYS.every((k) => Object.hasOwn(v, k))
    ) {
      return { success: true, data: { t, id, name, args: v.args } };
    }
  }
  return clientMessageSchema.safeParse(value);
}
