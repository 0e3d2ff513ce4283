// Line diff (Myers, O((N+M)·D)) between two versions' rendered text. Common head and tail are
// trimmed first; a pathological pair past MAX_EDITS degrades to "all removed, all added".
import type { DiffLine } from '../../shared/contract/index';
import type { RenderedLine } from './script.render';

const MAX_EDITS = 4000;

export function diffLines(a: readonly RenderedLine[], b: readonly RenderedLine[]): DiffLine[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head]?.text === b[head]?.text) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail]?.text === b[b.length - 1 - tail]?.text) tail++;
  const same = (l: RenderedLine): DiffLine => ({ op: 'same', text: l.text, cueId: l.cueId });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  return [...a.slice(0, head).map(same), ...myers(midA, midB), ...a.slice(a.length - tail).map(same)];
}

function myers(a: readonly RenderedLine[], b: readonly RenderedLine[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const del = (l: RenderedLine): DiffLine => ({ op: 'del', text: l.text, cueId: l.cueId });
  const add = (l: RenderedLine): DiffLine => ({ op: 'add', text: l.text, cueId: l.cueId });
  if (n === 0) return b.map(add);
  if (m === 0) return a.map(del);
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))) x = v[offset + k + 1] ?? 0;
      else x = (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x]?.text === b[y]?.text) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
    if (found >= 0) break;
  }
  if (found < 0) return [...a.map(del), ...b.map(add)];

  // Walk the trace back from (n, m) to (0, 0), collecting edits in reverse.
  const out: DiffLine[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d] as Int32Array;
    const k = x - y;
    const prevK = k === -d || (k !== d && (vd[offset + k - 1] ?? 0) < (vd[offset + k + 1] ?? 0)) ? k + 1 : k - 1;
    const prevX = vd[offset + prevK] ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ op: 'same', text: (a[x - 1] as RenderedLine).text, cueId: (a[x - 1] as RenderedLine).cueId });
      x--;
      y--;
    }
    if (prevK === k + 1) out.push(add(b[prevY] as RenderedLine));
    else out.push(del(a[prevX] as RenderedLine));
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    out.push({ op: 'same', text: (a[x - 1] as RenderedLine).text, cueId: (a[x - 1] as RenderedLine).cueId });
    x--;
    y--;
  }
  return out.reverse();
}
