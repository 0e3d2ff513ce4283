// Reads a show's comments page by page through `comments.list` and hands each page to a visitor:
// a read never holds more than one page of records, whatever the size of the show.
import type { CommentRecord } from '../../shared/contract/index';

/** One `comments.list` call: `after` is the last id of the previous page. */
export type ListCommentsPage = (args: { limit: number; after?: string }) => Promise<{ ok: true; result: unknown } | { ok: false }>;

export const COMMENT_PAGE = 5000;
/** 200 pages of 5 000: the million comments a show may hold, and no more reads than that. */
const MAX_PAGES = 200;

/**
 * Visits, a page at a time and in the list's order, the comments received within [from, to]. The
 * next page is asked for only after the visitor has had the previous one. A failed page ends the
 * read (what was visited stays visited); the answer says whether the read went to its end.
 */
export async function forEachCommentPage(list: ListCommentsPage, from: number, to: number, visit: (page: CommentRecord[]) => void): Promise<{ complete: boolean }> {
  let after: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const r = await list({ limit: COMMENT_PAGE, ...(after ? { after } : {}) });
    if (!r.ok) return { complete: false };
    const page = (r.result as { comments: CommentRecord[] }).comments;
    visit(page.filter((c) => c.receivedAt >= from && c.receivedAt <= to));
    if (page.length < COMMENT_PAGE) return { complete: true };
    after = page[page.length - 1]!.id;
  }
  return { complete: false };
}
