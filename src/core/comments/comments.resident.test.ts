// The open comments kept in memory stay within a window per queue however many arrive: the rest
// are counted, read back from SQLite (oldest first) as the kept ones are handled, and still
// readable by id and by page meanwhile; a restart keeps the same window.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommentRecord, DeskItem } from '../../shared/contract/index';
import { createTestClock, createTestCore, DEMO_SHOW, moderator, producer } from '../../../test/support/test-core';
import type { Core } from '../core';
import { openedInTests, scriptedTriage } from '../../../test/support/scripted-triage';
import { createDefaultCommentsPorts } from './comments.default-ports';
import type { CommentsPorts } from './comments.ports';
import { createResidentWindow, type ResidentRow } from './comments.resident';
import type { Intent, Triage } from './triage/triage.types';

describe('the resident window (bookkeeping)', () => {
  const row = (seq: number, intent: Intent = 'question'): ResidentRow => ({ id: `c${seq}`, seq, queue: 'moderators', intent });

  it('keeps the first `cap` of a queue, counts the rest, and reads them back in seq order as room appears', () => {
    const w = createResidentWindow({ cap: 4, refillBatch: 2 });
    let kept = 0;
    const admitted: number[] = [];
    for (let seq = 1; seq <= 10; seq++) {
      if (w.admit(row(seq, seq % 2 ? 'question' : 'other'), kept)) {
        kept += 1;
        admitted.push(seq);
      }
    }
    expect(admitted).toEqual([1, 2, 3, 4]);
    expect(w.spilled('moderators')).toEqual({ comments: 6, work: 3 });
    expect(w.spilledWork()).toBe(3);
    // Still full, or only one free: no read yet.
    expect(w.refillFrom('moderators', 4)).toBeNull();
    expect(w.refillFrom('moderators', 3)).toBeNull();
    // Two handled: read two after the cut.
    expect(w.refillFrom('moderators', 2)).toEqual({ afterSeq: 4, limit: 2 });
    expect(w.refilled('moderators', [row(5), row(6, 'other')], 2, () => false).map((r) => r.seq)).toEqual([5, 6]);
    expect(w.spilled('moderators').comments).toBe(4);
    expect(w.refillFrom('moderators', 2)).toEqual({ afterSeq: 6, limit: 2 });
  });

  it('keeps later arrivals out while a queue spills, even with room, so what is kept stays the oldest', () => {
    const w = createResidentWindow({ cap: 2, refillBatch: 1 });
    expect(w.admit(row(1), 0)).toBe(true);
    expect(w.admit(row(2), 1)).toBe(true);
    expect(w.admit(row(3), 2)).toBe(false);
    expect(w.admit(row(4), 1)).toBe(false);
    expect(w.spilled('moderators').comments).toBe(2);
  });

  it('lets a person-touched spilled comment leave the count, skips it on the read back, and ends the spill on a short read', () => {
    const w = createResidentWindow({ cap: 2, refillBatch: 2 });
    w.admit(row(1), 0);
    w.admit(row(2), 1);
    for (const seq of [3, 4, 5]) w.admit(row(seq), 2);
    // A moderator claimed c4 by id: it is kept now, and no longer spilled.
    w.left({ queue: 'moderators', intent: 'question' });
    expect(w.spilled('moderators')).toEqual({ comments: 2, work: 2 });
    const back = w.refilled('moderators', [row(3), row(4), row(5)].slice(0, 2), 2, (id) => id === 'c4');
    expect(back.map((r) => r.id)).toEqual(['c3']);
    expect(w.refillFrom('moderators', 0)).toEqual({ afterSeq: 4, limit: 2 });
    expect(w.refilled('moderators', [row(5)], 2, () => false).map((r) => r.id)).toEqual(['c5']);
    expect(w.spilled('moderators')).toEqual({ comments: 0, work: 0 });
    expect(w.refillFrom('moderators', 0)).toBeNull();
    // Not spilling any more: new arrivals are kept while there is room.
    expect(w.admit(row(6), 1)).toBe(true);
  });

  it('starts from SQLite counts: the oldest `cap` kept, the rest spilled', () => {
    const w = createResidentWindow({ cap: 2 });
    w.reset([
      { queue: 'moderators', kept: [row(1), row(2)], open: 5, openWork: 4 },
      { queue: 'other', kept: [{ ...row(3, 'other'), queue: 'other' }], open: 1, openWork: 0 },
    ]);
    expect(w.spilled('moderators')).toEqual({ comments: 3, work: 2 });
    expect(w.spilled('other')).toEqual({ comments: 0, work: 0 });
    expect(w.refillFrom('moderators', 0)).toEqual({ afterSeq: 2, limit: 1 });
  });
});

/** Every comment a distinct question (its own work item): "[question] ask <word>". */
function questionsTriage(): Triage {
  return scriptedTriage(({ text }) => ({ intent: text.startsWith('[question]') ? 'question' : 'other', confidence: 0.9, lang: 'en', sku: null, offerCode: null, reasons: ['scripted'] }));
}

const { cores, dirs } = openedInTests();

