// The wire shape of a station's batch, parsed before anything touches the database.
import { z } from 'zod';
import { HQ_FACT_KINDS } from '../../src/shared/contract/index';
import { MAX_TIME_MS } from '../db/fact-sql';

export const MAX_FACTS_PER_BATCH = 5_000;
export const STATION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const factSchema = z
  .object({
    seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    showId: z.string().max(128),
    kind: z.enum(HQ_FACT_KINDS),
    // A time any page can show as a date (JavaScript's Date ends at 8.64e15 ms).
    at: z.number().int().nonnegative().max(MAX_TIME_MS),
    body: z.record(z.string(), z.unknown()),
  })
  .strict();

export const batchSchema = z
  .object({
    stationId: z.string().regex(STATION_ID),
    batchId: z.string().min(1).max(200),
    sentAt: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    facts: z.array(factSchema).max(MAX_FACTS_PER_BATCH),
  })
  .strict()
  .superRefine((b, ctx) => {
    for (let i = 1; i < b.facts.length; i++) {
      if (b.facts[i]!.seq <= b.facts[i - 1]!.seq) {
        ctx.addIssue({ code: 'custom', path: ['facts', i, 'seq'], message: 'facts must be in strictly increasing seq order' });
        return;
      }
    }
  });

export type ParsedBatch = z.output<typeof batchSchema>;
