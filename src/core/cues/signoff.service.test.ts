import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SHOW, createTestClock, createTestCore, producer } from '../../../test/support/test-core';
import type { Core } from '../core';

const cores: Core[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
const ok = <T>(r: { ok: true; result: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result;
};
const code = (path: string) => new URL(path, 'http://x').searchParams.get('link') ?? '';
// The sign-off route dispatches in the approver's name once the link told it who they are.
const viaLink = (name: string) => ({ actor: `${name} (own sign-off link)`, role: 'producer' as const, via: 'http' as const });

async function setup() {
  const clock = createTestClock();
  const core = createTestCore({ clock });
  cores.push(core);
  core.show.loadFile(DEMO_SHOW);
  const source = readFileSync('resources/demo-show/script.md', 'utf8').replace('Hi everyone', 'Hello everyone');
  const { version } = ok(await core.dispatch('script.save', { format: 'markdown', source }, producer));
  return { core, clock, version };
}

describe('sign-off links', () => {
  it('lets the approver read the exact version and approve it in person, once', async () => {
    const { core, version } = await setup();
    const link = ok(await core.dispatch('script.signoffLink', { versionId: version.id, approver: 'priya' }, producer));
    expect(link).toMatchObject({ approver: 'Priya Shah' });
    expect(link.path).toMatch(/^\/signoff\?link=[A-Za-z0-9_-]{32}$/);

    const view = ok(await core.dispatch('script.signoffView', { link: code(link.path) }, viaLink('?')));
    // The approver reads the same evidence as the producer: the diff against the approved v1.
    expect(view.evidence).toEqual(ok(await core.dispatch('script.review', { versionId: version.id }, producer)));
    expect(view.evidence.against?.number).toBe(1);
    expect(view.evidence.added).toBeGreaterThan(0);
    expect(view).toMatchObject({ approver: 'Priya Shah', approverRole: 'legal', versionId: version.id, hash: version.hash, number: version.number });
    expect(view.content.segments[0]?.cues[0]?.text).toMatch(/^Hello everyone/);

    const signed = ok(await core.dispatch('script.signoff', { link: code(link.path), decision: 'approve', note: 'OK for the 3 Dec live' }, viaLink('Priya Shah')));
    expect(signed.version.approval).toMatchObject({ approver: 'Priya Shah', role: 'legal', hash: version.hash, recordedBy: 'Priya Shah (own sign-off link)', note: 'OK for the 3 Dec live', via: 'signoff-link' });

    const again = await core.dispatch('script.signoff', { link: code(link.path), decision: 'approve' }, viaLink('Priya Shah'));
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!again.ok && again.error.message).toMatch(/already used: version \d+ was approved/);
    // The approved version can now go live.
    ok(await core.dispatch('script.load', { versionId: version.id }, producer));
  });

  it('keeps the link out of the audit trail and the database', async () => {
    const { core, version } = await setup();
    const link = ok(await core.dispatch('script.signoffLink', { versionId: version.id, approver: 'Priya Shah' }, producer));
    await core.dispatch('script.signoff', { link: code(link.path), decision: 'return', comments: [{ cueId: 'opening.1', comment: 'say “hello”, not “hi”' }] }, viaLink('Priya Shah'));
    const trail = JSON.stringify(core.audit.list({ limit: 50 }));
    expect(trail).toContain('script.signoff');
    expect(trail).not.toContain(code(link.path));
    const stored = core.db.prepare('SELECT token_hash FROM script_signoff_links').all() as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.token_hash).not.toBe(code(link.path));
  });

  it('a return records the approver’s comments per cue and leaves the version unapproved', async () => {
    const { core, version } = await setup();
    const link = ok(await core.dispatch('script.signoffLink', { versionId: version.id, approver: 'priya' }, producer));
    const noComment = await core.dispatch('script.signoff', { link: code(link.path), decision: 'return' }, viaLink('Priya Shah'));
    expect(!noComment.ok && noComment.error.message).toMatch(/at least one comment/);
    const r = ok(await core.dispatch('script.signoff', { link: code(link.path), decision: 'return', comments: [{ cueId: 'opening.1', comment: 'too casual' }] }, viaLink('Priya Shah')));
    expect(r.version.approval).toBeNull();
    const refused = await core.dispatch('script.load', { versionId: version.id }, producer);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses a link for someone who cannot sign, an expired link, and an unknown code', async () => {
    const { core, clock, version } = await setup();
    const host = await core.dispatch('script.signoffLink', { versionId: version.id, approver: 'Leo Martins' }, producer);
    expect(!host.ok && host.error.message).toMatch(/Leo Martins is host: sign-off comes from .*Priya Shah \(legal\)/);

    const link = ok(await core.dispatch('script.signoffLink', { versionId: version.id, approver: 'priya' }, producer));
    clock.advance(25 * 3_600_000); // the demo show's approval SLA is 24 h
    const late = await core.dispatch('script.signoff', { link: code(link.path), decision: 'approve' }, viaLink('Priya Shah'));
    expect(!late.ok && late.error.message).toMatch(/expired/);
    expect(ok(await core.dispatch('script.get', { versionId: version.id }, producer)).version.approval).toBeNull();

    const unknown = await core.dispatch('script.signoffView', { link: 'A'.repeat(32) }, viaLink('?'));
    expect(!unknown.ok && unknown.error.message).toMatch(/not valid/);
    const malformed = await core.dispatch('script.signoffView', { link: '<script>' }, viaLink('?'));
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
  });

  it('sending a link starts the approval request and its SLA clock', async () => {
    const { core, version } = await setup();
    const link = ok(await core.dispatch('script.signoffLink', { versionId: version.id, approver: 'priya' }, producer));
    const v = ok(await core.dispatch('script.get', { versionId: version.id }, producer)).version;
    expect(v.dueAt).toBe(link.expiresAt);
  });
});
