// The wire shape of a station's batch, parsed before anything touches the database.
import { z } from 'zod';

export const MAX_FACTS_PER_BATCH = 5_000;
export const STATION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const batchSchema = z
  .object({
    stationId: z.string().regex(STATION_ID),
    batchId: z.string().min(1).max(200),
    sentAt: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    // Each fact's envelope is read one by one (fact-envelope.check.ts): one bad fact is flagged, not the batch refused.
    facts: z.array(z.unknown()).max(MAX_FACTS_PER_BATCH),
  })
  .strict();

export type ParsedBatch = z.output<typeof batchSchema>;
