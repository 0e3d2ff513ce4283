import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OfferView } from '../../shared/contract/index';
import { DEMO_SHOW, createTestClock, createTestCore, host, moderator, producer } from '../../../test/support/test-core';
import type { Core } from '../core';
import { offerView } from '../../../test/support/state-fixtures';

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function demoCore(options: Parameters<typeof createTestCore>[0] = {}) {
  const core = createTestCore(options);
  cores.push(core);
  // Not started: the offers module's sandbox simulator stays off, so the tests below own the
  // offers slice (the real pause path is covered in test/integration/cues and the e2e spec).
  core.show.loadFile(DEMO_SHOW);
  return core;
}
function tempShow(mutate: (show: Record<string, unknown>, script: string) => { show: Record<string, unknown>; script: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'baton-cues-'));
  dirs.push(dir);
  const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as Record<string, unknown>;
  const script = readFileSync('resources/demo-show/script.md', 'utf8');
  const out = mutate(show, script);
  writeFileSync(join(dir, 'show.json'), JSON.stringify(out.show));
  writeFileSync(join(dir, 'script.md'), out.script);
  return dir;
}
const ok = <T>(r: { ok: true; result: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result;
};
const offer = (patch: Partial<OfferView>): OfferView =>
  offerView({ id: 'glow-kit-live', name: 'Glow Kit live bundle', skus: ['BNDL-GLOW-KIT'], cap: cap(false), ...patch });
function cap(reached: boolean): OfferView['cap'] {
  return { orders: 200, bonus: 'free travel pouch', reached, reachedAt: reached ? 1 : null, bonusRemoval: null };
}
// Patches go out after the turn's I/O (setImmediate): wait past a timer and then a check phase.
const tick = () => new Promise((r) => setTimeout(() => setImmediate(r), 0));

describe('demo show on first start', () => {
  it('imports script.md, records the show file’s sign-off because the hash matches, and loads it', async () => {
    const core = demoCore();
    const { scripts, cues } = core.snapshot().state;
    expect(scripts.versions).toHaveLength(1);
    const v = scripts.versions[0]!;
    expect(v.status).toBe('approved');
    expect(v.approval).toMatchObject({ approver: 'Priya Shah', role: 'legal', source: 'show-file', hash: v.hash });
    expect(cues.loaded?.versionId).toBe(v.id);
    expect(cues.loaded?.approval.source).toBe('show-file');
    expect(cues.current?.id).toBe('opening.1');
    expect(cues.current?.text).toMatch(/^Hi everyone/);
    expect(cues.next?.id).toBe('opening.2');
    expect(scripts.deck?.content.segments.map((s) => s.id)).toContain('after-the-cap');
    const audit = core.audit.list({ limit: 50 }).map((e) => e.command);
    expect(audit).toEqual(expect.arrayContaining(['script.import', 'script.approval.recorded', 'script.load']));
  });

  it('imports unapproved, with an alert, when the script changed after the show file’s sign-off', async () => {
    const dir = tempShow((show, script) => ({ show, script: script.replace('3–5 working days, and', '3–5 working days (tracked), and') }));
    const core = createTestCore();
    cores.push(core);
    core.show.loadFile(join(dir, 'show.json'));
    const s = core.snapshot().state;
    expect(s.scripts.versions[0]?.status).toBe('draft');
    expect(s.cues.loaded).toBeNull();
    expect(s.alerts.items.find((a) => a.key === 'script.showfile-approval')?.message).toMatch(/changed after sign-off/);
  });

  it('a bad script file leaves the versions alone and says which line', async () => {
    const dir = tempShow((show, script) => ({ show, script: script.replace('- demo: First up', '- demonstration: First up') }));
    const core = createTestCore();
    cores.push(core);
    core.show.loadFile(join(dir, 'show.json'));
    const s = core.snapshot().state;
    expect(s.scripts.versions).toHaveLength(0);
    expect(s.scripts.importError?.message).toMatch(/line \d+: "demonstration" is not a cue kind/);
  });

  it('reloading the same show does not duplicate the version; a price change makes a new unapproved one and leaves the deck', async () => {
    const core = demoCore();
    core.show.loadFile(DEMO_SHOW);
    expect(core.snapshot().state.scripts.versions).toHaveLength(1);
    const loadedBefore = core.snapshot().state.cues.loaded;
    const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as { offers: { price: { amount: number } }[] };
    show.offers[0]!.price.amount = 35;
    ok(await core.dispatch('show.import', { show }, producer));
    // Imported shows resolve the script against the previous show's folder.
    const s = core.snapshot().state;
    expect(s.scripts.versions).toHaveLength(2);
    expect(s.scripts.versions[0]?.status).toBe('draft');
    expect(s.cues.loaded).toEqual(loadedBefore);
    expect(s.alerts.items.find((a) => a.key === 'script.newer')).toBeTruthy();
    const fresh = ok(await core.dispatch('script.get', { versionId: s.scripts.versions[0]!.id }, producer));
    expect(JSON.stringify(fresh.content)).toContain('$35');
  });
});

describe('another show', () => {
  it('never replaces the live deck, and says the deck belongs to the other show', async () => {
    const core = demoCore();
    const show = JSON.parse(readFileSync(DEMO_SHOW, 'utf8')) as Record<string, unknown>;
    ok(await core.dispatch('show.import', { show: { ...show, id: 'second-show' } }, producer));
    const s = core.snapshot().state;
    expect(s.cues.loaded?.showId).toBe('glow-kit-launch');
    expect(s.scripts.versions.map((v) => v.id)).toEqual(['second-show/v1']);
    expect(s.alerts.items.find((a) => a.key === 'script.newer')?.message).toMatch(/of show "glow-kit-launch", but the loaded show is "second-show"/);
    const refused = await core.dispatch('script.load', { versionId: 'glow-kit-launch/v1' }, producer);
    expect(!refused.ok && refused.error.message).toMatch(/belongs to show "glow-kit-launch"/);
    ok(await core.dispatch('script.load', { versionId: 'second-show/v1' }, producer));
    expect(core.snapshot().state.cues.loaded?.showId).toBe('second-show');
  });
});

describe('versions and approval', () => {
  it('editing an approved script makes an unapproved version; loading it is refused (409) with the reason; the deck stays', async () => {
    const core = demoCore();
    const v1 = core.snapshot().state.scripts.versions[0]!;
    const { source } = ok(await core.dispatch('script.get', { versionId: v1.id }, producer));
    ok(await core.dispatch('cue.next', {}, producer));
    const before = core.snapshot().state.cues;
    const saved = ok(await core.dispatch('script.save', { format: 'markdown', source: source.replace('Hi everyone', 'Hello everyone') }, producer));
    expect(saved.created).toBe(true);
    expect(saved.version.status).toBe('draft');
    expect(saved.version.number).toBe(2);
    await tick();
    expect(core.snapshot().state.scripts.versions.map((v) => v.number)).toEqual([2, 1]);
    const r = await core.dispatch('script.load', { versionId: saved.version.id }, producer);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('conflict');
      expect(r.error.message).toMatch(/Version 2 .* is not approved — it is a draft/);
    }
    expect(core.snapshot().state.cues).toEqual(before);
    expect(core.audit.list({ limit: 1, command: 'script.load' })[0]?.outcome).toBe('refused:conflict');
  });

  it('saving the same text again returns the existing version', async () => {
    const core = demoCore();
    const v1 = core.snapshot().state.scripts.versions[0]!;
    const { source } = ok(await core.dispatch('script.get', { versionId: v1.id }, producer));
    const again = ok(await core.dispatch('script.save', { format: 'markdown', source }, producer));
    expect(again).toMatchObject({ created: false, version: { id: v1.id } });
  });

  it('request → overdue alert → return with comments per cue → fix → approve with the hash → load', async () => {
    const clock = createTestClock();
    const core = demoCore({ clock });
    const v1 = core.snapshot().state.scripts.versions[0]!;
    const { source } = ok(await core.dispatch('script.get', { versionId: v1.id }, producer));
    const v2 = ok(await core.dispatch('script.save', { format: 'markdown', source: source.replace('3–5 working days, and', '3–5 working days. And') }, producer)).version;

    const req = ok(await core.dispatch('script.requestApproval', { versionId: v2.id }, producer)).version;
    expect(req.status).toBe('in_review');
    expect(req.dueAt).toBe(clock.now() + 24 * 3_600_000);
    const diff = ok(await core.dispatch('script.diff', { from: v1.id, to: v2.id }, host));
    expect(diff.removed).toBe(1);
    expect(diff.added).toBe(1);
    expect(diff.lines.find((l) => l.op === 'add')).toMatchObject({ cueId: 'glow-kit-offer.3', text: expect.stringContaining('3–5 working days. And') });

    const bad = await core.dispatch('script.return', { versionId: v2.id, reviewer: 'Priya Shah', comments: [{ cueId: 'nope.1', comment: 'x' }] }, producer);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues?.[0]?.path).toBe('comments.0.cueId');
    const returned = ok(
      await core.dispatch(
        'script.return',
        { versionId: v2.id, reviewer: 'Priya Shah', comments: [{ cueId: 'glow-kit-offer.3', comment: 'Keep "and you’ll get a tracking link" in one sentence.' }] },
        producer,
      ),
    ).version;
    expect(returned.status).toBe('returned');
    expect(returned.returned?.comments[0]?.cueId).toBe('glow-kit-offer.3');
    const refused = await core.dispatch('script.load', { versionId: v2.id }, producer);
    expect(!refused.ok && refused.error.message).toMatch(/returned by Priya Shah with 1 comment/);

    const wrongHash = await core.dispatch('script.approve', { versionId: v2.id, hash: v1.hash, approver: 'Priya Shah', note: 'by email', given: 'email' }, producer);
    expect(!wrongHash.ok && wrongHash.error.code).toBe('conflict');
    expect(!wrongHash.ok && wrongHash.error.message).toMatch(/does not match version 2/);
    const notApprover = await core.dispatch('script.approve', { versionId: v2.id, hash: v2.hash, approver: 'Leo Martins', note: 'by email', given: 'email' }, producer);
    expect(!notApprover.ok && notApprover.error.message).toMatch(/Leo Martins is host/);
    const byModerator = await core.dispatch('script.approve', { versionId: v2.id, hash: v2.hash, approver: 'priya', note: 'by email', given: 'email' }, moderator);
    expect(!byModerator.ok && byModerator.error.code).toBe('forbidden');

    const approved = ok(await core.dispatch('script.approve', { versionId: v2.id, hash: v2.hash, approver: 'priya', note: 'ok after edit', given: 'email' }, producer)).version;
    expect(approved.approval).toMatchObject({ approver: 'Priya Shah', role: 'legal', note: 'ok after edit', source: 'station', recordedBy: producer.actor, via: 'email' });
    const again = await core.dispatch('script.approve', { versionId: v2.id, hash: v2.hash, approver: 'priya', note: 'again', given: 'paper' }, producer);
    expect(!again.ok && again.error.message).toMatch(/already approved/);

    const current = core.snapshot().state.cues.current?.id;
    const loaded = ok(await core.dispatch('script.load', { versionId: v2.id }, producer)).loaded;
    expect(loaded?.versionId).toBe(v2.id);
    expect(core.snapshot().state.cues.current?.id).toBe(current);
  });

  it('raises an overdue alert when a sign-off request passes its due time', async () => {
    const clock = createTestClock();
    const core = demoCore({ clock });
    const v1 = core.snapshot().state.scripts.versions[0]!;
    const { source } = ok(await core.dispatch('script.get', { versionId: v1.id }, producer));
    const v2 = ok(await core.dispatch('script.save', { format: 'markdown', source: source.replace('Hi everyone', 'Hey everyone') }, producer)).version;
    ok(await core.dispatch('script.requestApproval', { versionId: v2.id }, producer));
    await tick();
    expect(core.snapshot().state.alerts.items.some((a) => a.key === `script.overdue.${v2.id}`)).toBe(false);
    clock.advance(24 * 3_600_000 + 1);
    // Any write to the scripts refreshes the list and looks at due times (so does a 30 s timer).
    ok(await core.dispatch('script.save', { format: 'markdown', source: source.replace('Hi everyone', 'Hiya everyone') }, producer));
    await tick();
    const alert = core.snapshot().state.alerts.items.find((a) => a.key === `script.overdue.${v2.id}`);
    expect(alert?.message).toMatch(/Sign-off for script version 2 .* is overdue/);
    expect(alert?.clearedAt).toBeNull();
    // Returned is no longer waiting: the alert clears.
    ok(await core.dispatch('script.return', { versionId: v2.id, reviewer: 'Priya Shah', comments: [{ cueId: 'opening.1', comment: 'Say "Hi".' }] }, producer));
    await tick();
    expect(core.snapshot().state.alerts.items.find((a) => a.key === `script.overdue.${v2.id}`)?.clearedAt).not.toBeNull();
  });

  it('refuses scripts with unknown placeholders or kinds, naming the line', async () => {
    const core = demoCore();
    const r = await core.dispatch('script.save', { format: 'markdown', source: '# T\n\n## S\n- cta: Only [Remaining] left!\n' }, producer);
    expect(!r.ok && r.error.code).toBe('invalid_args');
    expect(!r.ok && r.error.issues?.[0]).toMatchObject({ path: 'line 4' });
    expect(!r.ok && r.error.message).toMatch(/unknown placeholder \[Remaining\]/);
  });

  it('imports JSON scripts too', async () => {
    const core = demoCore();
    const json = JSON.stringify({ title: 'JSON script', segments: [{ title: 'Offer', plannedSeconds: 60, cues: [{ kind: 'cta', text: '[Product Name] for [Price].' }] }] });
    const saved = ok(await core.dispatch('script.save', { format: 'json', source: json }, producer));
    const got = ok(await core.dispatch('script.get', { versionId: saved.version.id }, host));
    expect(got.content.segments[0]?.cues[0]?.text).toBe('Glow Kit for $39.');
  });
});

