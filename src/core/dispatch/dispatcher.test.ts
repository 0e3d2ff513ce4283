import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, producer, host, moderator, DEMO_SHOW } from '../../../test/support/test-core';
import type { Core } from '../core';
import type { ServerMessage } from '../../shared/contract/index';
import { openDatabase } from '../storage/database';
import { createAuditRepo } from '../storage/audit.repo';
import { silentLogger } from '../platform/logger';
import { createDispatcher } from './dispatcher';

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
    await Promise.resolve();
    expect(seen.indexOf('audit:show.load')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('patch:show')).toBeGreaterThan(seen.indexOf('audit:show.load'));
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
    const db = openDatabase({ file: ':memory:' });
    db.exec('CREATE TABLE probe (v TEXT NOT NULL)');
    const audit = createAuditRepo(db);
    const insert = db.prepare('INSERT INTO probe (v) VALUES (?)');
    const d = createDispatcher({
      db,
      audit,
      clock: { now: () => 1 },
      log: silentLogger,
      onAudit: () => {},
      handlers: {
        'alert.ack': ({ id }, ctx) => {
          ctx.write(() => insert.run('first'));
          ctx.write(() => insert.run(null)); // violates NOT NULL: the whole transaction must go
          return { id };
        },
      },
    });
    const r = await d.dispatch('alert.ack', { id: 'a1' }, producer);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(db.prepare('SELECT COUNT(*) AS n FROM probe').get()).toEqual({ n: 0 });
    // The failure itself is on the record, once.
    expect(audit.list({ limit: 5 }).map((e) => e.outcome)).toEqual(['failed:internal']);
    db.close();
  });

  it('does not audit reads', async () => {
    core = createTestCore();
    const before = core.audit.count();
    await core.dispatch('audit.list', { limit: 5 }, producer);
    await core.dispatch('station.whoami', {}, host);
    expect(core.audit.count()).toBe(before);
  });
});
