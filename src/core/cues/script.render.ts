// Content → the canonical Markdown lines it stands for. Used for version diffs (what changed in
// the text legal signs) and to hand an editor a starting point when a version has no source.
import type { ScriptContent } from '../../shared/contract/index';
import { formatDuration } from './script.draft';

export interface RenderedLine {
  text: string;
  cueId: string | null;
}

export function renderLines(content: ScriptContent): RenderedLine[] {
  const out: RenderedLine[] = [{ text: `# ${content.title}`, cueId: null }];
  for (const seg of content.segments) {
    const attrs = [seg.plannedSeconds ? `time=${formatDuration(seg.plannedSeconds)}` : null, seg.offerId ? `offer=${seg.offerId}` : null].filter(Boolean);
    out.push({ text: '', cueId: null });
    out.push({ text: `## ${seg.title}${attrs.length ? ` {${attrs.join(' ')}}` : ''}`, cueId: null });
    for (const cue of seg.cues) {
      cue.text.split('\n\n').forEach((para, i) => {
        out.push({ text: i === 0 ? `- ${cue.kind}: ${para}` : `  ${para}`, cueId: cue.id });
      });
    }
  }
  return out;
}

export function renderMarkdown(content: ScriptContent): string {
  return renderLines(content)
    .map((l) => l.text)
    .join('\n')
    .concat('\n');
}