describe('the cue deck', () => {
  it('next / prev / goto / arm then go, with refusals at the ends', async () => {
    const core = demoCore();
    expect(ok(await core.dispatch('cue.next', {}, producer)).cueId).toBe('opening.2');
    expect(ok(await core.dispatch('cue.next', {}, host)).cueId).toBe('opening.3');
    expect(ok(await core.dispatch('cue.prev', {}, producer)).cueId).toBe('opening.2');
    expect(ok(await core.dispatch('cue.goto', { cueId: 'glow-kit-offer.1' }, producer)).cueId).toBe('glow-kit-offer.1');
    const s = core.snapshot().state.cues;
    expect(s.current).toMatchObject({ id: 'glow-kit-offer.1', kind: 'cta', segmentTitle: 'Glow Kit offer' });
    expect(s.current?.text).toContain('$39 instead of $57');
    expect(s.segmentPlannedSeconds).toBe(720);
    const unknown = await core.dispatch('cue.goto', { cueId: 'nope' }, producer);
    expect(!unknown.ok && unknown.error.code).toBe('conflict');
    const byModerator = await core.dispatch('cue.next', {}, moderator);
    expect(!byModerator.ok && byModerator.error.code).toBe('forbidden');

    const nothingArmed = await core.dispatch('cue.go', {}, producer);
    expect(!nothingArmed.ok && nothingArmed.error.message).toMatch(/Nothing is armed/);
    ok(await core.dispatch('cue.arm', { cueId: 'urgency.2' }, producer));
    expect(core.snapshot().state.cues.armed?.id).toBe('urgency.2');
    expect(core.snapshot().state.cues.current?.id).toBe('glow-kit-offer.1');
    expect(ok(await core.dispatch('cue.go', {}, producer)).cueId).toBe('urgency.2');
    expect(core.snapshot().state.cues.armed).toBeNull();

    ok(await core.dispatch('cue.goto', { cueId: 'closing.2' }, producer));
    const atEnd = await core.dispatch('cue.next', {}, producer);
    expect(!atEnd.ok && atEnd.error.message).toMatch(/last cue/);
    ok(await core.dispatch('cue.goto', { cueId: 'opening.1' }, producer));
    const atStart = await core.dispatch('cue.prev', {}, producer);
    expect(!atStart.ok && atStart.error.message).toMatch(/first cue/);
  });

  it('show clock and segment timer: the segment timer restarts on a new segment only while the clock runs', async () => {
    const clock = createTestClock();
    const core = demoCore({ clock });
    ok(await core.dispatch('cue.next', {}, producer));
    expect(core.snapshot().state.cues.segmentStartedAt).toBeNull();
    const t0 = clock.now();
    ok(await core.dispatch('show.clock', { action: 'start' }, producer));
    expect(core.snapshot().state.cues).toMatchObject({ showStartedAt: t0, segmentStartedAt: t0, segmentPlannedSeconds: 180 });
    const again = await core.dispatch('show.clock', { action: 'start' }, producer);
    expect(!again.ok && again.error.message).toMatch(/reset it first/);
    clock.advance(5000);
    ok(await core.dispatch('cue.next', {}, producer)); // opening.3, same segment
    expect(core.snapshot().state.cues.segmentStartedAt).toBe(t0);
    clock.advance(5000);
    ok(await core.dispatch('cue.next', {}, producer)); // demo-glow-serum.1
    expect(core.snapshot().state.cues.segmentStartedAt).toBe(t0 + 10_000);
    expect(core.snapshot().state.cues.segmentPlannedSeconds).toBe(600);
    ok(await core.dispatch('show.clock', { action: 'reset' }, producer));
    expect(core.snapshot().state.cues).toMatchObject({ showStartedAt: null, segmentStartedAt: null });
  });

  it('emits cue.changed and publishes the patch after the command’s audit row', async () => {
    const core = demoCore();
    await tick();
    const seen: string[] = [];
    core.subscribe((m) => {
      if (m.t === 'event' && m.event.name === 'cue.changed') seen.push(`event:${m.event.cueId}`);
      if (m.t === 'event' && m.event.name === 'audit.appended' && m.event.entry.command === 'cue.next') seen.push('audit');
      if (m.t === 'patch' && m.domain === 'cues') seen.push(`patch:${m.value.current?.id}`);
    });
    ok(await core.dispatch('cue.next', {}, producer));
    await tick();
    expect(seen).toEqual(['event:opening.2', 'audit', 'patch:opening.2']);
  });

  it('resumes on the same cue after a restart, and refuses a tampered version', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'baton-cues-db-'));
    dirs.push(dataDir);
    const a = createTestCore({ dataDir });
    a.show.loadFile(DEMO_SHOW);
    ok(await a.dispatch('cue.goto', { cueId: 'demo-lip-tint.2' }, producer));
    ok(await a.dispatch('show.clock', { action: 'start' }, producer));
    await a.close();

    const b = createTestCore({ dataDir });
    cores.push(b);
    expect(b.snapshot().state.cues.current?.id).toBe('demo-lip-tint.2');
    expect(b.snapshot().state.cues.showStartedAt).not.toBeNull();
    b.show.loadFile(DEMO_SHOW);
    expect(b.snapshot().state.cues.current?.id).toBe('demo-lip-tint.2');
    expect(b.snapshot().state.scripts.versions).toHaveLength(1);
    await b.close();
    cores.pop();

    // Someone edits the stored text with the triggers dropped: the hash no longer verifies.
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(join(dataDir, 'baton.db'));
    raw.exec('DROP TRIGGER script_versions_immutable');
    raw.prepare("UPDATE script_versions SET content = replace(content, '3–5 working days', 'next-day delivery')").run();
    raw.close();
    const c = createTestCore({ dataDir });
    cores.push(c);
    expect(c.snapshot().state.cues.loaded).toBeNull();
    expect(c.snapshot().state.alerts.items.find((x) => x.key === 'cues.restore')?.message).toMatch(/no longer matches its hash/);
  });

  it('versions are immutable in the database', async () => {
    const core = demoCore();
    expect(() => core.db.prepare("UPDATE script_versions SET source = 'x'").run()).toThrow(/immutable/);
    expect(() => core.db.prepare('DELETE FROM script_versions').run()).toThrow(/immutable/);
  });
});

