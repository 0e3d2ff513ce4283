// A show's comments are read a page at a time: the visitor has each page before the next is asked
// for, so no read holds the whole show (up to a million records) at once.
import { describe, expect, it } from 'vitest';
import type { CommentRecord } from '../../shared/contract/index';
import { COMMENT_PAGE, forEachCommentPage, type ListCommentsPage } from './comment.pages';

const comment = (i: number) => ({ id: `c${String(i).padStart(6, '0')}`, receivedAt: i }) as unknown as CommentRecord;

function store(total: number, failAt?: number) {
  const all = Array.from({ length: total }, (_, i) => comment(i));
  const calls: string[] = [];
  const list: ListCommentsPage = async ({ limit, after }) => {
    calls.push(`list ${after ?? 'start'}`);
    if (failAt !== undefined && calls.length === failAt) return { ok: false };
    const from = after === undefined ? 0 : all.findIndex((c) => c.id === after) + 1;
    return { ok: true, result: { comments: all.slice(from, from + limit) } };
  };
  return { list, calls };
}

describe('forEachCommentPage', () => {
  it('hands each page to the visitor before asking for the next, and never more than a page', async () => {
    const { list, calls } = store(2 * COMMENT_PAGE + 7);
    let seen = 0;
    let largest = 0;
    const r = await forEachCommentPage(list, 0, Number.MAX_SAFE_INTEGER, (page) => {
      calls.push(`visit ${page.length}`);
      seen += page.length;
      largest = Math.max(largest, page.length);
    });
    expect(r).toEqual({ complete: true });
    expect(seen).toBe(2 * COMMENT_PAGE + 7);
    expect(largest).toBeLessThanOrEqual(COMMENT_PAGE);
    expect(calls).toEqual(['list start', `visit ${COMMENT_PAGE}`, `list c${String(COMMENT_PAGE - 1).padStart(6, '0')}`, `visit ${COMMENT_PAGE}`, `list c${String(2 * COMMENT_PAGE - 1).padStart(6, '0')}`, 'visit 7']);
  });

  it('visits only the comments received within [from, to]', async () => {
    const { list } = store(COMMENT_PAGE + 10);
    const ids: string[] = [];
    await forEachCommentPage(list, 4998, 5002, (page) => ids.push(...page.map((c) => c.id)));
    expect(ids).toEqual(['c004998', 'c004999', 'c005000', 'c005001', 'c005002']);
  });

  it('stops at a failed page and says the read is incomplete; what was visited stays', async () => {
    const { list } = store(3 * COMMENT_PAGE, 2);
    let seen = 0;
    expect(await forEachCommentPage(list, 0, Number.MAX_SAFE_INTEGER, (page) => (seen += page.length))).toEqual({ complete: false });
    expect(seen).toBe(COMMENT_PAGE);
  });
});
