// A busy demo show for layout tests and screenshots: the demo show with three offers instead of
// one (same sandbox store), written next to copies of its script and comment replay.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DEMO = resolve(import.meta.dirname, '../../resources/demo-show');

export function writeBusyShow(patch: (show: Record<string, unknown>) => Record<string, unknown> = (s) => s): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'baton-busy-show-'));
  const demo = JSON.parse(readFileSync(join(DEMO, 'show.json'), 'utf8')) as Record<string, unknown> & { offers: Array<Record<string, unknown>> };
  for (const f of ['script.md', 'comments.jsonl']) copyFileSync(join(DEMO, f), join(dir, f));
  const first = demo.offers[0] as Record<string, unknown>;
  const more = [
    { ...first, id: 'lip-tint-trio', name: 'Lip Tint trio', code: 'TINT3', aliases: ['trio', 'tint trio'], cap: { orders: 120, bonus: 'mini mirror' } },
    { ...first, id: 'serum-duo', name: 'Serum duo', code: 'DUO20', aliases: ['duo', 'serum duo'], cap: null },
  ].map((o) =>
    o.cap === null
      ? { ...Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'cap')), triggers: (first.triggers as Array<{ kind: string }>).filter((t) => t.kind !== 'order_cap_reached') }
      : o,
  );
  const show = patch({ ...demo, offers: [first, ...more] });
  const file = join(dir, 'show.json');
  writeFileSync(file, JSON.stringify(show));
  return { dir, file };
}