describe('offer overrides', () => {
  it('switches to the pause announcement only once the store confirms the pause, and back on resume', async () => {
    const core = demoCore();
    ok(await core.dispatch('cue.goto', { cueId: 'glow-kit-offer.2' }, producer));
    core.state.set('offers', { items: [offer({ state: 'pausing', intent: 'paused' })], firings: [] });
    await tick();
    expect(core.snapshot().state.cues.override).toBeNull();
    core.state.set('offers', { items: [offer({ state: 'paused', intent: 'paused' })], firings: [] });
    await tick();
    await tick();
    const o = core.snapshot().state.cues.override;
    expect(o).toMatchObject({ reason: 'offer_paused', offerId: 'glow-kit-live', cueId: 'offer-paused.1' });
    expect(o?.text).toMatch(/^Quick pause on the Glow Kit/);
    expect(core.snapshot().state.cues.current?.id).toBe('glow-kit-offer.2');
    expect(core.audit.list({ limit: 5, command: 'cue.override' })[0]?.args).toMatchObject({ reason: 'offer_paused' });
    // Moving on while paused keeps the announcement up.
    ok(await core.dispatch('cue.next', {}, producer));
    expect(core.snapshot().state.cues.override?.reason).toBe('offer_paused');
    core.state.set('offers', { items: [offer({ state: 'live' })], firings: [] });
    await tick();
    await tick();
    expect(core.snapshot().state.cues.override).toBeNull();
  });

  it('when the cap is reached: post-bonus CTA at once, then on every CTA or urgency cue', async () => {
    const core = demoCore();
    ok(await core.dispatch('cue.goto', { cueId: 'demo-sun-stick.1' }, producer));
    core.state.set('offers', { items: [offer({})], firings: [] });
    await tick();
    await tick();
    core.state.set('offers', { items: [offer({ orders: 200, cap: cap(true) })], firings: [] });
    await tick();
    await tick();
    expect(core.snapshot().state.cues.override).toMatchObject({ reason: 'cap_reached', cueId: 'after-the-cap.1' });
    ok(await core.dispatch('cue.next', {}, producer)); // demo-sun-stick.2: a demo line, no override
    expect(core.snapshot().state.cues.override).toBeNull();
    // The card moving back is part of that command: its row is written in the command's
    // transaction, just before the command's own row, with the command's caller and channel.
    const [cmd, moved] = core.audit.list({ limit: 2 });
    expect(cmd).toMatchObject({ command: 'cue.next', outcome: 'ok', actor: producer.actor });
    expect(moved).toMatchObject({ command: 'cue.override', actor: 'system:cues', via: producer.via, seq: (cmd?.seq ?? 0) - 1 });
    ok(await core.dispatch('cue.goto', { cueId: 'urgency.1' }, producer));
    expect(core.snapshot().state.cues.override).toMatchObject({ reason: 'cap_reached', text: expect.stringContaining('every free travel pouch has been claimed') });
    ok(await core.dispatch('cue.goto', { cueId: 'after-the-cap.1' }, producer));
    expect(core.snapshot().state.cues.override).toBeNull();
  });
});

