// Installed before a moderator page's own scripts (page.addInitScript): timestamps, in the page's own
// clock (ms since navigation start), of what the desk's open waits on — the WebSocket's open, the
// hello and the snapshot, each `comments.desk` read sent and answered, the desk's shell, the first row,
// the click on "All open", and the first frame that shows the full count with rows. Read back with
// OPEN_MARKS; bench/moderator.bench.ts prints them as the open's breakdown.

export interface DeskRead {
  queue: string;
  sentAt: number;
  answeredAt: number | null;
  bytes: number;
}

export interface OpenMarks {
  marks: Record<string, number>;
  /** Bytes of the snapshot message. */
  snapshotBytes: number;
  reads: DeskRead[];
  nav: { responseStart: number; responseEnd: number; domInteractive: number; domContentLoaded: number } | null;
  resources: { name: string; startTime: number; responseEnd: number; bytes: number }[];
  fcp: number | null;
}

/**
 * `ready`: the list-count text that means the desk is listed (e.g. "100,000 shown"); `clickAll`: press
 * "All open" the moment it is on the page (a moderator's instant click, free of the test driver's
 * polling steps, so the figure is the page's own).
 */
export const OPEN_PROBE = (ready: string, clickAll: boolean) => `(() => {
  const READY = ${JSON.stringify(ready)};
  const CLICK = ${clickAll ? 'true' : 'false'};
  const T = { marks: {}, snapshotBytes: 0, reads: [] };
  Object.defineProperty(window, '__deskOpen', { value: T });
  const mark = (k) => { if (!(k in T.marks)) T.marks[k] = performance.now(); };
  const byId = new Map();
  const Native = window.WebSocket;
  class Probed extends Native {
    constructor(...args) {
      super(...args);
      mark('ws-create');
      this.addEventListener('open', () => mark('ws-open'));
      this.addEventListener('message', (e) => {
        const d = typeof e.data === 'string' ? e.data : '';
        const head = d.slice(0, 48);
        if (head.startsWith('{"t":"hello"')) mark('hello');
        else if (head.startsWith('{"t":"snapshot"')) { if (!('snapshot' in T.marks)) T.snapshotBytes = d.length; mark('snapshot'); }
        else if (head.startsWith('{"t":"result"')) {
          const m = /"id":"([^"]+)"/.exec(head);
          const r = m && byId.get(m[1]);
          if (r && r.answeredAt === null) { r.answeredAt = performance.now(); r.bytes = d.length; }
        }
      });
    }
    send(data) {
      if (typeof data === 'string' && data.includes('"name":"comments.desk"')) {
        try {
          const m = JSON.parse(data);
          const r = { queue: String(m.args && m.args.filter && m.args.filter.queue), sentAt: performance.now(), answeredAt: null, bytes: 0 };
          T.reads.push(r);
          byId.set(m.id, r);
        } catch {}
      }
      return super.send(data);
    }
  }
  window.WebSocket = Probed;
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-testid="queue-all"]')) mark('click-all');
  }, true);
  const check = () => {
    const all = document.querySelector('[data-testid="queue-all"]');
    if (!('shell' in T.marks) && all) {
      mark('shell');
      if (CLICK) all.click();
    }
    const row = document.querySelector('[data-testid="comment-row"]');
    if (row) mark('first-row');
    const count = document.querySelector('[data-testid="list-count"]');
    if (row && count && count.textContent === READY && !('ready' in T.marks)) {
      mark('ready');
      obs.disconnect();
      // The frame that shows it: rAF runs before that frame's paint, the message after it.
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => mark('painted');
        ch.port2.postMessage(0);
      });
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true, characterData: true });
})()`;

/** Evaluated after 'painted': the marks plus the page's navigation, resource and paint timings. */
export const OPEN_MARKS = `(() => {
  const T = window.__deskOpen;
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
  return {
    marks: T.marks,
    snapshotBytes: T.snapshotBytes,
    reads: T.reads,
    nav: nav ? { responseStart: nav.responseStart, responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, domContentLoaded: nav.domContentLoadedEventEnd } : null,
    resources: performance.getEntriesByType('resource').filter((r) => /\\.(js|css|woff2?)$/.test(r.name)).map((r) => ({ name: r.name.split('/').pop(), startTime: r.startTime, responseEnd: r.responseEnd, bytes: r.encodedBodySize })),
    fcp: fcp ? fcp.startTime : null,
  };
})()`;
