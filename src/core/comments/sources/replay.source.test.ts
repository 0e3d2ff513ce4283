import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReplaySource, parseReplay } from './replay.source';
import { baseDeps, recordingSink, until } from './sources.test-support';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function file(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'baton-replay-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'c.jsonl'), lines.join('\n'));
  return dir;
}

describe('replay source', () => {
  it('parses lines, sorts by time and reports bad ones', () => {
    const p = parseReplay(['{"t":2,"author":"b","text":"second"}', 'garbage', '{"t":1,"author":"a","text":"first","platform":"tiktok","id":7}', '{"t":3,"text":"no author"}', ''].join('\n'));
    expect(p.lines.map((l) => l.text)).toEqual(['first', 'second']);
    expect(p.lines[0]).toMatchObject({ id: '7', platform: 'tiktok' });
    expect(p.bad).toEqual([
      { line: 2, reason: 'not JSON' },
      { line: 4, reason: '`author` missing' },
    ]);
  });

  it('plays at speed, marks everything REHEARSAL and loops with fresh ids', async () => {
    const dir = file(['{"t":0,"author":"a","text":"one","id":"1"}', '{"t":1,"author":"b","text":"two","id":"2"}', 'oops']);
    const sink = recordingSink();
    const src = createReplaySource({ ...baseDeps, baseDir: dir, sink, config: { kind: 'replay', id: 'r', file: 'c.jsonl', speed: 20, loop: true } });
    const t0 = performance.now();
    src.start();
    await until(() => sink.got.length >= 4, 3_000, 'two loops');
    expect(src.health().detail ?? '').toMatch(/^REHEARSAL: .*1 bad line/);
    // 1 s of recording at 20× is 50 ms per loop.
    expect(performance.now() - t0).toBeLessThan(1_000);
    await src.stop();
    expect(sink.got.slice(0, 2).map((c) => c.text)).toEqual(['one', 'two']);
    expect(sink.got[0]?.room).toBe('REHEARSAL');
    expect(new Set(sink.got.map((c) => c.messageId)).size).toBe(sink.got.length);
    expect(src.health()).toMatchObject({ rehearsal: true, status: 'stopped', received: sink.got.length });
  });

  it('says so when the file is missing', async () => {
    const sink = recordingSink();
    const src = createReplaySource({ ...baseDeps, sink, config: { kind: 'replay', id: 'r', file: 'nonexistent/x.jsonl', speed: 1, loop: false } });
    src.start();
    await until(() => src.health().status === 'error', 2_000, 'error');
    expect(src.health().detail).toMatch(/no such file/);
  });

  it('reads nothing outside the show’s folder (an absolute path or ../), and says why', async () => {
    for (const file of ['/etc/hostname', '../../../../../../etc/hostname']) {
      const sink = recordingSink();
      const src = createReplaySource({ ...baseDeps, sink, config: { kind: 'replay', id: 'r', file, speed: 1, loop: false } });
      src.start();
      await until(() => src.health().status === 'error', 2_000, 'error');
      expect(src.health().detail, file).toMatch(/show’s folder/);
      expect(sink.got).toEqual([]);
    }
  });

  it('plays the demo show file: a few hundred comments over about ten minutes', () => {
    const p = parseReplay(readFileSync('resources/demo-show/comments.jsonl', 'utf8'));
    expect(p.bad).toEqual([]);
    expect(p.lines.length).toBeGreaterThan(250);
    expect(p.lines.at(-1)?.t).toBeGreaterThan(400);
  });
});
