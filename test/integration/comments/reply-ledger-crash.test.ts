// kill -9 of the headless station after a work item's reply went out in one room and not in the
// other: the moderator answers again once the station is back, and the room that had the reply must
// not get it a second time (the ledger of posts is on disk, not in the killed process's memory).
// Real peers: two InspIRCd servers (one Twitch-like chat room each) and the station as a process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRawIrcClient, type RawIrcClient } from '../../peers/irc-flood-sender';
import { startIrcServer, type IrcServer } from '../../peers/irc-server';
import { findFreePort, stopAll, type ManagedProcess } from '../../peers/process-control';
import { ROOT, startTestStation, type TestStation } from '../../peers/headless-station';
import { until } from '../../support/until';

const TOKEN = `producer-${Math.random().toString(36).slice(2)}-ledger`;
const QUESTION = 'does it ship to Lima?';

interface Health {
  id: string;
  status: string;
  canReply: boolean;
}

describe('kill -9 between a reply posted in one room and its retry', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baton-ledger-crash-'));
  const procs: ManagedProcess[] = [];
  const servers: IrcServer[] = [];
  const clients: RawIrcClient[] = [];
  afterAll(async () => {
    for (const c of clients) await c.close().catch(() => undefined);
    for (const p of procs) await p.stop('SIGTERM', 5_000);
    await stopAll(servers);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A viewer in the room: asks the question, and counts the station's posts there. */
  const viewer = async (server: IrcServer, room: string, nick: string) => {
    const c = await connectRawIrcClient({ host: server.host, port: server.port, nick, caps: ['message-tags'] });
    clients.push(c);
    await c.join(`#${room}`);
    const posts: string[] = [];
    c.onMessage((m) => {
      if (m.command === 'PRIVMSG' && m.prefix?.startsWith('batonmod!') && m.params[0] === `#${room}`) posts.push(m.params[1] ?? '');
    });
    return { c, posts, ask: async () => (c.send(`PRIVMSG #${room} :${QUESTION}`), await c.ping()) };
  };

  it('posts the reply once in the room that had it, and in the other after the restart', async () => {
    const north = await startIrcServer({ workDir: join(dataDir, 'irc-north'), serverId: '1NO' });
    servers.push(north);
    const south = await startIrcServer({ workDir: join(dataDir, 'irc-south'), serverId: '2SO' });
    servers.push(south);

    const demo = JSON.parse(readFileSync(join(ROOT, 'resources/demo-show/show.json'), 'utf8')) as Record<string, unknown> & { comments: Record<string, unknown> };
    const { script: _script, ...show } = demo;
    const twitch = (id: string, s: IrcServer) => ({ kind: 'twitch', id, channel: id, host: s.host, port: s.port, nick: 'batonmod', tokenSecret: `source/${id}/oauth` });
    const showFile = join(dataDir, 'show.json');
    writeFileSync(showFile, JSON.stringify({ ...show, id: 'ledger-crash', rehearsal: false, comments: { ...demo.comments, sources: [twitch('north', north), twitch('south', south)] } }));

    const port = await findFreePort();
    const start = async (n: number) => {
      const s = await startTestStation({ dataDir, port, showFile, token: TOKEN, name: `station-${n}` });
      procs.push(s.proc);
      return s;
    };
    const sources = async (s: TestStation) => (await s.api<{ sources: Health[] }>('comments.source', { id: 'north', action: 'start' })).body.result?.sources ?? [];
    const ready = (s: TestStation) =>
      until(async () => (await sources(s)).filter((h) => h.status === 'connected' && h.canReply).length === 2, 20_000, 'both rooms connected and able to post');

    const a = await start(1);
    // The login token InspIRCd ignores: with a nick, the sources can post.
    for (const id of ['north', 'south']) expect((await a.api('comments.sourceCredentials', { id, value: 'oauth:not-checked-here' })).status).toBe(200);
    await ready(a);
    const inNorth = await viewer(north, 'north', 'viewern');
    const inSouth = await viewer(south, 'south', 'viewers');
    await inNorth.ask();
    await inSouth.ask();
    let clusterId = '';
    await until(async () => {
      const desk = await a.api<{ items: { id: string; size: number }[] }>('comments.desk', { filter: { queue: 'all' }, limit: 10 });
      clusterId = desk.body.result?.items.find((i) => i.size === 2)?.id ?? '';
      return clusterId !== '';
    }, 10_000, 'one work item asked in both rooms');

    // The south chat goes down: the answer goes out in north only, and nobody is marked answered.
    await south.stop();
    await until(async () => (await sources(a)).find((h) => h.id === 'south')?.status !== 'connected', 10_000, 'south seen down');
    const answer = (s: TestStation) => s.api<{ sent: number; alreadySent: number; answered: number }>('cluster.answer', { clusterId, macroId: 'shipping', send: true, by: 'Ana Reyes' });
    const first = await answer(a);
    expect(first.body).toMatchObject({ ok: false, error: { message: expect.stringMatching(/went out in 1 other room/) } });
    await until(() => inNorth.posts.length === 1, 5_000, 'north got the reply');

    await a.proc.kill();
    expect(a.proc.exitInfo()?.signal).toBe('SIGKILL');
    await south.restart();
    const b = await start(2);
    await ready(b);
    const southAgain = await viewer(south, 'south', 'viewers2');
    // The refused south post cleared its intent and north's was cleared with its note: the kill left
    // no post of unknown outcome, so nothing is held back and no desk is asked about one.
    const state = await fetch(`${b.url}/api/state`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(((await state.json()) as { state: { comments: { unsurePosts?: unknown[] } } }).state.comments.unsurePosts).toEqual([]);
    const again = await answer(b);
    expect(again.body).toMatchObject({ ok: true, result: { answered: 2, sent: 1, alreadySent: 1 } });
    await until(() => southAgain.posts.length === 1, 5_000, 'south got the reply');
    // Whatever the station wrote to north after the restart has reached the viewer by now.
    await inNorth.c.ping();
    await new Promise((r) => setTimeout(r, 300));
    await inNorth.c.ping();
    expect(inNorth.posts).toHaveLength(1);
    expect(southAgain.posts).toHaveLength(1);
  }, 120_000);
});
