// Chat as an incident signal: "viewers report checkout or payment failures". Counts distinct viewers whose
// comments triage reads as a checkout complaint within a sliding window; at N viewers in M seconds it fires once,
// then stays quiet for the cool-down. Pure state machine: the caller raises the alarm, audits and pauses.

export interface CheckoutIncidentRule {
  /** Distinct viewers reporting within the window. */
  viewers: number;
  windowSeconds: number;
  /** 'alarm' raises the one-click alarm; 'pause' also pauses the show's offers. */
  action: 'alarm' | 'pause';
  cooldownSeconds: number;
}

export const DEFAULT_CHECKOUT_INCIDENT: CheckoutIncidentRule = { viewers: 5, windowSeconds: 60, action: 'alarm', cooldownSeconds: 300 };

export interface IncidentReport {
  id: string;
  author: string;
  platform: string;
  text: string;
  at: number;
}

export interface CheckoutIncident {
  rule: CheckoutIncidentRule;
  at: number;
  /** One report per distinct viewer (the latest of each), oldest first. */
  evidence: IncidentReport[];
}

export interface CheckoutIncidentDetector {
  /**
   * Feed one checkout report (already classified as such); returns the incident when this report completes one.
   * `now`: the wall clock the reports' times are on (the window). `elapsed`: a monotonic reading the cool-down is
   * timed on, so a wall-clock step neither ends it early nor stretches it (a caller with one clock passes `now`).
   */
  report(r: IncidentReport, now: number, elapsed: number): CheckoutIncident | null;
  /** Reports currently inside the window (distinct viewers). */
  pending(now: number): number;
  reset(): void;
}

const MAX_WINDOW_REPORTS = 500;

export function createCheckoutIncidentDetector(rule: CheckoutIncidentRule): CheckoutIncidentDetector {
  const need = Math.max(1, Math.floor(rule.viewers));
  const windowMs = Math.max(1, rule.windowSeconds) * 1000;
  // Reports inside the window, oldest first, and how many each viewer has there: at 2,000
  // comments/s a report must cost O(1) amortised, not a scan of the window.
  let window: IncidentReport[] = [];
  let head = 0;
  const perViewer = new Map<string, number>();
  /** The last firing, on the `elapsed` (monotonic) clock. */
  let lastFired: number | null = null;

  const viewerOf = (r: IncidentReport) => `${r.platform}\u0000${r.author.toLowerCase()}`;
  const dropOldest = () => {
    const r = window[head++] as IncidentReport;
    const key = viewerOf(r);
    const n = (perViewer.get(key) ?? 1) - 1;
    if (n === 0) perViewer.delete(key);
    else perViewer.set(key, n);
  };
  const prune = (now: number): void => {
    while (head < window.length && now - (window[head] as IncidentReport).at > windowMs) dropOldest();
    while (window.length - head > MAX_WINDOW_REPORTS) dropOldest();
    // Compact now and then so the array does not grow with the show.
    if (head > 1024 && head * 2 > window.length) {
      window = window.slice(head);
      head = 0;
    }
  };
  /** Keeps the window ordered by time; reports almost always arrive in order, so this is a push. */
  const insert = (r: IncidentReport) => {
    let i = window.length;
    while (i > head && (window[i - 1] as IncidentReport).at > r.at) i -= 1;
    window.splice(i, 0, r);
    const key = viewerOf(r);
    perViewer.set(key, (perViewer.get(key) ?? 0) + 1);
  };
  const evidence = (): IncidentReport[] => {
    const byViewer = new Map<string, IncidentReport>();
    for (let i = head; i < window.length; i++) byViewer.set(viewerOf(window[i] as IncidentReport), window[i] as IncidentReport);
    return [...byViewer.values()].sort((a, b) => a.at - b.at);
  };
  const clear = () => {
    window = [];
    head = 0;
    perViewer.clear();
  };

  return {
    report(r, now, elapsed) {
      // A report from too far ahead of the station's clock never counts (the window is about now).
      if (r.at > now + windowMs) return null;
      if (now - r.at > windowMs) return null;
      insert(r);
      prune(now);
      if (perViewer.size < need) return null;
      if (lastFired !== null && elapsed - lastFired < rule.cooldownSeconds * 1000) return null;
      lastFired = elapsed;
      const viewers = evidence();
      clear();
      return { rule, at: now, evidence: viewers };
    },
    pending(now) {
      prune(now);
      return perViewer.size;
    },
    reset() {
      clear();
      lastFired = null;
    },
  };
}
