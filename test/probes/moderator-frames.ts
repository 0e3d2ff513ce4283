// Run in a moderator page (page.evaluate): scrolls the comment list to the end in big steps, then
// walks 40 rows with `j`, recording every frame interval (ms) and the rows left in the DOM (on
// screen, and parked: kept hidden by the list for reuse). The
// e2e test checks virtualisation with it; bench/moderator.bench.ts measures frame times with it.
export const SCROLL_AND_WALK = `(async () => {
  const times = [];
  let last = performance.now();
  let running = true;
  const loop = () => { const n = performance.now(); times.push(n - last); last = n; if (running) requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  const list = document.querySelector('[data-testid="comment-list"]');
  for (let i = 0; i < 60; i++) { list.scrollTop += 90000; await new Promise((r) => setTimeout(r, 16)); }
  for (let i = 0; i < 40; i++) { window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j' })); await new Promise((r) => setTimeout(r, 16)); }
  running = false;
  const parked = [...document.querySelectorAll('[data-testid="comment-row-parked"]')];
  return {
    times,
    rows: document.querySelectorAll('[data-testid="comment-row"]').length,
    parked: parked.length,
    parkedShown: parked.filter((el) => !el.hidden || el.checkVisibility({ visibilityProperty: true })).length,
  };
})()`;

export interface FrameWalk {
  times: number[];
  /** Rows on screen (the list's margin included). */
  rows: number;
  /** SCROLL_AND_WALK only: rows the list keeps hidden for reuse, and how many of them are not hidden (must be 0). */
  parked?: number;
  parkedShown?: number;
}

/** Scrolls the comment list down 120 px every frame for `ms` (a moderator flicking through), recording frame intervals. */
export const SCROLL_FOR = (ms: number) => `(async () => {
  const times = [];
  const list = document.querySelector('[data-testid="comment-list"]');
  let last = performance.now();
  const end = last + ${ms};
  await new Promise((done) => {
    const loop = () => {
      const n = performance.now(); times.push(n - last); last = n;
      list.scrollTop += 120;
      if (n < end) requestAnimationFrame(loop); else done();
    };
    requestAnimationFrame(loop);
  });
  return { times, rows: document.querySelectorAll('[data-testid="comment-row"]').length };
})()`;

/** The same frame clock on a page doing nothing for `ms`: what this browser's frame timing reports at best. */
export const IDLE_FOR = (ms: number) => `(async () => {
  const times = [];
  let last = performance.now();
  const end = last + ${ms};
  await new Promise((done) => {
    const loop = () => { const n = performance.now(); times.push(n - last); last = n; if (n < end) requestAnimationFrame(loop); else done(); };
    requestAnimationFrame(loop);
  });
  return { times, rows: 0 };
})()`;

/**
 * One step per frame, for a browser whose frames are not paced by vsync (--disable-frame-rate-limit
 * --disable-gpu-vsync): each rAF interval is then the page's own work for that step. 60 frames each
 * scrolling 90,000 px further, then 40 frames each pressing `j`.
 */
export const STEP_WALK = `(async () => {
  const times = [];
  const list = document.querySelector('[data-testid="comment-list"]');
  let last = performance.now();
  let step = 0;
  await new Promise((done) => {
    const loop = () => {
      const n = performance.now(); times.push(n - last); last = n;
      if (step < 60) list.scrollTop += 90000;
      else if (step < 100) window.dispatchEvent(new KeyboardEvent('keydown', { key: 'j' }));
      else return done();
      step += 1;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
  // The first interval is the wait for the first frame, not a frame's work.
  return { times: times.slice(1), rows: document.querySelectorAll('[data-testid="comment-row"]').length };
})()`;

/**
 * The least a frame can do: a page that changes one number each frame. An unpaced browser makes no
 * frame for a page with nothing to draw (its rAF then ticks at ~60 Hz), so its floor is measured here.
 */
export const TICK_FOR = (ms: number) => `(async () => {
  const times = [];
  const el = document.body.appendChild(document.createElement('span'));
  let last = performance.now();
  const end = last + ${ms};
  await new Promise((done) => {
    const loop = () => { const n = performance.now(); times.push(n - last); last = n; el.textContent = String(times.length); if (n < end) requestAnimationFrame(loop); else done(); };
    requestAnimationFrame(loop);
  });
  return { times: times.slice(1), rows: 0 };
})()`;
