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
  /** Feed one checkout report (already classified as such); returns the incident when this report completes one. */
  report(r: IncidentReport, now: number): CheckoutIncident | null;
  /** Reports currently inside the window (distinct viewers). */
  pending(now: number): number;
  reset(): void;
}

const MAX_WINDOW_REPORTS = 500;

export function createCheckoutIncidentDetector(rule: CheckoutIncidentRule): CheckoutIncidentDetector {
  const need = Math.max(1, Math.floor(rule.viewers));
  const windowMs = Math.max(1, rule.windowSeconds) * 1000;
  let window: IncidentReport[] = [];
  let lastFired: number | null = null;

  const prune = (now: number): void => {
    window = window.filter((r) => now - r.at <= windowMs && r.at <= now + windowMs);
    if (window.length > MAX_WINDOW_REPORTS) window = window.slice(-MAX_WINDOW_REPORTS);
  };
  const distinct = (): IncidentReport[] => {
    const byViewer = new Map<string, IncidentReport>();
    for (const r of window) byViewer.set(`${r.platform}\u0000${r.author.toLowerCase()}`, r);
    return [...byViewer.values()].sort((a, b) => a.at - b.at);
  };

  return {
    report(r, now) {
      window.push(r);
      prune(now);
      const viewers = distinct();
      if (viewers.length < need) return null;
      if (lastFired !== null && now - lastFired < rule.cooldownSeconds * 1000) return null;
      lastFired = now;
      window = [];
      return { rule, at: now, evidence: viewers };
    },
    pending(now) {
      prune(now);
      return distinct().length;
    },
    reset() {
      window = [];
      lastFired = null;
    },
  };
}
