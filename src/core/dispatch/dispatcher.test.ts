import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, producer, host, moderator, DEMO_SHOW } from '../../../test/support/test-core';
import type { Core } from '../core';
import type { ServerMessage } from '../../shared/contract/index';

let core: Core;
afterEach(async () => core?.close());

describe('dispatcher', () => {
  it('runs a command, audits it with its caller and outcome, then publishes the patch', async () => {
    core = createTestCore();
    const seen: string[] = [];
    core.subscribe((m: ServerMessage) => {
      if (m.t === 'event' && m.event.name === 'audit.appended') seen.push(`audit:${m.event.entry.command}`);
      if (m.t === 'patch' && m.domain === 'show') seen.push('patch:show');
    });
    const r = await core.dispatch('show.load', { path: DEMO_SHOW }, producer);
    expect(r.ok).toBe(true);
    const [last] = core.audit.list({ limit: 1 });
    expect(last).toMatchObject({ command: 'show.load', actor: producer.actor, role: 'producer', via: 'test', outcome: 'ok' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen.indexOf('audit:show.load')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('patch:show')).toBeGreaterThan(seen.indexOf('audit:show.load'));
  });

  it('answers a command that awaited I/O before its patch and events go out, its audit row already written', async () => {
    core = createTestCore();
    await core.dispatch('show.load', { path: DEMO_SHOW }, producer);
    await new Promise((resolve) => setImmediate(resolve));
    const seen: string[] = [];
    core.subscribe((m: ServerMessage) => {
      if (m.t === 'event' && m.event.name === 'audit.appended') seen.push(`audit:${m.event.entry.command}`);
      if (m.t === 'patch' && m.domain === 'offers') seen.push('patch:offers');
    });
    // The sandbox store answers after a timer: the handler's last state change (the confirmed
    // phase) is made in a later turn than the click, just before the command settles.
    const r = await core.dispatch('offer.pause', { offerId: core.snapshot().state.offers.items[0]!.id, reason: 'order test' }, producer);
    expect(r).toMatchObject({ ok: true, result: { state: 'paused' } });
    // The row is in the log when the caller has its answer.
    expect(core.audit.list({ limit: 1 })[0]).toMatchObject({ command: 'offer.pause', outcome: 'ok' });
    seen.push('answer');
    await new Promise((resolve) => setImmediate(resolve));
    const answer = seen.indexOf('answer');
    // The confirmed view and the row's broadcast go out after the answer, the event first.
    expect(seen.slice(answer + 1)).toEqual(expect.arrayContaining(['audit:offer.pause', 'patch:offers']));
    expect(seen.lastIndexOf('patch:offers')).toBeGreaterThan(seen.indexOf('audit:offer.pause'));
  });

  it('refuses bad arguments naming the field, and audits the refusal', async () => {
    core = createTestCore();
    const r = await core.dispatch('alert.ack', { id: 42 }, producer);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args', issues: [{ path: 'id' }] } });
    expect(core.audit.list({ limit: 1 })[0]).toMatchObject({ command: 'alert.ack', outcome: 'refused:invalid_args' });
  });

  it('refuses unknown commands and extra fields', async () => {
    core = createTestCore();
    expect(await core.dispatch('offer.explode', {}, producer)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    const extra = await core.dispatch('alert.ack', { id: 'a', sneaky: true }, producer);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('checks the role before the handler runs', async () => {
    core = createTestCore();
    const r = await core.dispatch('show.load', { path: DEMO_SHOW }, host);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.snapshot().state.show.current).toBeNull();
    expect(core.audit.list({ limit: 1 })[0]).toMatchObject({ outcome: 'refused:forbidden', role: 'host' });
    const mod = await core.dispatch('show.load', { path: DEMO_SHOW }, moderator);
    expect(mod.ok).toBe(false);
  });

  it('keeps secrets out of the audit log', async () => {
    core = createTestCore();
    await core.dispatch('obs.connect', { url: 'ws://127.0.0.1:1', password: 'hunter2-secret' }, producer);
    const rows = core.db.prepare('SELECT args FROM audit_log').all() as { args: string }[];
    expect(rows.map((r) => r.args).join('\n')).not.toContain('hunter2-secret');
  });

  it('rolls back a handler’s queued writes together with its audit row when storage fails', async () => {
    core = createTestCore();
    expect((await core.dispatch('show.load', { path: DEMO_SHOW }, producer)).ok).toBe(true);
    const manual = core.show.current()?.show.checklist.find((i) => i.kind === 'manual');
    if (!manual) throw new Error('the demo show has a manual checklist item');
    // The audit insert of this one command fails: the tick queued before it must not land either.
    core.db.exec(`CREATE TRIGGER refuse_tick BEFORE INSERT ON audit_log WHEN NEW.command = 'preflight.tick' AND NEW.outcome = 'ok'
      BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const r = await core.dispatch('preflight.tick', { id: manual.id, done: true }, producer);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(core.db.prepare('SELECT COUNT(*) AS n FROM preflight_ticks').get()).toEqual({ n: 0 });
    // The failure itself is on the record, once.
    expect(core.audit.list({ limit: 1, command: 'preflight.tick' }).map((e) => e.outcome)).toEqual(['failed:internal']);
    expect(core.audit.list({ limit: 5, command: 'preflight.tick' })).toHaveLength(1);
  });

  it('does not audit reads', async () => {
    core = createTestCore();
    const before = core.audit.count();
    await core.dispatch('audit.list', { limit: 5 }, producer);
    await core.dispatch('station.whoami', {}, host);
    expect(core.audit.count()).toBe(before);
  });
});
