import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { DEMO_SHOW, createTestClock, createTestCore, producer } from '../../../test/support/test-core';
import { writePostShowPackage } from '../show/post-show.package';
import { showDayPackageFiles } from './showday.package';
import { renderTimelineHtml } from './timeline.html';
import { bucketComments } from './comment.volume';
import { buildTimeline } from './timeline.build';
import type { GoRecord } from '../../shared/contract/index';

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function liveShow() {
  const dir = mkdtempSync(join(tmpdir(), 'baton-sdpkg-'));
  dirs.push(dir);
  const clock = createTestClock();
  const core = createTestCore({ dataDir: dir, clock });
  cores.push(core);
  const show = { ...(JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as object), checklist: [{ id: 'stock', label: 'Stock <counted>', kind: 'manual' }] };
  expect((await core.dispatch('show.import', { show }, producer)).ok).toBe(true);
  await core.start();
  await core.dispatch('preflight.run', {}, producer);
  await core.dispatch('preflight.tick', { id: 'stock', done: true }, producer);
  const go = await core.dispatch('show.go', {}, producer);
  expect(go).toMatchObject({ ok: true, result: { go: { verdict: 'go' } } });
  clock.advance(5 * 60_000);
  return { core, clock, dir };
}

describe('post-show package: show-day files', () => {
  it('adds the GO record, timeline (JSON and HTML), chapters, experiment log and post-mortem, and a zip beside the folder', async () => {
    const { core } = await liveShow();
    expect((await core.dispatch('show.end', {}, producer)).ok).toBe(true);
    const r = await core.dispatch('show.package', {}, producer);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const { dir, zip, files } = r.result;
    expect(files).toEqual(expect.arrayContaining(['go-record.json', 'end-record.json', 'timeline.json', 'timeline.html', 'chapters.txt', 'experiment-log.md', 'post-mortem.md', 'summary.json']));
    const go = JSON.parse(readFileSync(join(dir, 'go-record.json'), 'utf8')) as GoRecord;
    expect(go.checks).toEqual([expect.objectContaining({ id: 'stock', status: 'pass', checkedBy: 'Maya (producer)' })]);
    const html = readFileSync(join(dir, 'timeline.html'), 'utf8');
    expect(html).toContain('Stock &lt;counted&gt;');
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    expect(readFileSync(join(dir, 'post-mortem.md'), 'utf8')).toContain('- Owner: ');
    expect(zip).toBe(`${dir}.zip`);
    const listing = execFileSync('unzip', ['-l', zip!]).toString();
    for (const f of files) expect(listing).toContain(f);
    expect(readdirSync(join(dir, '..')).filter((n) => n.includes('partial'))).toEqual([]);
  });

  it('leaves nothing that looks complete when the disk fills up mid-package', async () => {
    const { core, dir: dataDir } = await liveShow();
    let writes = 0;
    const fs = {
      writeFile: () => {
        if (++writes === 4) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    const attempt = writePostShowPackage({ dataDir, now: core.now(), db: core.db, audit: core.audit, state: core.state, dispatch: core.dispatch, extras: showDayPackageFiles, fs });
    await expect(attempt).rejects.toThrow(/could not be written \(ENOSPC: no space left on device/);
    expect(existsSync(join(dataDir, 'packages')) ? readdirSync(join(dataDir, 'packages')) : []).toEqual([]);
  });
});

describe('timeline page', () => {
  it('stacks comment volume by intent per minute, with a legend of the totals', () => {
    const go = { showId: 's', title: 'Show', rehearsal: false, at: 60_000, by: 'Maya', verdict: 'go', checks: [], overrides: [], script: null, offers: [], roster: { views: {}, tickedBy: [] } } as unknown as GoRecord;
    const comments = bucketComments(
      [
        { seq: 1, receivedAt: 30_000, intent: 'order' }, // before GO: not counted
        { seq: 2, receivedAt: 61_000, intent: 'question' },
        { seq: 3, receivedAt: 62_000, intent: 'order' },
        { seq: 4, receivedAt: 130_000, intent: 'order' },
        { seq: 5, receivedAt: 131_000, intent: 'complaint' },
      ],
      go.at,
      300_000,
    );
    const t = buildTimeline({ go, end: null, to: 300_000, segments: [], audit: [], health: [], comments, alerts: [], firings: [] });
    expect(t.comments).toEqual([
      { at: 60_000, total: 2, byIntent: { question: 1, order: 1 } },
      { at: 120_000, total: 2, byIntent: { order: 1, complaint: 1 } },
    ]);
    const html = renderTimelineHtml(t, go, null, []);
    expect(html.match(/<rect class="comments [a-z]+" data-intent="order"/g)).toHaveLength(2);
    expect(html.match(/data-intent="complaint"/g)).toHaveLength(1);
    expect(html).toContain('2 comments (order 1, question 1)');
    expect(html).toMatch(/data-part="comment-legend">.*order 2.*question 1.*complaint 1/);
  });


  it('escapes every text from the show and the people', () => {
    const go: GoRecord = {
      showId: 's',
      title: '<img src=x onerror=alert(1)>',
      rehearsal: true,
      at: 0,
      by: '"Mallory" <m>',
      verdict: 'go-overridden',
      checks: [{ id: 'c', label: '<b>c</b>', kind: 'auto', status: 'fail', detail: '</script><script>alert(2)</script>', checkedAt: 0, checkedBy: 'station' }],
      overrides: [{ checkId: 'c', reason: "it's <fine>" }],
      script: null,
      offers: [],
      roster: { views: {}, tickedBy: [] },
    };
    const t = buildTimeline({ go, end: null, to: 120_000, segments: [], audit: [], health: [], comments: [], alerts: [], firings: [] });
    const html = renderTimelineHtml(t, go, null, ['00:00 <Intro>']);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>c</b>');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('</script><script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('it&#39;s &lt;fine&gt;');
    expect(html).toContain('00:00 &lt;Intro&gt;');
  });
});
