import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestClock, createTestCore, DEMO_SHOW, producer } from '../../../test/support/test-core';
import { openedInTests, scriptedTriage } from '../../../test/support/scripted-triage';
import { createDefaultCommentsPorts } from './comments.default-ports';
import type { CommentsPorts } from './comments.ports';
import { createCheckoutIncidentDetector } from './comments.incident';
import type { Triage } from './triage/triage.types';

/** A classifier that reads "[checkout] …" as a checkout complaint and everything else as chatter. */
function checkoutTriage(): Triage {
  return scriptedTriage(({ text }) =>
    text.startsWith('[checkout]')
      ? { intent: 'complaint', sub: 'checkout', confidence: 0.9, lang: 'en', sku: null, offerCode: null, reasons: ['complaint kind: checkout'] }
      : { intent: 'other', confidence: 0.9, lang: 'en', sku: null, offerCode: null, reasons: ['other'] },
  );
}

const { cores, dirs } = openedInTests();

function boot(incident?: Record<string, unknown>) {
  const real = createDefaultCommentsPorts();
  const ports: CommentsPorts = { ...real, createTriage: () => checkoutTriage(), sources: { ...real.sources, replay: real.sources.replay } };
  const clock = createTestClock();
  const core = createTestCore({ clock, ports: { comments: ports } });
  cores.push(core);
  let file = DEMO_SHOW;
  if (incident) {
    const dir = mkdtempSync(join(tmpdir(), 'baton-incident-'));
    dirs.push(dir);
    cpSync('resources/demo-show', dir, { recursive: true });
    const show = JSON.parse(readFileSync(join(dir, 'show.json'), 'utf8')) as { comments: Record<string, unknown> };
    show.comments.sources = [];
    show.comments.incidents = { checkout: incident };
    file = join(dir, 'show.json');
    writeFileSync(file, JSON.stringify(show));
  }
  core.show.loadFile(file);
  return { core, clock };
}

const report = (id: string, author: string, text: string) => ({ platform: 'tiktok', id, author, text });

describe('checkout incident detector', () => {
  it('fires at N distinct viewers within the window, once per cool-down', () => {
    const d = createCheckoutIncidentDetector({ viewers: 3, windowSeconds: 60, action: 'alarm', cooldownSeconds: 300 });
    const r = (id: string, author: string, at: number) => ({ id, author, platform: 'tiktok', text: 'pay button does nothing', at });
    expect(d.report(r('1', 'a', 0), 0, 0)).toBeNull();
    expect(d.report(r('2', 'a', 1_000), 1_000, 1_000)).toBeNull(); // same viewer twice counts once
    expect(d.report(r('3', 'b', 15_000), 15_000, 15_000)).toBeNull();
    expect(d.report(r('4', 'c', 70_000), 70_000, 70_000)).toBeNull(); // 'a' fell out of the window
    const fired = d.report(r('5', 'd', 71_000), 71_000, 71_000);
    expect(fired?.evidence.map((e) => e.author)).toEqual(['b', 'c', 'd']);
    expect(fired).not.toBeNull();
    expect(d.report(r('6', 'e', 72_000), 72_000, 72_000)).toBeNull();
    expect(d.report(r('7', 'f', 73_000), 73_000, 73_000)).toBeNull();
    expect(d.report(r('8', 'g', 74_000), 74_000, 74_000)).toBeNull(); // cool-down
  });
});

describe('viewers reporting a broken checkout raise the alarm', () => {
  it('five viewers within a minute: one critical alarm quoting their comments, audited as system:triage', async () => {
    const { core, clock } = boot();
    const texts = ['the pay button does nothing', 'checkout keeps spinning', 'card declined 3 times', 'link gives error', 'cant pay!!'];
    for (let i = 0; i < 5; i++) {
      clock.advance(8_000);
      const r = await core.dispatch('comments.ingest', { comments: [report(`c${i}`, `viewer${i}`, `[checkout] ${texts[i]}`)] }, producer);
      expect(r.ok).toBe(true);
      const alarms = core.snapshot().state.alerts.items.filter((a) => a.key === 'comments.incident.checkout');
      expect(alarms.length).toBe(i === 4 ? 1 : 0);
    }
    const alarm = core.snapshot().state.alerts.items.find((a) => a.key === 'comments.incident.checkout');
    expect(alarm).toMatchObject({ level: 'critical', source: 'comments' });
    for (const t of texts) expect(alarm?.message).toContain(t);
    const warn = core.snapshot().state.alerts.items.find((a) => a.key === 'comments.checkout-reports');
    expect(warn?.level).toBe('warn');
    const row = core.audit.list({ limit: 20 }).find((e) => e.command === 'comments.incident.checkout');
    expect(row).toMatchObject({ actor: 'system:triage', outcome: 'alarm' });
    const evidence = (row?.args as { evidence: Array<{ id: string; text: string }> }).evidence;
    expect(evidence.map((e) => e.id)).toEqual(['tiktok:c0', 'tiktok:c1', 'tiktok:c2', 'tiktok:c3', 'tiktok:c4']);
    expect(evidence[0]?.text).toContain('pay button');
  });

  it('the cool-down is timed on the monotonic clock: a wall clock stepped an hour forward does not end it early', async () => {
    const { core, clock } = boot();
    const incidents = () => core.audit.list({ limit: 50 }).filter((e) => e.command === 'comments.incident.checkout').length;
    for (let i = 0; i < 5; i++) await core.dispatch('comments.ingest', { comments: [report(`p${i}`, `first${i}`, '[checkout] payment failed')] }, producer);
    expect(incidents()).toBe(1);
    clock.advance(1_000);
    clock.set(clock.now() + 3_600_000);
    for (let i = 0; i < 5; i++) await core.dispatch('comments.ingest', { comments: [report(`q${i}`, `second${i}`, '[checkout] payment failed')] }, producer);
    // One second into the five-minute cool-down, whatever the wall clock says.
    expect(incidents()).toBe(1);
  });

  it('four viewers, or five spread over more than the window, raise no alarm', async () => {
    const { core, clock } = boot();
    for (let i = 0; i < 5; i++) {
      clock.advance(20_000);
      await core.dispatch('comments.ingest', { comments: [report(`s${i}`, `v${i}`, '[checkout] payment failed')] }, producer);
    }
    expect(core.snapshot().state.alerts.items.some((a) => a.key === 'comments.incident.checkout')).toBe(false);
  });

  it("when the show's rule says pause, it pauses the offers through offer.pause as system:triage", async () => {
    const { core, clock } = boot({ viewers: 3, windowSeconds: 60, action: 'pause', cooldownSeconds: 300 });
    for (let i = 0; i < 3; i++) {
      clock.advance(1_000);
      await core.dispatch('comments.ingest', { comments: [report(`p${i}`, `w${i}`, '[checkout] code says invalid')] }, producer);
    }
    for (let k = 0; k < 50 && !core.audit.list({ limit: 50 }).some((e) => e.command === 'offer.pause'); k++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    const audit = core.audit.list({ limit: 50 });
    expect(audit.find((e) => e.command === 'comments.incident.checkout')).toMatchObject({ actor: 'system:triage', outcome: 'pause' });
    expect(audit.find((e) => e.command === 'offer.pause')).toMatchObject({ actor: 'system:triage' });
  });
});
