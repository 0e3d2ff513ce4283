// comments.sourceCredentials: the producer stores a comment source's own secret (never a station
// secret), the source is rebuilt to log in with it, and the value never reaches the audit trail or
// another role's snapshot.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../core';
import { createTestCore, DEMO_SHOW, moderator, producer } from '../../../../test/support/test-core';
import { until } from '../../../../test/support/until';
import { stateView } from '../../../shared/contract/role-policy';

const TOKEN = 'oauth:tw-secret-value-31f9c2';

/** A loopback TCP listener that records what an IRC client sends on each connection. */
async function listen(): Promise<{ server: Server; port: number; lines: string[] }> {
  const lines: string[] = [];
  const server = createServer((socket) => {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => lines.push(...chunk.split('\r\n').filter(Boolean)));
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0, lines };
}

describe('comments.sourceCredentials', () => {
  let core: Core | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    await core?.close();
    core = undefined;
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  });

  async function start(sources: unknown[], secrets: Record<string, string> = {}): Promise<Core> {
    const demo = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as { comments: { sources: unknown[] } };
    demo.comments.sources = sources;
    const c = createTestCore({ clock: { now: () => Date.now(), monotonic: () => performance.now() }, secrets });
    const r = await c.dispatch('show.import', { show: { ...demo, rehearsal: false } }, producer);
    expect(r).toMatchObject({ ok: true });
    await c.start();
    // Sources are built asynchronously once the show is active (live sources start by themselves).
    await until(() => c.snapshot().state.comments.sources.length === sources.length, 3_000, 'the show’s sources');
    return c;
  }
  const source = (c: Core, id: string) => c.snapshot().state.comments.sources.find((s) => s.id === id);

  it('stores the Twitch token under source/<id>/, rebuilds the source, and it logs in with the token', async () => {
    const irc = await listen();
    server = irc.server;
    core = await start([{ kind: 'twitch', id: 'tw', channel: 'lumenlive', host: '127.0.0.1', port: irc.port, nick: 'batonmod', tokenSecret: 'source/tw/oauth' }]);
    const c = core;
    expect(source(c, 'tw')).toMatchObject({ canReply: false, credential: { secret: 'source/tw/oauth', stored: false } });
    await until(() => irc.lines.some((l) => l.startsWith('NICK ')), 5_000, () => irc.lines.join(' | '));
    expect(irc.lines.some((l) => l.startsWith('PASS'))).toBe(false);

    const r = await c.dispatch('comments.sourceCredentials', { id: 'tw', value: TOKEN }, producer);
    expect(r).toMatchObject({ ok: true, result: { id: 'tw', secret: 'source/tw/oauth' } });
    expect(r.ok && (r.result as { sources: unknown[] }).sources[0]).toMatchObject({ canReply: true, credential: { secret: 'source/tw/oauth', stored: true } });
    await until(() => source(c, 'tw')?.credential?.stored === true, 3_000, 'the snapshot to show the stored credential');
    // Running before, so running again, now logged in as the nick with the stored token.
    await until(() => irc.lines.includes(`PASS ${TOKEN}`) && irc.lines.includes('NICK batonmod'), 5_000, () => irc.lines.join(' | '));

    const rows = JSON.stringify(c.db.prepare('SELECT command, args, detail FROM audit_log').all());
    expect(rows).toContain('comments.sourceCredentials');
    expect(rows).not.toContain(TOKEN);
    expect(JSON.stringify(c.snapshot())).not.toContain(TOKEN);
  });

  it('a stopped source stays stopped after its credential is stored', async () => {
    core = await start([{ kind: 'twitch', id: 'tw', channel: 'c', host: '127.0.0.1', port: 9, nick: 'n', tokenSecret: 'source/tw/oauth' }]);
    await core.dispatch('comments.source', { id: 'tw', action: 'stop' }, producer);
    const r = await core.dispatch('comments.sourceCredentials', { id: 'tw', value: TOKEN }, producer);
    expect(r.ok && (r.result as { sources: unknown[] }).sources[0]).toMatchObject({ status: 'stopped', canReply: true });
  });

  it('refuses an unknown source, a source that names no secret, and other roles', async () => {
    core = await start([
      { kind: 'twitch', id: 'tw', channel: 'c', host: '127.0.0.1', port: 9, nick: 'n', tokenSecret: 'source/tw/oauth' },
      { kind: 'ssn', id: 'relay', url: 'ws://127.0.0.1:9/comments' },
    ]);
    const unknown = await core.dispatch('comments.sourceCredentials', { id: 'nope', value: TOKEN }, producer);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(unknown)).toContain('sources: tw, relay');
    expect(await core.dispatch('comments.sourceCredentials', { id: 'relay', value: TOKEN }, producer)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('names no secret') },
    });
    expect(await core.dispatch('comments.sourceCredentials', { id: 'tw', value: TOKEN }, moderator)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.dispatch('comments.sourceCredentials', { id: 'tw', value: '' }, producer)).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(source(core, 'tw')?.credential).toEqual({ secret: 'source/tw/oauth', stored: false });
    expect(JSON.stringify(core.db.prepare('SELECT args, detail FROM audit_log').all())).not.toContain(TOKEN);
  });

  it('a moderator sees the sources but not which secrets they hold', async () => {
    core = await start([{ kind: 'twitch', id: 'tw', channel: 'c', host: '127.0.0.1', port: 9, nick: 'n', tokenSecret: 'source/tw/oauth' }]);
    const seen = stateView('moderator', core.snapshot().state);
    expect(seen.comments.sources[0]).toMatchObject({ id: 'tw', credential: null });
  });
});