const CAP = 20;
function boot(dataDir?: string) {
  const real = createDefaultCommentsPorts();
  const ports: CommentsPorts = {
    ...real,
    createTriage: () => questionsTriage(),
    residentPerQueue: CAP,
    sources: { ...real.sources, replay: () => ({ id: 'rehearsal-chat', kind: 'replay', start() {}, stop: async () => {}, health: () => ({ id: 'rehearsal-chat', kind: 'replay', label: 'off', status: 'stopped', detail: null, lastMessageAt: null, received: 0, rehearsal: true, canReply: false }) }) },
  };
  const core = createTestCore({ ...(dataDir ? { dataDir } : {}), clock: createTestClock(), ports: { comments: ports } });
  cores.push(core);
  core.show.loadFile(DEMO_SHOW);
  return core;
}

async function ok<T>(p: Promise<{ ok: true; result: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result;
}

// Distinct topic words (letters only), so no two questions share a work item.
const word = (i: number) => `zq${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}${String.fromCharCode(97 + Math.floor(i / 676))}`;
const question = (i: number) => ({ platform: 'tiktok', id: `q${i}`, author: `viewer-${i}`, text: `[question] ask ${word(i)} ${word(i)}x`, lang: 'en' });
type Window = { items: DeskItem[]; total: number; next: string | null };
const desk = (core: Core) => ok(core.dispatch('comments.desk', { filter: { queue: 'moderators' }, limit: 200 }, moderator)) as Promise<Window>;
const moderatorsQueue = async (core: Core) => {
  core.state.flush();
  await new Promise((r) => setTimeout(r, 150));
  return core.snapshot().state.comments.queues.find((q) => q.name === 'moderators');
};

describe('open comments beyond the window', () => {
  const N = 300;

  it('keeps at most the window in memory, counts them all, and still reads an old one by page and by id', async () => {
    const core = boot();
    for (let from = 0; from < N; from += 100) await ok(core.dispatch('comments.ingest', { comments: Array.from({ length: 100 }, (_, i) => question(from + i)) }, producer));
    const w = await desk(core);
    // The desk's in-memory index holds the window, oldest first; the total counts every waiting comment.
    expect(w.items).toHaveLength(CAP);
    expect(w.items.map((i) => i.comment.messageId)).toEqual(Array.from({ length: CAP }, (_, i) => `q${i}`));
    expect(w.total).toBe(N);
    expect(w.next).toBeNull();
    const q = await moderatorsQueue(core);
    expect(q).toMatchObject({ open: N, items: N });
    expect(core.snapshot().state.comments.work?.comments).toBe(N);
    // Not kept in memory, still in SQLite: by page and by id.
    const page = ((await ok(core.dispatch('comments.list', { queue: 'moderators', open: true, limit: 5 }, moderator))) as { comments: CommentRecord[] }).comments;
    expect(page.map((c) => c.messageId)).toEqual(['q299', 'q298', 'q297', 'q296', 'q295']);
    const older = ((await ok(core.dispatch('comments.list', { queue: 'moderators', after: page[4]?.id, limit: 1 }, moderator))) as { comments: CommentRecord[] }).comments;
    expect(older[0]?.messageId).toBe('q294');
    const claimed = await ok(core.dispatch('comment.claim', { id: 'tiktok:q250', by: 'Ana' }, moderator));
    expect(claimed).toMatchObject({ comment: { messageId: 'q250', status: 'claimed' } });
  });

  it('reads the next oldest back as the kept ones are answered, until every comment was on the desk once', async () => {
    const core = boot();
    for (let from = 0; from < N; from += 100) await ok(core.dispatch('comments.ingest', { comments: Array.from({ length: 100 }, (_, i) => question(from + i)) }, producer));
    const seen = new Set<string>();
    for (let round = 0; round < 100; round++) {
      const w = await desk(core);
      if (w.items.length === 0) break;
      expect(w.items.length).toBeLessThanOrEqual(CAP);
      for (const i of w.items) seen.add(i.comment.messageId);
      await ok(core.dispatch('comments.bulk', { clusterIds: w.items.slice(0, 7).map((i) => i.id), action: 'dismiss', by: 'Ana' }, moderator));
    }
    expect(seen.size).toBe(N);
    expect((await desk(core)).total).toBe(0);
    expect(await moderatorsQueue(core)).toMatchObject({ open: 0 });
  });

  it('moves the desk version when a comment arrives beyond the window, so open desks read the new total', async () => {
    const core = boot();
    await ok(core.dispatch('comments.ingest', { comments: Array.from({ length: CAP + 5 }, (_, i) => question(i)) }, producer));
    const version = () => {
      core.state.flush();
      return core.snapshot().state.comments.deskVersion ?? 0;
    };
    await new Promise((r) => setTimeout(r, 150));
    const before = version();
    expect((await desk(core)).total).toBe(CAP + 5);
    await ok(core.dispatch('comments.ingest', { comments: [question(CAP + 5)] }, producer));
    await new Promise((r) => setTimeout(r, 150));
    expect(version()).toBeGreaterThan(before);
    expect((await desk(core)).total).toBe(CAP + 6);
  });

  it('keeps the same window after a restart: the oldest in memory, all counted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-resident-'));
    dirs.push(dir);
    const first = boot(dir);
    for (let from = 0; from < N; from += 100) await ok(first.dispatch('comments.ingest', { comments: Array.from({ length: 100 }, (_, i) => question(from + i)) }, producer));
    await first.close();
    cores.splice(cores.indexOf(first), 1);
    const again = boot(dir);
    const w = await desk(again);
    expect(w.items.map((i) => i.comment.messageId)).toEqual(Array.from({ length: CAP }, (_, i) => `q${i}`));
    expect(w.total).toBe(N);
    expect(await moderatorsQueue(again)).toMatchObject({ open: N });
  });
});
