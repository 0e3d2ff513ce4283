// Which children of a clipping box are cut by its bottom edge: those are hidden whole rather than
// left as a sliver (the top few pixels of a row of numbers, a pinned question's label without its
// question). Pure, so the rule is tested without a layout engine.

export interface Span {
  top: number;
  bottom: number;
}

/** Sub-pixel slack: a child that ends within half a pixel of the edge is whole. */
const SLACK = 0.5;

/** Indexes of the children that cross the box's bottom edge or lie below it (a zero-height child never). */
export function cutChildren(boxBottom: number, children: readonly Span[]): number[] {
  const out: number[] = [];
  children.forEach((c, i) => {
    if (c.bottom - c.top > 0 && c.bottom > boxBottom + SLACK) out.push(i);
  });
  return out;
}
