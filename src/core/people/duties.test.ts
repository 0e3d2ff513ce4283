import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SHOW, createTestCore, moderator, producer } from '../../../test/support/test-core';
import type { Core } from '../core';
import type { Caller } from '../dispatch/handler';
import type { DispatchResult } from '../dispatch/dispatcher';
import type { Role } from '../../shared/contract/roles';

const as = (id: string, name: string, role: Role): Caller => ({ actor: `${name} (${id})`, role, via: 'test', personId: id, name });
const maya = as('maya', 'Maya Okafor', 'producer');
const sam = as('sam', 'Sam Lee', 'producer');
const kai = as('kai', 'Kai Berg', 'producer');
const leo = as('leo', 'Leo Martins', 'host');
const ana = as('ana', 'Ana Reyes', 'moderator');

function ok<R>(r: DispatchResult<R>): R {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result;
}

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function showCore(mutate: (show: Record<string, unknown>) => void = () => {}): Core {
  const dir = mkdtempSync(join(tmpdir(), 'baton-duties-'));
  dirs.push(dir);
  const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as Record<string, unknown>;
  mutate(show);
  (show.people as unknown[]).push({ id: 'kai', name: 'Kai Berg', role: 'producer' });
  writeFileSync(join(dir, 'show.json'), JSON.stringify(show));
  copyFileSync('resources/demo-show/script.md', join(dir, 'script.md'));
  copyFileSync('resources/demo-show/comments.jsonl', join(dir, 'comments.jsonl'));
  const core = createTestCore();
  cores.push(core);
  core.show.loadFile(join(dir, 'show.json'));
  return core;
}

