// Hides, whole, the children of a clipping box that its bottom edge would cut (data-cut="1", styled
// visibility: hidden in layout.css): a stack that gives way on a short screen loses whole lines, never
// leaves a sliver. Visibility keeps the layout as it was, so hiding never feeds back into the measure.
import { useLayoutEffect, useState } from 'react';
import { cutChildren } from './whole-or-hidden.logic';

/** `selector` picks the children that go whole (`:scope > *` for all of them). Returns the box's
 *  callback ref (a box that mounts later, or is replaced, is watched from then on). */
export function useWholeOrHidden(selector: string): (el: HTMLElement | null) => void {
  const [el, setEl] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (!el || typeof ResizeObserver === 'undefined') return;
    let kids: HTMLElement[] = [];
    const check = () => {
      const cut = new Set(cutChildren(el.getBoundingClientRect().bottom, kids.map((k) => k.getBoundingClientRect())));
      kids.forEach((k, i) => {
        const want = cut.has(i) ? '1' : '0';
        if (k.dataset.cut !== want) k.dataset.cut = want;
      });
    };
    const ro = new ResizeObserver(check);
    const watch = () => {
      ro.disconnect();
      kids = Array.from(el.querySelectorAll<HTMLElement>(selector));
      ro.observe(el);
      for (const k of kids) ro.observe(k);
      check();
    };
    // Children come and go with the show (a banner, the talkback, the pinned question).
    const mo = new MutationObserver(watch);
    mo.observe(el, { childList: true });
    watch();
    return () => {
      mo.disconnect();
      ro.disconnect();
    };
  }, [el, selector]);
  return setEl;
}
