// A reply the station was posting when it died (the chat may have taken it): after the restart the
// moderator desk says plainly which room and which text, and the person at the desk settles it —
// the choice lands in the audit trail in their name. The station left its intent on disk; this test
// writes that intent into the data folder of a stopped station (what a kill -9 mid-post leaves),
// then starts the built station on it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { test, expect } from '@playwright/test';
import { freePort, startStationProcess, type StationProcess } from '../peers/station-process';
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
