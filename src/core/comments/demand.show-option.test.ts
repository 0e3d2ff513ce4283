import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { showSchema } from '../../shared/show/show.schema';

const demo = JSON.parse(readFileSync(new URL('../../../resources/demo-show/show.json', import.meta.url), 'utf8')) as { comments?: Record<string, unknown> };
const withDemand = (demand: unknown) => ({ ...demo, comments: { ...(demo.comments ?? {}), demand } });

describe('show file: comments.demand', () => {
  it('defaults to reading demand from triage’s signals in the four languages, closing it on arrival', () => {
    const { comments } = showSchema.parse({ ...demo, comments: { ...(demo.comments ?? {}), demand: undefined } });
    expect(comments.demand).toEqual({ autoClose: true, mode: 'signals', languages: ['en', 'es', 'pt', 'id'], subs: ['buy'], minConfidence: 0.8 });
  });

  it('lets the show turn auto-close off or narrow what counts', () => {
    const d = showSchema.parse(withDemand({ autoClose: false, mode: 'phrases', languages: ['pt'], subs: ['buy', 'reserve'], minConfidence: 0.95 })).comments.demand;
    expect(d).toEqual({ autoClose: false, mode: 'phrases', languages: ['pt'], subs: ['buy', 'reserve'], minConfidence: 0.95 });
  });

  it('refuses what it cannot honour, naming the field', () => {
    for (const bad of [{ languages: ['fr'] }, { languages: [] }, { minConfidence: 0.2 }, { mode: 'everything' }, { subs: ['defect'] }, { autoclose: false }, { autoClose: 'no' }]) {
      const r = showSchema.safeParse(withDemand(bad));
      expect(r.success, JSON.stringify(bad)).toBe(false);
      expect(r.error?.issues[0]?.path.slice(0, 2)).toEqual(['comments', 'demand']);
    }
  });
});