describe('compliance.check', () => {
  it('passes approved claims and flags the rest with ranges', async () => {
    const core = demoCore();
    const good = ok(await core.dispatch('compliance.check', { text: 'Kit is $39 with LIVEGLOW, ships in 3-5 working days.' }, moderator));
    expect(good).toMatchObject({ ok: true, violations: [], against: { number: 1 } });
    const text = 'Only $29 today with code SAVE50 — next-day delivery!';
    const bad = ok(await core.dispatch('compliance.check', { text }, moderator));
    expect(bad.ok).toBe(false);
    expect(bad.violations.map((v) => [v.kind, text.slice(v.start, v.end)])).toEqual([
      ['price', '$29'],
      ['code', 'SAVE50'],
      ['delivery', 'next-day'],
    ]);
  });

  it('with no approved script, every claim is a violation', async () => {
    const core = createTestCore();
    cores.push(core);
    const r = ok(await core.dispatch('compliance.check', { text: 'Just $39!' }, moderator));
    expect(r).toMatchObject({ ok: false, against: null });
    expect(r.violations[0]?.reason).toMatch(/no approved script/);
  });

  it('raises an alert for a reply macro the approved script does not cover', async () => {
    const dir = tempShow((show, script) => {
      const comments = show.comments as { macros: { id: string; label: string; text: string }[] };
      comments.macros.push({ id: 'fast', label: 'Fast shipping', text: 'Order now and it arrives tomorrow!' });
      return { show, script };
    });
    copyFileSync('resources/demo-show/script.md', join(dir, 'script.md'));
    const core = createTestCore();
    cores.push(core);
    core.show.loadFile(join(dir, 'show.json'));
    const alert = core.snapshot().state.alerts.items.find((a) => a.key === 'script.macro.fast');
    expect(alert?.message).toMatch(/Fast shipping.*arrives tomorrow/);
    expect(core.snapshot().state.alerts.items.filter((a) => a.key.startsWith('script.macro.'))).toHaveLength(1);
  });
});