describe('separation of duties', () => {
  it('the author of a script version cannot approve it, nor name themselves as its approver; another producer records the approver', async () => {
    const core = showCore();
    const source = readFileSync('resources/demo-show/script.md', 'utf8').replace('Hi everyone', 'Hello everyone');
    const v = ok(await core.dispatch('script.save', { format: 'markdown', source }, maya)).version;
    expect(v.createdBy).toBe('Maya Okafor (maya)');
    const self = await core.dispatch('script.approve', { versionId: v.id, hash: v.hash, approver: 'maya', note: 'approved by email', given: 'email' }, maya);
    expect(self).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/You wrote version/) } });
    const onBehalf = await core.dispatch('script.approve', { versionId: v.id, hash: v.hash, approver: 'priya', note: 'approved by email', given: 'email' }, maya);
    expect(onBehalf).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const namedAuthor = await core.dispatch('script.approve', { versionId: v.id, hash: v.hash, approver: 'Maya Okafor', note: 'approved by email', given: 'email' }, kai);
    expect(namedAuthor).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Maya Okafor wrote version/) } });
    const approved = ok(await core.dispatch('script.approve', { versionId: v.id, hash: v.hash, approver: 'priya', note: 'approved by email', given: 'email' }, kai)).version;
    expect(approved.approval).toMatchObject({ approver: 'Priya Shah', recordedBy: 'Kai Berg (kai)', via: 'email' });
    const refusals = core.audit.list({ limit: 20 }).filter((e) => e.command === 'script.approve' && e.outcome === 'refused:forbidden');
    expect(refusals.map((e) => e.actor)).toEqual(['Kai Berg (kai)', 'Maya Okafor (maya)', 'Maya Okafor (maya)']);
  });

  it('an approver signs from their own view in their own name; the audit row says the approver role acted', async () => {
    const core = showCore();
    const priya = as('priya', 'Priya Shah', 'approver');
    const source = readFileSync('resources/demo-show/script.md', 'utf8').replace('Hi everyone', 'Hello everyone');
    const v = ok(await core.dispatch('script.save', { format: 'markdown', source }, maya)).version;
    const asOther = await core.dispatch('script.approve', { versionId: v.id, hash: v.hash, approver: 'maya', note: 'fine by me' }, priya);
    expect(asOther).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/You sign as yourself/) } });
    const saved = await core.dispatch('script.save', { format: 'markdown', source: `${source}\n` }, priya);
    expect(saved).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const approved = ok(await core.dispatch('script.approve', { versionId: v.id, hash: v.hash, approver: 'priya', note: 'claims checked' }, priya)).version;
    expect(approved.approval).toMatchObject({ approver: 'Priya Shah', recordedBy: 'Priya Shah (priya)', via: 'signoff-link' });
    const row = core.audit.list({ limit: 5 }).find((e) => e.command === 'script.approve' && e.outcome === 'ok');
    expect(row).toMatchObject({ actor: 'Priya Shah (priya)', role: 'approver' });
  });

  it('commerce and customer service act within their commands; an observer changes nothing', async () => {
    const core = showCore((s) => (s.toggle = { owner: 'sam' }));
    const samCommerce = as('sam', 'Sam Lee', 'commerce');
    const tom = as('tom', 'Tom Becker', 'customer-service');
    const watcher = as('maya', 'Maya Okafor', 'observer');
    expect(await core.dispatch('obs.switchScene', { scene: 'Main' }, samCommerce)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ok(await core.dispatch('offer.pause', { offerId: 'glow-kit-live', reason: 'stock check' }, samCommerce))).toBeTruthy();
    expect(await core.dispatch('offer.pause', { offerId: 'glow-kit-live', reason: 'x' }, tom)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ok(await core.dispatch('offer.pauseRequest', { offerId: 'glow-kit-live', reason: 'buyers report the wrong price' }, tom))).toEqual({ owner: 'Sam Lee' });
    const alarm = core.snapshot().state.alerts.items.find((a) => a.key === 'offer.pauseRequest.glow-kit-live');
    expect(alarm?.audience).toEqual(['commerce']);
    for (const [name, args] of [['comment.claim', { id: 'c1', by: 'x' }], ['offer.resume', { offerId: 'glow-kit-live' }], ['preflight.tick', { id: 'x', done: true }]] as const) {
      expect(await core.dispatch(name, args as never, watcher)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('only the named toggle owner (or deputy) pauses and resumes; others are refused with the owner’s name and can raise a pause request', async () => {
    const core = showCore((s) => (s.toggle = { owner: 'sam', deputy: 'kai' }));
    const offerId = 'glow-kit-live';
    const refused = await core.dispatch('offer.pause', { offerId, reason: 'wrong price' }, maya);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Only Sam Lee \(deputy Kai Berg\)/) } });
    const resume = await core.dispatch('offer.resume', { offerId }, maya);
    expect(resume).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(ok(await core.dispatch('offer.pauseRequest', { offerId, reason: 'wrong price on screen' }, maya))).toEqual({ owner: 'Sam Lee' });
    const alarm = core.snapshot().state.alerts.items.find((a) => a.key === `offer.pauseRequest.${offerId}`);
    expect(alarm).toMatchObject({ level: 'critical', message: expect.stringMatching(/Maya Okafor asks Sam Lee to pause “Glow Kit live bundle”: wrong price on screen/) });

    const byOwner = await core.dispatch('offer.pause', { offerId, reason: 'confirming Maya’s request' }, sam);
    expect(byOwner.ok || byOwner.error.code !== 'forbidden').toBe(true);
    const byDeputy = await core.dispatch('offer.resume', { offerId }, kai);
    expect(byDeputy.ok || byDeputy.error.code !== 'forbidden').toBe(true);
  });

  it('the owner’s pause answers before the pause request’s alarm is cleared: the alarm’s row follows the command’s, in the next turn', async () => {
    const core = showCore((s) => (s.toggle = { owner: 'sam' }));
    const offerId = 'glow-kit-live';
    const key = `offer.pauseRequest.${offerId}`;
    ok(await core.dispatch('offer.pauseRequest', { offerId, reason: 'wrong price on screen' }, maya));
    ok(await core.dispatch('offer.pause', { offerId, reason: 'confirming Maya’s request' }, sam));
    // The reply is out: the alarm's clear (a state change and an audit transaction of its own) has not run on its path.
    expect(core.audit.list({ limit: 5 }).find((e) => e.command === 'alert.cleared' && (e.args as { key?: string }).key === key)).toBeUndefined();
    await new Promise<void>((r) => setImmediate(r));
    await new Promise<void>((r) => setImmediate(r));
    expect(core.state.get('alerts').items.find((a) => a.key === key)?.clearedAt).not.toBeNull();
    const rows = core.audit.list({ limit: 5 }).reverse();
    const pause = rows.findIndex((e) => e.command === 'offer.pause' && e.outcome === 'ok');
    const cleared = rows.findIndex((e) => e.command === 'alert.cleared' && (e.args as { key?: string }).key === key);
    expect(pause).toBeGreaterThanOrEqual(0);
    expect(cleared).toBeGreaterThan(pause);
  });

  it('a pause request raised in the turn the owner’s pause was confirmed survives that pause’s deferred clear', async () => {
    const core = showCore((s) => (s.toggle = { owner: 'sam' }));
    const offerId = 'glow-kit-live';
    const key = `offer.pauseRequest.${offerId}`;
    ok(await core.dispatch('offer.pauseRequest', { offerId, reason: 'wrong price on screen' }, maya));
    ok(await core.dispatch('offer.pause', { offerId, reason: 'confirming Maya’s request' }, sam));
    // Same turn: the pause's clear is queued, not run. Maya asks again (after a resume, say).
    ok(await core.dispatch('offer.pauseRequest', { offerId, reason: 'still the wrong price' }, maya));
    await new Promise<void>((r) => setImmediate(r));
    await new Promise<void>((r) => setImmediate(r));
    expect(core.state.get('alerts').items.find((a) => a.key === key)).toMatchObject({ clearedAt: null, message: expect.stringMatching(/still the wrong price/) });
  });

  it('without a named toggle owner, any producer still pauses', async () => {
    const core = showCore();
    const r = await core.dispatch('offer.pause', { offerId: 'glow-kit-live', reason: 'x' }, maya);
    expect(r.ok || r.error.code !== 'forbidden').toBe(true);
  });

  it('a manual preflight item is ticked by its owner only; the tick names them', async () => {
    const core = showCore((s) => (s.checklist as { id: string; owner?: string }[]).push({ id: 'host-ready', label: 'Host ready', kind: 'manual', owner: 'leo' } as never));
    const byModerator = await core.dispatch('preflight.tick', { id: 'host-ready', done: true }, ana);
    expect(byModerator).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/ticked by Leo Martins/) } });
    const byProducer = await core.dispatch('preflight.tick', { id: 'host-ready', done: true }, maya);
    expect(byProducer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    ok(await core.dispatch('preflight.tick', { id: 'host-ready', done: true }, leo));
    const row = core.audit.list({ limit: 5 }).find((e) => e.command === 'preflight.tick' && e.outcome === 'ok');
    expect(row?.actor).toBe('Leo Martins (leo)');
    // A host cannot tick an item that names no owner (that stays a producer's).
    expect(await core.dispatch('preflight.tick', { id: 'legal-briefed', done: true }, leo)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The station owner's bootstrap producer token may still tick it.
    ok(await core.dispatch('preflight.tick', { id: 'legal-briefed', done: true }, producer));
  });

  it('a flagged macro is not posted unless a producer overrides explicitly, and the override is audited', async () => {
    const core = showCore();
    core.alerts.raise({ source: 'cues', key: 'script.macro.care', level: 'warn', message: 'Reply macro “Order problem” says “tomorrow”.' });
    const send = await core.dispatch('comment.answer', { id: 'c-1', macroId: 'care', send: true }, ana);
    expect(send).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/compliance guard flags this macro/) } });
    const modOverride = await core.dispatch('comment.answer', { id: 'c-1', macroId: 'care', send: true, override: true }, ana);
    expect(modOverride).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Only a producer/) } });
    // The override passes the guard: what follows is the comment's own check (no such comment here).
    const override = await core.dispatch('comment.answer', { id: 'c-1', macroId: 'care', send: true, override: true }, maya);
    expect(override).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const rows = core.audit.list({ limit: 10 });
    expect(rows.find((e) => e.command === 'comment.answer.override')).toMatchObject({ actor: 'Maya Okafor (maya)', detail: expect.stringMatching(/Order problem/) });
    // Not flagged: no override needed.
    const plain = await core.dispatch('comment.answer', { id: 'c-1', macroId: 'shipping', send: true }, ana);
    expect(plain).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a person’s desk name is their account: a typed `by` is replaced by who the token says they are', async () => {
    const core = showCore();
    const r = await core.dispatch('comment.claim', { id: 'nope', by: 'Dewi Santoso' }, ana);
    expect(r.ok).toBe(false);
    // Bootstrap callers keep the typed name (a shared desk): unchanged behaviour.
    expect((await core.dispatch('comment.claim', { id: 'nope', by: 'Dewi' }, moderator)).ok).toBe(false);
  });
});
