// A reply the station was posting when it died (the chat may have taken it): after the restart the
// moderator desk says plainly which room and which text, and the person at the desk settles it —
// the choice lands in the audit trail in their name. The station left its intent on disk; this test
// writes that intent into the data folder of a stopped station (what a kill -9 mid-post leaves),
// then starts the built station on it. The second test has a real room (a private IRC server, a
// Twitch-like chat): the moderator says the reply is there, and answering the item later posts nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from '@playwright/test';
import { freePort, startStationProcess, type StationProcess } from '../peers/station-process';
import { connectRawIrcClient, type RawIrcClient } from '../peers/irc-flood-sender';
import { startIrcServer, type IrcServer } from '../peers/irc-server';
import { until } from '../support/until';
import { axeClean } from './screen-checks';

let dataDir: string;
let stations: StationProcess[] = [];
test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'baton-unsure-e2e-'));
  stations = [];
});
test.afterEach(async () => {
  for (const s of stations) await s.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const TEXT = 'Standard shipping takes 3–5 working days.';

test('a reply of unknown outcome: the desk names its room and text, and "post it again" is audited in the desk\'s name', async ({ page }) => {
  test.setTimeout(180_000);
  const port = await freePort();
  const first = await startStationProcess({ dataDir, port });
  await first.stop();
  const db = new Database(join(dataDir, 'baton.db'));
  db.prepare('INSERT INTO comment_reply_sending (post_key, platform, room, text, askers, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    `north|#north|${TEXT}`,
    'twitch',
    '#north',
    TEXT,
    JSON.stringify(['c1', 'c2']),
    'Ana Reyes',
    Date.now(),
  );
  db.close();

  const station = await startStationProcess({ dataDir, port });
  stations.push(station);
  // The tokens are the first start's (the data folder keeps them).
  await page.goto(`${station.url}/moderator?token=${first.tokens.moderator}&as=Dewi`);
  await expect(page.getByTestId('connection')).toHaveText('STATION LINKED');
  const post = page.getByTestId('unsure-post');
  await expect(post).toHaveCount(1);
  await expect(post).toContainText("This reply may already be in #north on Twitch (Ana Reyes's answer,");
  await expect(post.locator('blockquote')).toHaveText(TEXT);
  await axeClean(page, 'moderator with a reply of unknown outcome');

  await post.getByTestId('unsure-post-again').click();
  await expect(page.getByTestId('unsure-post')).toHaveCount(0);
  const audit = await station.api<{ entries: { command: string; actor: string; args: unknown; detail: string | null }[] }>('audit.list', { limit: 20 });
  const row = audit.body.result?.entries.find((e) => e.command === 'comments.reply.unsure');
  expect(row).toMatchObject({ actor: 'Dewi', args: { room: '#north', text: TEXT, choice: 'postAgain', answeredBy: 'Ana Reyes' } });
  expect(row?.detail).toMatch(/Dewi checked #north: the reply is not there/);
});

test('"It is there — do not post again": audited in the desk\'s name, the banner gone, and a later answer of the same item counts the room as already sent', async ({ page }) => {
  test.setTimeout(180_000);
  // A Twitch-like room on a private IRC server, with a viewer in it who asks and counts the station's posts.
  const irc: IrcServer = await startIrcServer({ workDir: join(dataDir, 'irc'), serverId: '1NO' });
  let viewer: RawIrcClient | null = null;
  try {
    const demo = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/demo-show/show.json'), 'utf8')) as Record<string, unknown> & {
      comments: Record<string, unknown> & { macros: { id: string; text: string; texts?: Record<string, string> }[] };
    };
    const { script: _script, ...show } = demo;
    const showDir = join(dataDir, 'show');
    mkdirSync(showDir);
    const showFile = join(showDir, 'show.json');
    const source = { kind: 'twitch', id: 'north', channel: 'north', host: irc.host, port: irc.port, nick: 'batonmod', tokenSecret: 'source/north/oauth' };
    writeFileSync(showFile, JSON.stringify({ ...show, id: 'unsure-in-room', comments: { ...demo.comments, sources: [source] } }));
    const port = await freePort();
    const connected = (s: StationProcess) =>
      until(
        async () =>
          ((await s.api<{ sources: { id: string; status: string; canReply: boolean }[] }>('comments.source', { id: 'north', action: 'start' })).body.result?.sources ?? []).some(
            (h) => h.id === 'north' && h.status === 'connected' && h.canReply,
          ),
        20_000,
        'the north room connected and able to post',
        200,
      );

    // First run: the viewer asks; the comment is on the desk.
    const first = await startStationProcess({ dataDir, port, showFile });
    stations.push(first);
    expect((await first.api('comments.sourceCredentials', { id: 'north', value: 'oauth:not-checked-here' })).status).toBe(200);
    await connected(first);
    viewer = await connectRawIrcClient({ host: irc.host, port: irc.port, nick: 'viewern', caps: ['message-tags'] });
    await viewer.join('#north');
    const posts: string[] = [];
    viewer.onMessage((m) => {
      if (m.command === 'PRIVMSG' && m.prefix?.startsWith('batonmod!') && m.params[0] === '#north') posts.push(m.params[1] ?? '');
    });
    viewer.send('PRIVMSG #north :does it ship to Lima?');
    await viewer.ping();
    let asked: { id: string; room: string | null; lang: string } | undefined;
    await until(
      async () => {
        const list = await first.api<{ comments: { id: string; room: string | null; lang: string; text: string }[] }>('comments.list', {});
        asked = list.body.result?.comments.find((c) => c.text.includes('ship to Lima'));
        return asked !== undefined;
      },
      10_000,
      'the question on the desk',
      200,
    );
    await first.stop();
    stations = [];

    // What a kill -9 mid-post leaves: the station's intent to post the shipping reply in #north for this asker.
    const macro = demo.comments.macros.find((m) => m.id === 'shipping')!;
    const reply = macro.texts?.[asked!.lang] ?? macro.text;
    const db = new Database(join(dataDir, 'baton.db'));
    db.prepare('INSERT INTO comment_reply_sending (post_key, platform, room, text, askers, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      `north|${asked!.room ?? ''}|${reply}`,
      'twitch',
      asked!.room,
      reply,
      JSON.stringify([asked!.id]),
      'Ana Reyes',
      Date.now(),
    );
    db.close();

    const station = await startStationProcess({ dataDir, port, showFile });
    stations.push(station);
    await connected(station);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${station.url}/moderator?token=${first.tokens.moderator}&as=Dewi`);
    await expect(page.getByTestId('connection')).toHaveText('STATION LINKED');
    const banner = page.getByTestId('unsure-post');
    await expect(banner).toHaveCount(1);
    await expect(banner.locator('blockquote')).toHaveText(reply);
    await page.screenshot({ path: test.info().outputPath('unsure-post-1366x768.png') });

    await banner.getByTestId('unsure-in-room').click();
    await expect(page.getByTestId('unsure-post')).toHaveCount(0);
    const audit = await station.api<{ entries: { command: string; actor: string; args: unknown; detail: string | null }[] }>('audit.list', { limit: 20 });
    const row = audit.body.result?.entries.find((e) => e.command === 'comments.reply.unsure');
    expect(row).toMatchObject({ actor: 'Dewi', args: { text: reply, choice: 'inRoom', answeredBy: 'Ana Reyes' } });
    expect(row?.detail).toMatch(/Dewi checked .*: the reply is there; it will not be posted again/);

    // The item answered with the same reply: the room is counted as reached, nothing is posted there.
    const desk = await station.api<{ items: { id: string; comment: { id: string } }[] }>('comments.desk', { filter: { queue: 'all' }, limit: 50 });
    const item = desk.body.result?.items.find((i) => i.comment.id === asked!.id);
    expect(item, 'the question is a work item on the desk').toBeDefined();
    const answer = await station.api<{ answered: number; sent: number; alreadySent: number }>('cluster.answer', { clusterId: item!.id, macroId: 'shipping', send: true, by: 'Dewi' });
    expect(answer.body.error, 'the answer was refused').toBeUndefined();
    expect(answer.body).toMatchObject({ ok: true, result: { answered: 1, sent: 0, alreadySent: 1 } });
    await viewer.ping();
    await new Promise((r) => setTimeout(r, 300));
    await viewer.ping();
    expect(posts).toEqual([]);
  } finally {
    await viewer?.close().catch(() => undefined);
    await irc.stop();
  }
});