describe('recording an approval given elsewhere', () => {
  const edited = async (core: Core, from: string, to: string) => {
    const v1 = core.snapshot().state.scripts.versions[0]!;
    const { source } = ok(await core.dispatch('script.get', { versionId: v1.id }, producer));
    return ok(await core.dispatch('script.save', { format: 'markdown', source: source.replace(from, to) }, producer)).version;
  };

  it('needs the approver, a note and where it came from; the audit names the recorder and the approver', async () => {
    const core = demoCore();
    const v2 = await edited(core, 'Hi everyone', 'Hello everyone');
    const base = { versionId: v2.id, hash: v2.hash, approver: 'priya' };
    for (const [args, path] of [
      [{ ...base, given: 'email' }, 'note'],
      [{ ...base, note: '   ', given: 'email' }, 'note'],
      [{ ...base, note: 'Re: script v2 — fine by me' }, 'given'],
      [{ ...base, note: 'ok', given: 'carrier pigeon' }, 'given'],
      [{ ...base, approver: ' ', note: 'ok', given: 'email' }, 'approver'],
    ] as const) {
      const r = await core.dispatch('script.approve', args, producer);
      expect(r.ok, JSON.stringify(args)).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_args');
        expect(r.error.issues?.map((i) => i.path)).toContain(path);
      }
    }
    expect(core.snapshot().state.scripts.versions.find((v) => v.id === v2.id)?.approval).toBeNull();

    const done = ok(await core.dispatch('script.approve', { ...base, note: '  Re: script v2 — fine by me ', given: 'email' }, producer)).version;
    expect(done.approval).toMatchObject({ approver: 'Priya Shah', recordedBy: producer.actor, via: 'email', note: 'Re: script v2 — fine by me', source: 'station' });
    const rows = core.audit.list({ limit: 10 });
    const recorded = rows.find((e) => e.command === 'script.approval.recorded');
    expect(recorded).toMatchObject({ actor: producer.actor, outcome: 'ok' });
    expect(recorded?.args).toMatchObject({ approver: 'Priya Shah', approverRole: 'legal', recordedBy: producer.actor, via: 'email' });
    expect(recorded?.detail).toBe(`Priya Shah (legal)'s approval of version 2, given by email, recorded by ${producer.actor}`);
  });

  it('a review shows the diff against the last approved version and flags the claims it adds', async () => {
    const core = demoCore();
    const v2 = await edited(core, 'Standard shipping takes 3–5 working days', 'Next-day delivery, and it costs $29 with code FLASH50');
    const e = ok(await core.dispatch('script.review', { versionId: v2.id }, moderator));
    expect(e.against).toMatchObject({ versionId: 'glow-kit-launch/v1', number: 1, approver: 'Priya Shah' });
    expect(e.added).toBe(1);
    expect(e.removed).toBe(1);
    const added = e.lines.find((l) => l.op === 'add')!;
    expect(added.cueId).toBe('glow-kit-offer.3');
    expect(added.flags.map((f) => [f.kind, added.text.slice(f.start, f.end)])).toEqual([
      ['delivery', 'Next-day'],
      ['price', '$29'],
      ['code', 'FLASH50'],
    ]);
    expect(e.flagged).toBe(3);
    expect(e.lines.filter((l) => l.op !== 'add').every((l) => l.flags.length === 0)).toBe(true);

    // The first version has no approved baseline: everything is new, every claim flagged.
    const first = ok(await core.dispatch('script.review', { versionId: 'glow-kit-launch/v1' }, producer));
    expect(first.against).toBeNull();
    expect(first.removed).toBe(0);
    expect(first.flagged).toBeGreaterThan(0);
  });
});

