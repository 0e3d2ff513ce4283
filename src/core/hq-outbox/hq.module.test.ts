import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, DEMO_SHOW, producer } from '../../../test/support/test-core';
import type { Core } from '../core';
import type { HqBatch } from '../../shared/contract/index';
import type { HqTarget } from './hq-http.post';
import { createSettingsRepo } from '../storage/settings.repo';

let core: Core | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

const host = { actor: 'Ana (host)', role: 'host' as const, via: 'test' as const };

/** A core whose HQ transport records where each batch went and with which token. */
async function withFakeHq(opts: { allowInsecure?: boolean; settings?: Record<string, string>; secrets?: Record<string, string> } = {}) {
  const sent: { target: HqTarget; batch: HqBatch }[] = [];
  core = createTestCore({
    ...(opts.secrets ? { secrets: opts.secrets } : {}),
    ports: {
      hq: {
        ...(opts.allowInsecure ? { allowInsecure: true } : {}),
        makePost: (target) => async (batch) => {
          sent.push({ target, batch });
          return { ok: true, ack: { ackedSeq: batch.facts.at(-1)?.seq ?? 0, applied: batch.facts.length, duplicates: 0 } };
        },
      },
    },
  });
  core.show.loadFile(DEMO_SHOW);
  const settings = createSettingsRepo(core.db);
  for (const [k, v] of Object.entries(opts.settings ?? {})) settings.set(k, v);
  await core.start();
  return { c: core, sent };
}

describe('hq module: the producer sets and clears HQ', () => {
  it('starts reporting with the token stored as a secret, never in the audit row or the snapshot', async () => {
    const { c, sent } = await withFakeHq();
    expect(c.snapshot().state.hq.configured).toBe(false);
    const r = await c.dispatch('hq.configure', { url: 'https://hq.studio.lan:4900', stationId: 'studio-a', token: 'bhq_secret-token-123' }, producer);
    expect(r.ok).toBe(true);
    expect(await c.hqLink()!.drained(5_000)).toBe(true);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]!.target).toEqual({ url: 'https://hq.studio.lan:4900', stationId: 'studio-a', token: 'bhq_secret-token-123' });
    const hq = c.snapshot().state.hq;
    expect(hq).toMatchObject({ configured: true, state: 'synced', url: 'https://hq.studio.lan:4900', stationId: 'studio-a', source: 'setting' });
    expect(JSON.stringify(c.snapshot().state)).not.toContain('bhq_secret-token-123');
    const row = c.audit.list({ limit: 5, command: 'hq.configure' })[0]!;
    expect(row.args).toMatchObject({ token: '[secret]', stationId: 'studio-a' });
    expect(JSON.stringify(c.audit.list({ limit: 50 }))).not.toContain('bhq_secret-token-123');
  });

  it('keeps the stored token for the same HQ, refuses to send it to another, and forgets it on disconnect', async () => {
    const { c, sent } = await withFakeHq();
    await c.dispatch('hq.configure', { url: 'https://hq.studio.lan:4900', stationId: 'studio-a', token: 'bhq_secret-token-123' }, producer);
    const again = await c.dispatch('hq.configure', { url: 'https://hq.studio.lan:4900/', stationId: 'studio-b' }, producer);
    expect(again.ok).toBe(true);
    const elsewhere = await c.dispatch('hq.configure', { url: 'https://evil.example:4900', stationId: 'studio-a' }, producer);
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(sent.every((s) => s.target.url.startsWith('https://hq.studio.lan'))).toBe(true);
    expect((await c.dispatch('hq.disconnect', {}, producer)).ok).toBe(true);
    expect(c.snapshot().state.hq).toMatchObject({ configured: false, url: null });
    expect(c.hqLink()).toBeNull();
    const noToken = await c.dispatch('hq.configure', { url: 'https://hq.studio.lan:4900', stationId: 'studio-a' }, producer);
    expect(noToken.ok).toBe(false);
  });

  it('is the producer’s alone and parses what it is given', async () => {
    const { c } = await withFakeHq();
    expect(await c.dispatch('hq.configure', { url: 'http://hq:4900', stationId: 'a', token: 'bhq_secret-token-123' }, host)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const bad of [
      { url: 'ftp://hq:4900', stationId: 'a', token: 'bhq_secret-token-123' },
      { url: 'http://user:pw@hq:4900', stationId: 'a', token: 'bhq_secret-token-123' },
      { url: 'http://hq:4900', stationId: '../etc', token: 'bhq_secret-token-123' },
      { url: 'http://hq:4900', stationId: 'a', token: 'has spaces in it' },
    ]) {
      expect(await c.dispatch('hq.configure', bad, producer)).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    }
    expect(c.snapshot().state.hq.configured).toBe(false);
  });

  it('refuses plain http to a host off this machine: the token and the show’s facts would cross the network in clear', async () => {
    const answers: string[] = [];
    const { c, sent } = await withFakeHq();
    for (const url of ['http://hq.studio.lan:4900', 'http://10.0.0.8:4900', 'http://[fe80::1]:4900', 'http://127.0.0.1.evil.example:4900']) {
      const r = await c.dispatch('hq.configure', { url, stationId: 'studio-a', token: 'bhq_secret-token-123' }, producer);
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_args', message: expect.stringMatching(/plain http.*https:\/\//) } });
      answers.push(JSON.stringify(r));
    }
    // Nothing secret in the refusal, the audit or the store; nothing was sent and nothing runs.
    expect(answers.join('')).not.toContain('bhq_secret-token-123');
    expect(JSON.stringify(c.audit.list({ limit: 50 }))).not.toContain('bhq_secret-token-123');
    expect(c.hqLink()).toBeNull();
    expect(sent).toEqual([]);
    // https anywhere, and http to this machine, are fine.
    expect((await c.dispatch('hq.configure', { url: 'http://127.0.0.1:4900', stationId: 'studio-a', token: 'bhq_secret-token-123' }, producer)).ok).toBe(true);
    expect((await c.dispatch('hq.configure', { url: 'http://localhost:4900', stationId: 'studio-a', token: 'bhq_secret-token-123' }, producer)).ok).toBe(true);
    expect((await c.dispatch('hq.configure', { url: 'https://hq.studio.lan:4900', stationId: 'studio-a', token: 'bhq_secret-token-123' }, producer)).ok).toBe(true);
  });

  it('allows plain http off the machine only on a station started with the labelled lab option', async () => {
    const { c } = await withFakeHq({ allowInsecure: true });
    expect((await c.dispatch('hq.configure', { url: 'http://hq.studio.lan:4900', stationId: 'studio-a', token: 'bhq_secret-token-123' }, producer)).ok).toBe(true);
  });

  it('does not start a stored plain-http HQ off the machine (set before this rule): it says why, without the token', async () => {
    const { c, sent } = await withFakeHq({
      secrets: { 'hq.token': 'bhq_secret-token-123' },
      settings: { 'hq.url': 'http://hq.studio.lan:4900', 'hq.station': 'studio-a', 'hq.tokenOrigin': 'http://hq.studio.lan:4900' },
    });
    expect(c.hqLink()).toBeNull();
    expect(sent).toEqual([]);
    const hq = c.snapshot().state.hq;
    expect(hq).toMatchObject({ configured: false, lastError: expect.stringMatching(/plain http/) });
    expect(JSON.stringify(hq)).not.toContain('bhq_secret-token-123');
  });
});
