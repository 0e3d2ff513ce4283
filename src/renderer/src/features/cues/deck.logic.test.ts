import { describe, expect, it } from 'vitest';
import type { CuesState, ScriptContent } from '../../../../shared/contract/index';
import { cueIds, cuesBelow, deckRows, effectiveSelection, moreBelowText, moveSelection, overrideNotice, overrideSentence, scrollToShow } from './deck.logic';

const content: ScriptContent = {
  title: 'T',
  segments: [
    { id: 'a', title: 'A', plannedSeconds: 60, offerId: null, cues: [{ id: 'a.1', kind: 'opening', text: 'one' }, { id: 'a.2', kind: 'demo', text: 'two' }] },
    { id: 'b', title: 'B', plannedSeconds: null, offerId: null, cues: [{ id: 'b.1', kind: 'cta', text: 'three' }] },
  ],
};
const cues = { current: { id: 'a.1' }, next: { id: 'a.2' }, override: null } as unknown as CuesState;

describe('deck list', () => {
  it('rows are segments then their cues, numbered in reading order', () => {
    expect(deckRows(content).map((r) => (r.type === 'segment' ? `#${r.title}` : `${r.number}:${r.cue.id}`))).toEqual(['#A', '1:a.1', '2:a.2', '#B', '3:b.1']);
  });
  it('selection moves and clamps', () => {
    const ids = cueIds(content);
    expect(moveSelection(ids, 'a.1', 1)).toBe('a.2');
    expect(moveSelection(ids, 'b.1', 1)).toBe('b.1');
    expect(moveSelection(ids, 'a.1', -1)).toBe('a.1');
    expect(moveSelection(ids, null, 1)).toBe('a.2');
    expect(moveSelection([], null, 1)).toBeNull();
  });
  it('with nothing picked, Jump and Arm act on the next cue', () => {
    const ids = cueIds(content);
    expect(effectiveSelection(cues, null, ids)).toBe('a.2');
    expect(effectiveSelection(cues, 'b.1', ids)).toBe('b.1');
    expect(effectiveSelection(cues, 'gone.1', ids)).toBe('a.2');
  });
  it('says what the host card shows instead', () => {
    const paused = { ...cues, override: { reason: 'offer_paused', offerId: 'o', offerName: 'Kit', cueId: 'p.1', text: 'x', since: 0 } } as CuesState;
    expect(overrideSentence(paused)).toMatch(/Kit is paused: the host card shows the approved pause announcement \(p\.1\)/);
    expect(overrideSentence(cues)).toBeNull();
  });
  it('puts it in one short line for the Next row (name, what, what the host reads), the sentence in full beside it', () => {
    const o = { offerId: 'o', offerName: 'Glow Kit live bundle', cueId: 'offer-paused.1', text: 'x', since: 0 };
    const paused = { ...cues, override: { ...o, reason: 'offer_paused' } } as CuesState;
    expect(overrideNotice(paused)).toEqual({ name: 'Glow Kit live bundle', what: 'paused · host reads pause cue', full: overrideSentence(paused), tone: 'bad' });
    expect(overrideNotice({ ...paused, override: { ...paused.override!, cueId: null } })?.what).toBe('paused · host: banner only');
    const cap = { ...cues, override: { ...o, reason: 'cap_reached', cueId: 'after-cap.1' } } as CuesState;
    expect(overrideNotice(cap)).toMatchObject({ what: 'at cap · host reads post-cap CTA', tone: 'warn' });
    expect(overrideNotice({ ...cap, override: { ...cap.override!, cueId: null } })?.what).toBe('at cap · host told to wait');
    expect(overrideNotice(cues)).toBeNull();
  });
});

describe('scrollToShow', () => {
  it('leaves the list alone when the row is visible', () => {
    expect(scrollToShow(100, 300, 200, 40)).toBe(100);
  });
  it('scrolls down just enough to show a row below the view', () => {
    expect(scrollToShow(0, 300, 400, 40)).toBe(140);
  });
  it('scrolls up to a row above the view, leaving room for the sticky segment header', () => {
    expect(scrollToShow(500, 300, 200, 40)).toBe(172);
    expect(scrollToShow(500, 300, 10, 40)).toBe(0);
  });
  it('scrolling down, never leaves the row under the sticky header: a row taller than the view shows its top', () => {
    // A 60-pixel view with a 28-pixel header and a 50-pixel row: aligning the bottom put its top under the header.
    expect(scrollToShow(0, 60, 400, 50, 28)).toBe(372);
  });
  it('never leaves a sliver of the row above under the sticky header: the row goes right under the header instead', () => {
    // At 1366×768 the list had 1–3 px to spare over header + current cue: aligning the cue's bottom
    // showed a strip of the previous cue under the segment header.
    expect(scrollToShow(0, 80, 400, 50, 28)).toBe(372);
    expect(scrollToShow(0, 100, 400, 50, 28)).toBe(372); // 22 px: less than a line of the row above
    // Already visible, but a window resize left a strip above it.
    expect(scrollToShow(370, 100, 400, 50, 28)).toBe(372);
    // A whole line or more of the row above is context, not a sliver: unchanged.
    expect(scrollToShow(0, 300, 400, 40)).toBe(140);
    expect(scrollToShow(300, 200, 400, 50, 28)).toBe(300);
  });
});

describe('the list says it scrolls', () => {
  it('counts every cue cut or hidden under the visible bottom, not a half-pixel of rounding', () => {
    expect(cuesBelow([40, 80, 120, 160], 100)).toBe(2);
    expect(cuesBelow([40, 100.4], 100)).toBe(0);
    expect(cuesBelow([40, 101], 100)).toBe(1);
    expect(cuesBelow([], 100)).toBe(0);
  });

  it('says how many are below, and nothing when none is', () => {
    expect(moreBelowText(0)).toBeNull();
    expect(moreBelowText(1)).toBe('▼ 1 more cue below');
    expect(moreBelowText(10)).toBe('▼ 10 more cues below');
  });
});
