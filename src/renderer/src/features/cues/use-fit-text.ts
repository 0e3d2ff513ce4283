// Auto-fits a text block to its box: the largest font size at which it neither overflows nor
// wraps a word mid-way, recomputed when the text or the box changes. Measured before paint.
import { useLayoutEffect, useState, type RefObject } from 'react';
import { fitFontSize } from './host-card.logic';

export function useFitText(box: RefObject<HTMLElement | null>, text: RefObject<HTMLElement | null>, content: string, min: number, max: number): number {
  const [size, setSize] = useState(min);
  const [boxSize, setBoxSize] = useState({ w: 0, h: 0 });

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setBoxSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [box]);

  useLayoutEffect(() => {
    const b = box.current;
    const t = text.current;
    if (!b || !t) return;
    // The box's padding is not room for text (it keeps the cue-type label clear of the first line).
    const cs = getComputedStyle(b);
    const roomH = b.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
    const roomW = b.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const fits = (px: number) => {
      t.style.fontSize = `${px}px`;
      return t.scrollHeight <= roomH && t.scrollWidth <= roomW;
    };
    const best = fitFontSize(fits, min, max);
    t.style.fontSize = `${best}px`;
    setSize(best);
  }, [box, text, content, min, max, boxSize]);

  return size;
}
