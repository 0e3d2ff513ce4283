// The JSON script format: the same structure as the Markdown one, for tools that generate scripts.
// `{ title, offer?, segments: [{ title, plannedSeconds?, offer?, cues: [{ kind, text }] }] }`.
import { z } from 'zod';
import { CUE_KINDS } from '../../shared/contract/index';
import { MAX_CUE_CHARS, MAX_CUES, type DraftParse } from './script.draft';
import { jsonProblem } from '../../shared/text/json-problem';

const offerRef = z.string().min(1).max(64);
const scriptJson = z
  .object({
    title: z.string().trim().min(1).max(200),
    offer: offerRef.nullable().optional(),
    segments: z
      .array(
        z
          .object({
            // Exported content carries ids; they are derived again from titles and positions.
            id: z.string().optional(),
            title: z.string().trim().min(1).max(200),
            plannedSeconds: z.number().int().positive().max(24 * 3600).nullable().optional(),
            offer: offerRef.nullable().optional(),
            offerId: offerRef.nullable().optional(),
            cues: z
              .array(
                z
                  .object({
                    id: z.string().optional(),
                    kind: z.enum(CUE_KINDS),
                    text: z.string().trim().min(1, 'the cue has no text').max(MAX_CUE_CHARS),
                  })
                  .strict(),
              )
              .min(1, 'a segment has at least one cue'),
          })
          .strict(),
      )
      .min(1, 'a script has at least one segment')
      .max(MAX_CUES),
  })
  .strict();

export function parseJsonScript(source: string): DraftParse {
  let value: unknown;
  try {
    value = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, issues: [{ line: null, path: '', message: jsonProblem(error) }] };
  }
  const parsed = scriptJson.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ line: null, path: i.path.join('.'), message: i.message })),
    };
  }
  const s = parsed.data;
  return {
    ok: true,
    draft: {
      title: s.title,
      offerId: s.offer ?? null,
      segments: s.segments.map((seg, i) => ({
        title: seg.title,
        plannedSeconds: seg.plannedSeconds ?? null,
        offerId: seg.offer ?? seg.offerId ?? null,
        line: null,
        path: `segments.${i}`,
        cues: seg.cues.map((c, j) => ({ kind: c.kind, text: c.text, line: null, path: `segments.${i}.cues.${j}` })),
      })),
    },
  };
}
