// What a hostile or careless client sends, at the core: text that is not well-formed UTF-16,
// arguments of the wrong type or shape, values nested absurdly deep, secrets in invalid requests,
// and commands of other roles. The audit chain must verify after every one of them.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCore, producer, host, moderator, DEMO_SHOW } from '../../../test/support/test-core';
import type { Core } from '../core';
import { verifyAuditChain } from '../storage/audit-verify';
import type { AuditEntry } from '../../shared/contract/index';

let core: Core;
const dirs: string[] = [];
afterEach(async () => {
  await core?.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const LONE = '\ud800';
const last = (c: Core): AuditEntry => {
  const [e] = c.audit.list({ limit: 1 });
  if (!e) throw new Error('no audit row');
  return e;
};
const storedRows = (c: Core) => c.db.prepare('SELECT command, args, detail FROM audit_log').all() as { command: string; args: string; detail: string | null }[];

async function demoCore(dataDir?: string): Promise<Core> {
  const c = createTestCore(dataDir ? { dataDir } : {});
  const r = await c.dispatch('show.load', { path: DEMO_SHOW }, producer);
  expect(r.ok).toBe(true);
  return c;
}

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'baton-hostile-'));
  dirs.push(d);
  return d;
}

describe('text that is not well-formed UTF-16', () => {
  it('a lone surrogate in a cue id (host) leaves the audit chain intact, and the handler sees the replacement', async () => {
    core = await demoCore();
    const r = await core.dispatch('cue.goto', { cueId: LONE }, host);
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    // Every layer saw the same text: the error repeats U+FFFD, not the lone surrogate.
    expect(r.ok ? '' : r.error.message).toContain('\ufffd');
    expect(r.ok ? '' : r.error.message).not.toContain(LONE);
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
    const row = last(core);
    expect(row.args).toEqual({ cueId: '\ufffd' });
    expect(row.detail).toMatch(/1 ill-formed UTF-16 code unit.*replaced/);
  });

  it('a lone surrogate in a moderator’s claim and alert acknowledgement leaves the chain intact', async () => {
    core = await demoCore();
    await core.dispatch('comment.claim', { id: `c-${LONE}` }, moderator);
    await core.dispatch('alert.ack', { id: `\udc00${LONE}` }, moderator);
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
  });

  it('an unknown command named with a lone surrogate leaves the chain intact', async () => {
    core = createTestCore();
    const r = await core.dispatch(`${LONE}.x`, {}, moderator);
    expect(r).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
    expect(last(core).command).toBe('\ufffd.x');
  });

  it('a command name cut at its length limit inside a surrogate pair leaves the chain intact', async () => {
    core = createTestCore();
    await core.dispatch(`${'a'.repeat(79)}😀.x`, {}, producer);
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
  });

  it('lone surrogates in object keys and nested values are replaced too', async () => {
    core = await demoCore();
    const r = await core.dispatch('alert.ack', { id: 'x', [`k${LONE}`]: { deeper: [`\udfff`] } }, producer);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
    expect(JSON.stringify(storedRows(core))).not.toMatch(/\\ud[89a-f]/i);
  });

  it('NUL, RTL marks and emoji sequences are stored and hashed as they are', async () => {
    core = await demoCore();
    await core.dispatch('cue.goto', { cueId: 'a\u0000b\u202e👩‍👩‍👧' }, host);
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
    expect(last(core).args).toEqual({ cueId: 'a\u0000b\u202e👩‍👩‍👧' });
  });
});

