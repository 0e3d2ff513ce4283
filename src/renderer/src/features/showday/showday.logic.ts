// GO / END in the console: which checks need an override before GO, the overrides to send from
// the reasons typed so far, and the words for the GO record. Pure, so the panel only renders.
import type { GoOverride, GoRecord, PreflightCheck } from '../../../../shared/contract/index';

/** Same rule as the station: failing or unfinished checks block GO; warnings do not. */
export const needsOverride = (c: PreflightCheck) => c.status === 'fail' || c.status === 'pending';
export const MIN_REASON = 8;

export interface GoPlan {
  blocking: PreflightCheck[];
  overrides: GoOverride[];
  /** Blocking checks still without a reason long enough to send. */
  missing: PreflightCheck[];
}

export function planGo(checks: readonly PreflightCheck[], reasons: Readonly<Record<string, string>>): GoPlan {
  const blocking = checks.filter(needsOverride);
  const overrides: GoOverride[] = [];
  const missing: PreflightCheck[] = [];
  for (const c of blocking) {
    const r = (reasons[c.id] ?? '').trim();
    if (r.length >= MIN_REASON) overrides.push({ checkId: c.id, reason: r });
    else missing.push(c);
  }
  return { blocking, overrides, missing };
}

export function goSummary(go: GoRecord): string {
  const when = new Date(go.at).toLocaleTimeString();
  const o = go.overrides.length ? ` with ${go.overrides.length} override(s)` : '';
  return `GO at ${when} by ${go.by}${o}`;
}