describe('files a show file names', () => {
  it('are read only from the show’s folder: a script path out of it, absolute, or a link out of it is refused and nothing of the file reaches the views', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'baton-outside-'));
    dirs.push(outside);
    const secretText = `SECRET-${Date.now()}`;
    const script = readFileSync('resources/demo-show/script.md', 'utf8').replace('First up', `First up ${secretText}`);
    writeFileSync(join(outside, 'notes.md'), script);
    for (const file of [`../${basename(outside)}/notes.md`, join(outside, 'notes.md'), 'linked.md']) {
      const dir = tempShow((show, s) => ({ show: { ...show, script: { file } }, script: s }));
      if (file === 'linked.md') symlinkSync(join(outside, 'notes.md'), join(dir, 'linked.md'));
      const core = createTestCore();
      cores.push(core);
      core.show.loadFile(join(dir, 'show.json'));
      const s = core.snapshot().state;
      expect(s.scripts.versions, file).toHaveLength(0);
      expect(s.scripts.importError?.message, file).toMatch(/show’s folder/);
      expect(JSON.stringify(core.snapshot()), file).not.toContain(secretText);
    }
  });

  it('say what is wrong with a file that is not JSON without quoting it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-notjson-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'show.json'), 'TOKEN=hunter2-very-secret-value');
    const core = createTestCore({ showFolders: [dir] });
    cores.push(core);
    const r = await core.dispatch('show.load', { path: join(dir, 'show.json') }, producer);
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toMatch(/not valid JSON/);
    expect(JSON.stringify(r)).not.toContain('hunt');
  });
});
