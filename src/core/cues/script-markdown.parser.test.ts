import { describe, expect, it } from 'vitest';
import { parseMarkdownScript } from './script-markdown.parser';

const ok = (src: string) => {
  const r = parseMarkdownScript(src);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.draft;
};
const issues = (src: string) => {
  const r = parseMarkdownScript(src);
  if (r.ok) throw new Error('expected issues');
  return r.issues;
};

describe('Markdown script format', () => {
  it('reads title, segments with time and offer, cues, continuations and paragraphs', () => {
    const d = ok(
      [
        '# Launch {offer=kit}',
        '',
        '<!-- a note for reviewers',
        '     spanning lines -->',
        '## Opening {time=2:30}',
        '- opening: Hello',
        '  everyone.',
        '',
        '  Second paragraph.',
        '* CTA: Buy now.',
        '## Offer {time=90s offer=other}',
        '- post-bonus: Done.',
      ].join('\n'),
    );
    expect(d.title).toBe('Launch');
    expect(d.offerId).toBe('kit');
    expect(d.segments.map((s) => [s.title, s.plannedSeconds, s.offerId])).toEqual([
      ['Opening', 150, null],
      ['Offer', 90, 'other'],
    ]);
    expect(d.segments[0]?.cues).toEqual([
      { kind: 'opening', text: 'Hello everyone.\n\nSecond paragraph.', line: 6, path: 'line 6' },
      { kind: 'cta', text: 'Buy now.', line: 10, path: 'line 10' },
    ]);
    expect(d.segments[1]?.cues[0]?.kind).toBe('post-bonus');
  });

  it('accepts Windows line ends and a BOM', () => {
    expect(ok('\uFEFF# T\r\n## S\r\n- note: x\r\n').segments[0]?.cues[0]?.text).toBe('x');
  });

  it('reports every problem with its line, and never drops text silently', () => {
    const found = issues(
      [
        '- cta: before any segment', // 1
        '# Title', // 2
        '## Seg {time=soon}', // 3
        'Just some text', // 4
        '- shout: LOUD', // 5
        '- a plain bullet', // 6
        '### Sub', // 7
        '- cta: fine <!-- inline -->', // 8
        '- demo:', // 9
        '## Empty {colour=red}', // 10
        '<!-- never closed', // 11
      ].join('\n'),
    );
    const byLine = (n: number) => found.filter((i) => i.line === n).map((i) => i.message).join(' | ');
    expect(byLine(1)).toMatch(/before the first "## Segment"/);
    expect(byLine(2)).toBe('');
    expect(byLine(3)).toMatch(/time=soon is not a duration/);
    expect(byLine(4)).toMatch(/expected a "## Segment" heading/);
    expect(byLine(5)).toMatch(/"shout" is not a cue kind/);
    expect(byLine(6)).toMatch(/a cue is "- kind: text"/);
    expect(byLine(7)).toMatch(/headings are not part of the format/);
    expect(byLine(8)).toMatch(/comment inside a cue would reach the host/);
    expect(byLine(9)).toMatch(/has no text/);
    expect(byLine(10)).toMatch(/unknown setting "colour"/);
    expect(byLine(11)).toMatch(/never closed/);
    expect(found.every((i) => i.path === (i.line === null ? '' : `line ${i.line}`))).toBe(true);
  });

  it('needs a title and at least one segment with cues', () => {
    expect(issues('## S\n- cta: x').map((i) => i.message)).toContain('the script starts with "# Script title"');
    expect(issues('# T\n').map((i) => i.message).join()).toMatch(/at least one segment/);
    expect(issues('# T\n## S\n').map((i) => i.message).join()).toMatch(/segment "S" has no cues/);
    expect(issues('# A\n# B\n## S\n- cta: x').map((i) => i.message).join()).toMatch(/a second "# Title"/);
  });

  it('caps a cue at 2,000 characters', () => {
    expect(issues(`# T\n## S\n- cta: ${'x'.repeat(2001)}`)[0]?.message).toMatch(/2001 characters/);
  });
});
