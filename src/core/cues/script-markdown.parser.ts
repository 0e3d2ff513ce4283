// The Markdown script format (docs/script-format.md): `# Title {offer=…}`, `## Segment {time=3:00
// offer=…}`, and cues as `- kind: text` list items. Anything else is an error with its line
// number, so nothing a writer typed is silently left off the host's card.
import { CUE_KINDS, type CueKind, type ScriptIssue } from '../../shared/contract/index';
import { MAX_CUE_CHARS, parseDuration, type DraftCue, type DraftParse, type DraftSegment } from './script.draft';

const KIND_SET = new Set<string>(CUE_KINDS);
const HEADING = /^(#{1,6})\s+(.*)$/;
const CUE = /^[-*]\s+([A-Za-z][A-Za-z-]*)\s*:\s*(.*)$/;
const LIST_ITEM = /^[-*]\s+/;
const ATTRS = /\s*\{([^{}]*)\}\s*$/;

export function parseMarkdownScript(source: string): DraftParse {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const issues: ScriptIssue[] = [];
  const issue = (line: number, message: string) => issues.push({ line, path: `line ${line}`, message });
  let title: string | null = null;
  let offerId: string | null = null;
  const segments: DraftSegment[] = [];
  let cue: DraftCue | null = null;
  let blankSinceCue = false;
  let commentFrom: number | null = null;

  lines.forEach((raw, i) => {
    const n = i + 1;
    const line = raw.replace(/\s+$/, '');
    if (commentFrom !== null) {
      const end = line.indexOf('-->');
      if (end < 0) return;
      commentFrom = null;
      if (line.slice(end + 3).trim()) issue(n, 'text after "-->": put comments on lines of their own');
      return;
    }
    if (line.trim() === '') {
      if (cue) blankSinceCue = true;
      return;
    }
    if (line.trimStart().startsWith('<!--')) {
      const rest = line.trimStart().slice(4);
      const end = rest.indexOf('-->');
      if (end < 0) commentFrom = n;
      else if (rest.slice(end + 3).trim()) issue(n, 'text after "-->": put comments on lines of their own');
      return;
    }
    if (line.includes('<!--')) {
      issue(n, 'a comment inside a cue would reach the host: put "<!-- … -->" on a line of its own');
      return;
    }
    // Indented text continues the cue above (Markdown list continuation); after a blank line it
    // starts a new paragraph of the same cue.
    if (/^\s{2,}\S/.test(line) && cue) {
      cue.text += (blankSinceCue ? '\n\n' : ' ') + line.trim();
      blankSinceCue = false;
      return;
    }
    cue = null;
    blankSinceCue = false;
    const h = HEADING.exec(line);
    if (h) {
      const level = (h[1] ?? '').length;
      const { text, attrs, error } = splitAttrs(h[2] ?? '');
      if (error) issue(n, error);
      if (!text) issue(n, 'the heading has no title');
      if (level === 1) {
        if (title !== null) issue(n, 'a second "# Title": a script has one title; segments are "## Segment"');
        if (segments.length > 0) issue(n, 'the "# Title" line goes before the first segment');
        title = text;
        for (const [k, v] of attrs) {
          if (k === 'offer') offerId = v;
          else issue(n, `unknown setting "${k}" on the title (only "offer")`);
        }
        return;
      }
      if (level === 2) {
        const seg: DraftSegment = { title: text, plannedSeconds: null, offerId: null, line: n, path: `line ${n}`, cues: [] };
        for (const [k, v] of attrs) {
          if (k === 'time') {
            const s = parseDuration(v);
            if (s === null || s === 0) issue(n, `time=${v} is not a duration like 3:00, 90s or 4m`);
            else seg.plannedSeconds = s;
          } else if (k === 'offer') seg.offerId = v;
          else issue(n, `unknown setting "${k}" on the segment (only "time" and "offer")`);
        }
        segments.push(seg);
        return;
      }
      issue(n, `"${h[1]}" headings are not part of the format: segments are "## Segment"`);
      return;
    }
    const c = CUE.exec(line);
    if (c) {
      const kind = (c[1] ?? '').toLowerCase();
      const text = (c[2] ?? '').trim();
      const seg = segments[segments.length - 1];
      if (!KIND_SET.has(kind)) {
        issue(n, `"${c[1]}" is not a cue kind (use ${CUE_KINDS.join(', ')})`);
        return;
      }
      if (!seg) {
        issue(n, 'a cue before the first "## Segment" heading');
        return;
      }
      if (!text) issue(n, `the ${kind} cue has no text`);
      cue = { kind: kind as CueKind, text, line: n, path: `line ${n}` };
      seg.cues.push(cue);
      return;
    }
    if (LIST_ITEM.test(line)) {
      issue(n, `a cue is "- kind: text" (kinds: ${CUE_KINDS.join(', ')})`);
      return;
    }
    issue(n, 'expected a "## Segment" heading, a "- kind: text" cue, an indented continuation or a blank line');
  });

  if (commentFrom !== null) issue(commentFrom, 'this comment is never closed with "-->"');
  if (title === null) issues.push({ line: 1, path: 'line 1', message: 'the script starts with "# Script title"' });
  if (segments.length === 0) issues.push({ line: null, path: '', message: 'no "## Segment" headings: a script has at least one segment' });
  for (const seg of segments) {
    if (seg.cues.length === 0) issue(seg.line ?? 0, `segment "${seg.title}" has no cues`);
    for (const c of seg.cues) {
      if (c.text.length > MAX_CUE_CHARS) issue(c.line ?? 0, `the cue is ${c.text.length} characters; a cue card holds at most ${MAX_CUE_CHARS}`);
    }
  }
  if (issues.length > 0) return { ok: false, issues: issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  return { ok: true, draft: { title: title ?? '', offerId, segments } };
}

function splitAttrs(heading: string): { text: string; attrs: [string, string][]; error: string | null } {
  const m = ATTRS.exec(heading);
  if (!m) return { text: heading.trim(), attrs: [], error: null };
  const attrs: [string, string][] = [];
  let error: string | null = null;
  for (const part of (m[1] ?? '').trim().split(/\s+/).filter(Boolean)) {
    const eq = /^([a-z]+)=(\S+)$/.exec(part);
    if (!eq) error = `"{${m[1]}}": settings are written key=value, e.g. {time=3:00 offer=glow-kit-live}`;
    else attrs.push([eq[1] ?? '', eq[2] ?? '']);
  }
  return { text: heading.slice(0, m.index).trim(), attrs, error };
}
