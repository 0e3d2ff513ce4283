// The roster check through the core: links issued and views opened move "roles assigned" from
// fail (naming who is missing) to pass; revoking a link sends it back to fail.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { DEMO_SHOW, createTestCore, producer } from '../../../test/support/test-core';
import type { Core } from '../core';

let core: Core | null = null;
let dir = '';
afterEach(async () => {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
});

const settle = () => new Promise((r) => setTimeout(r, 120));
const roster = (c: Core) => c.snapshot().state.preflight.checks.find((x) => x.id === 'roster');

it('passes once every required role has an open view through a working link, and names who is missing until then', async () => {
  dir = mkdtempSync(join(tmpdir(), 'baton-roster-'));
  const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as Record<string, unknown> & { checklist: unknown[]; people: { id: string }[] };
  show.toggle = { owner: 'sam', deputy: 'maya' };
  show.people = show.people.filter((p) => ['maya', 'ana', 'sam', 'tom'].includes(p.id));
  show.checklist = [{ id: 'roster', label: 'Roles assigned', kind: 'auto', check: 'roles.assigned' }];
  writeFileSync(join(dir, 'show.json'), JSON.stringify(show));
  copyFileSync('resources/demo-show/script.md', join(dir, 'script.md'));
  copyFileSync('resources/demo-show/comments.jsonl', join(dir, 'comments.jsonl'));
  core = createTestCore();
  core.show.loadFile(join(dir, 'show.json'));
  await settle();
  expect(roster(core)).toMatchObject({ status: 'fail', detail: expect.stringContaining('Moderator: Ana Reyes has no link') });

  for (const id of ['maya', 'ana', 'sam', 'tom']) expect((await core.dispatch('people.invite', { personId: id }, producer)).ok).toBe(true);
  await settle();
  expect(roster(core)?.detail).toContain('Commerce: Sam Lee has not opened the view');
  core.people.viewOpened('maya', 'producer');
  core.people.viewOpened('ana', 'moderator');
  core.people.viewOpened('sam', 'commerce');
  core.people.viewOpened('tom', 'customer-service');
  await settle();
  expect(roster(core)).toMatchObject({ status: 'pass' });

  await core.dispatch('people.revoke', { personId: 'tom' }, producer);
  await settle();
  expect(roster(core)).toMatchObject({ status: 'fail', detail: expect.stringContaining('Customer service: Tom Becker’s link is revoked') });
});
