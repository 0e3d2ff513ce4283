import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Show } from '../../shared/show/show.schema';
import { readShowFile } from '../show/show.loader';
import { buildScript } from './script.build';
import { renderMarkdown } from './script.render';
import { canonicalJson, contentHash } from './script.hash';
import { parseDuration } from './script.draft';

const demo = (): Show => {
  const p = readShowFile('resources/demo-show/show.json');
  if (!p.ok) throw new Error('demo show invalid');
  return p.show;
};
const demoScript = readFileSync('resources/demo-show/script.md', 'utf8');

describe('building a script', () => {
  it('fills the demo placeholders from the offer and hashes to the sign-off in the demo show', () => {
    const show = demo();
    const b = buildScript('markdown', demoScript, show);
    if (!b.ok) throw new Error(JSON.stringify(b.issues));
    const text = JSON.stringify(b.content);
    expect(text).not.toMatch(/\[(Product Name|Price|Compare Price|Code|Bonus|Cap)\]/);
    const cta = b.content.segments.find((s) => s.id === 'glow-kit-offer')?.cues[1]?.text;
    expect(cta).toBe('Tap the pinned Glow Kit below, add it to your cart, and LIVEGLOW is applied at checkout. The first 200 orders also get a free travel pouch.');
    expect(b.hash).toBe(show.script?.approval?.hash);
    expect(b.warnings).toEqual([]);
    expect(text).not.toMatch(/next[- ]day/i);
  });

  it('a price change in the show changes the hash', () => {
    const show = demo();
    const a = buildScript('markdown', demoScript, show);
    show.offers[0]!.price.amount = 35;
    const b = buildScript('markdown', demoScript, show);
    expect(a.ok && b.ok && a.hash !== b.hash).toBe(true);
    expect(b.ok && JSON.stringify(b.content)).toContain('$35 instead of $57');
  });

  it('round-trips: the rendered Markdown of the content builds the same content', () => {
    const show = demo();
    const a = buildScript('markdown', demoScript, show);
    if (!a.ok) throw new Error('build failed');
    const b = buildScript('markdown', renderMarkdown(a.content), show);
    expect(b.ok && b.hash).toBe(a.hash);
    const c = buildScript('json', JSON.stringify(a.content), show);
    expect(c.ok && c.hash).toBe(a.hash);
  });

  it('names which offer a placeholder needs when the show has several', () => {
    const show = demo();
    show.offers.push({ ...show.offers[0]!, id: 'second', code: 'TWO' });
    const r = buildScript('markdown', '# T\n## S\n- cta: [Price] now\n', show);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]).toMatchObject({ line: 3, message: expect.stringMatching(/\[Price\] needs an offer: add \{offer=…\}/) });
    const fixed = buildScript('markdown', '# T\n## S {offer=second}\n- cta: [Code] now\n', show);
    expect(fixed.ok && fixed.content.segments[0]?.cues[0]?.text).toBe('TWO now');
    const unknown = buildScript('markdown', '# T {offer=nope}\n## S\n- cta: hi\n', show);
    expect(!unknown.ok && unknown.issues[0]?.message).toMatch(/offer=nope is not an offer of this show/);
  });

  it('refuses a placeholder the offer cannot fill', () => {
    const show = demo();
    delete show.offers[0]!.cap;
    const r = buildScript('markdown', '# T\n## S\n- cta: first [Cap] get a [Bonus]\n', show);
    expect(!r.ok && r.issues.map((i) => i.message)).toEqual([
      'offer glow-kit-live has no cap for [Cap]',
      'offer glow-kit-live has no cap, so there is no [Bonus] to name',
    ]);
  });

  it('warns when the script has no pause announcement or post-bonus CTA', () => {
    const r = buildScript('markdown', '# T\n## S\n- cta: Buy the [Product Name].\n', demo());
    expect(r.ok && r.warnings.join(' ')).toMatch(/No pause announcement.*No post-bonus CTA/);
  });

  it('gives duplicate segment titles distinct ids', () => {
    const r = buildScript('markdown', '# T\n## Demo\n- demo: a\n## Demo\n- demo: b\n', demo());
    expect(r.ok && r.content.segments.map((s) => s.cues[0]?.id)).toEqual(['demo.1', 'demo-2.1']);
  });

  it('JSON errors carry the field path', () => {
    const r = buildScript('json', JSON.stringify({ title: 'T', segments: [{ title: 'S', cues: [{ kind: 'shout', text: 'x' }] }] }), demo());
    expect(!r.ok && r.issues[0]?.path).toBe('segments.0.cues.0.kind');
    const bad = buildScript('json', '{', demo());
    expect(!bad.ok && bad.issues[0]?.message).toMatch(/not valid JSON/);
  });
});

describe('hash and durations', () => {
  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}');
    expect(contentHash({ title: 't', segments: [] })).toBe(contentHash({ segments: [], title: 't' } as never));
  });
  it('parses durations', () => {
    expect([parseDuration('3:00'), parseDuration('90s'), parseDuration('4m'), parseDuration('1m30s'), parseDuration('soon'), parseDuration('')]).toEqual([180, 90, 240, 90, null, null]);
  });
});