describe('arguments as the audit keeps them', () => {
  it('an invalid request is audited as a shape summary, never as the raw text', async () => {
    core = await demoCore();
    const r = await core.dispatch('cue.goto', { cueId: 7, note: 'x'.repeat(50), list: [1, 2, 3], deep: { a: { b: 1 } } }, host);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(last(core)).toMatchObject({
      outcome: 'refused:invalid_args',
      args: { cueId: 'number', note: 'string(50)', list: 'array(3)', deep: 'object(1)' },
    });
  });

  it('an invalid sign-off through a link never stores the link’s code', async () => {
    core = await demoCore();
    const code = 'Zq3vX9bK2mN7pR4tY6wE8aS1dF5gH0jL';
    await core.dispatch('script.signoff', { link: code, decision: 'maybe' }, producer);
    await core.dispatch('script.signoff', { link: code, decision: 'approve', extra: true }, producer);
    await core.dispatch('script.signoff', { link: `${code}!`, decision: 'approve' }, producer);
    await core.dispatch('script.signoff', { link: code, decision: 'approve' }, host);
    const text = JSON.stringify(storedRows(core));
    expect(text).not.toContain(code);
    expect(text).toContain('[secret]');
  });

  it('an invalid request never stores a secret field, at any depth of the summary', async () => {
    core = await demoCore();
    await core.dispatch('obs.connect', { url: 5, password: 'hunter2-secret' }, producer);
    await core.dispatch('offer.credentials', { offerId: 'glow-kit-live', value: 'shpat_secret_value', junk: 1 }, producer);
    await core.dispatch('offer.eventSecret', { value: ['whsec-secret-in-array'] }, producer);
    const text = JSON.stringify(storedRows(core));
    for (const s of ['hunter2-secret', 'shpat_secret_value', 'whsec-secret-in-array']) expect(text).not.toContain(s);
  });

  it('a producer’s bad-typed pause does not stop the post-show package from being written', async () => {
    const dir = tempDir();
    core = await demoCore(dir);
    await core.dispatch('offer.pause', { offerId: 5, reason: { why: 'x' } }, producer);
    await core.dispatch('offer.pause', { offerId: ['glow-kit-live'], reason: 12 }, producer);
    const r = await core.dispatch('show.package', {}, producer);
    expect(r).toMatchObject({ ok: true });
    const out = r.ok ? (r.result as { dir: string }) : { dir: '' };
    expect(readFileSync(join(out.dir, 'report.md'), 'utf8')).toContain('refused:invalid_args');
  });
});

describe('values nested absurdly deep or large', () => {
  const nest = (depth: number): unknown => {
    let v: unknown = 'leaf';
    for (let i = 0; i < depth; i++) v = { a: v };
    return v;
  };

  it('a value nested 5,000 deep is refused naming the limit, and the chain stays intact', async () => {
    core = await demoCore();
    for (const [args, who] of [
      [{ id: nest(5_000) }, moderator],
      [JSON.parse(`{"comments":${'['.repeat(5_000)}${']'.repeat(5_000)}}`) as unknown, producer],
      [{ offerId: 'glow-kit-live', reason: nest(100_000) }, moderator],
    ] as const) {
      const r = await core.dispatch(who === moderator ? 'comment.claim' : 'comments.ingest', args, who);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
      expect(r.ok ? '' : r.error.message).toMatch(/nested deeper than 64 levels/);
    }
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
    expect(storedRows(core).map((r) => r.detail ?? '').join('\n')).not.toMatch(/call stack/);
  });

  it('a value with too many parts is refused naming the limit', async () => {
    core = await demoCore();
    const r = await core.dispatch('comments.ingest', { comments: Array.from({ length: 150_000 }, () => 0) }, producer);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(r.ok ? '' : r.error.message).toMatch(/more than 100000 values/);
    expect(verifyAuditChain(core.db)).toMatchObject({ ok: true });
  });
});

describe('refusals before validation', () => {
  it('a moderator calling a producer command is refused whatever the arguments, learning nothing of their shape', async () => {
    core = await demoCore();
    const answers = await Promise.all([
      core.dispatch('offer.pause', {}, moderator),
      core.dispatch('offer.pause', { offerId: 5 }, moderator),
      core.dispatch('offer.credentials', 'not even an object', moderator),
      core.dispatch('show.load', { path: DEMO_SHOW, sneaky: true }, host),
    ]);
    for (const a of answers) {
      expect(a).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(a.ok ? {} : a.error).not.toHaveProperty('issues');
      expect(a.ok ? '' : a.error.message).not.toMatch(/offerId|reason|path|value|expected/);
    }
    // The refusals are on the record, with what was sent summarised (never trusted).
    expect(last(core)).toMatchObject({ command: 'show.load', outcome: 'refused:forbidden', role: 'host' });
  });
});
