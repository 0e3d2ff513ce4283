// Rehearsal source: plays a JSONL file of timestamped comments at 1×–20× speed, optionally looping.
// Everything it delivers is marked rehearsal; its health says REHEARSAL so no one mistakes it for
// a live audience. Bad lines are skipped and counted in the detail, never fatal.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CommentSourceConfig } from '../../../shared/show/show.schema';
import type { SourceComment } from '../comment.model';
import { createHealthTracker, type CommentSource, type SourceDeps } from './source.types';
import { fileBesideShow } from '../../platform/beside-show';

type ReplayConfig = Extract<CommentSourceConfig, { kind: 'replay' }>;

export interface ReplayLine {
  /** Seconds from the start of the recording. */
  t: number;
  id: string;
  platform: string;
  author: string;
  text: string;
  lang: string | null;
}

export interface ReplayParse {
  lines: ReplayLine[];
  bad: { line: number; reason: string }[];
}

/** Parses the file: one JSON object a line `{ t, platform, author, text, id?, lang? }`. */
export function parseReplay(text: string): ReplayParse {
  const lines: ReplayLine[] = [];
  const bad: ReplayParse['bad'] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('//')) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      bad.push({ line: i + 1, reason: 'not JSON' });
      return;
    }
    const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
    const t = o['t'];
    const textField = o['text'];
    const author = o['author'];
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) return void bad.push({ line: i + 1, reason: '`t` (seconds) missing' });
    if (typeof textField !== 'string' || !textField.trim()) return void bad.push({ line: i + 1, reason: '`text` missing' });
    if (typeof author !== 'string' || !author.trim()) return void bad.push({ line: i + 1, reason: '`author` missing' });
    lines.push({
      t,
      id: typeof o['id'] === 'string' || typeof o['id'] === 'number' ? String(o['id']) : `l${i + 1}`,
      platform: typeof o['platform'] === 'string' && o['platform'] ? o['platform'] : 'replay',
      author,
      text: textField,
      lang: typeof o['lang'] === 'string' ? o['lang'] : null,
    });
  });
  lines.sort((a, b) => a.t - b.t);
  return { lines, bad };
}

export function createReplaySource(deps: SourceDeps<ReplayConfig>): CommentSource {
  const { config, sink, clock, log } = deps;
  const beside = fileBesideShow(deps.baseDir, config.file);
  const file = beside.ok ? beside.path : resolve(deps.baseDir, config.file);
  const health = createHealthTracker(
    { id: config.id, kind: 'replay', label: `Replay ${config.file} at ${config.speed}×`, rehearsal: true },
    sink,
  );
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  // A fresh run id keeps a restarted replay from colliding with its own earlier comments.
  let runId = '';
  let loop = 0;

  const stopTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const play = (parse: ReplayParse) => {
    const { lines, bad } = parse;
    const badNote = bad.length ? `; ${bad.length} bad line(s) skipped (first: line ${bad[0]?.line}: ${bad[0]?.reason})` : '';
    if (lines.length === 0) {
      health.set('error', `${file} has no playable comments${badNote}`);
      running = false;
      return;
    }
    let index = 0;
    // Pacing follows the monotonic clock; the comments are stamped with the station's clock.
    let startedAt = performance.now();
    const first = lines[0]?.t ?? 0;
    const tick = () => {
      if (!running) return;
      const elapsed = ((performance.now() - startedAt) / 1000) * config.speed;
      const batch: SourceComment[] = [];
      while (index < lines.length && (lines[index]?.t ?? 0) - first <= elapsed) {
        const l = lines[index] as ReplayLine;
        batch.push({
          platform: l.platform,
          messageId: `rehearsal-${runId}-${loop}-${l.id}`,
          author: l.author,
          text: l.text,
          at: clock.now(),
          room: 'REHEARSAL',
          lang: l.lang,
          raw: { replay: config.file, line: l.id, loop },
        });
        index += 1;
      }
      if (batch.length) {
        sink.comments(batch);
        health.received(batch.length, clock.now());
      }
      if (index >= lines.length) {
        if (!config.loop) {
          health.set('stopped', `REHEARSAL: played all ${lines.length} comments${badNote}`);
          running = false;
          return;
        }
        loop += 1;
        index = 0;
        startedAt = performance.now();
      }
      health.set('connected', `REHEARSAL: ${index}/${lines.length} at ${config.speed}×${config.loop ? `, loop ${loop + 1}` : ''}${badNote}`);
      const nextT = (lines[index]?.t ?? 0) - first;
      const waitMs = Math.max(5, ((nextT / config.speed) * 1000) - (performance.now() - startedAt));
      timer = setTimeout(tick, Math.min(waitMs, 1_000));
    };
    tick();
  };

  return {
    id: config.id,
    kind: 'replay',
    start() {
      if (running) return;
      running = true;
      runId = clock.now().toString(36);
      loop = 0;
      if (!beside.ok) {
        running = false;
        health.set('error', `The replay file ${beside.message}`);
        return;
      }
      health.set('connecting', `REHEARSAL: reading ${file}`);
      readFile(file, 'utf8').then(
        (text) => {
          if (running) play(parseReplay(text));
        },
        (error: NodeJS.ErrnoException) => {
          running = false;
          log.warn('replay file unreadable', { file, error: error.code ?? String(error) });
          health.set('error', `cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : (error.code ?? String(error))}`);
        },
      );
    },
    async stop() {
      running = false;
      stopTimer();
      health.set('stopped', null);
    },
    health: () => health.get(),
  };
}
