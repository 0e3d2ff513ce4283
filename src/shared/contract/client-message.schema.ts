// What a client may send on the event channel (WebSocket frames), as a schema: a frame that does
// not parse is answered with the bad field named, never trusted.
import { z } from 'zod';

export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('command'), id: z.string().max(200), name: z.string().min(1).max(200), args: z.unknown() }).strict(),
  z.object({ t: z.literal('resync') }).strict(),
]);
