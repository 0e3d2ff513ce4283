// The GO and END decisions as pure rules: which checks block GO, whether the overrides given cover
// exactly those, and which offers leave END unfinished. No clock, no store: the module feeds them.
import type { GoOverride, OfferView, PreflightCheck } from '../../shared/contract/index';

export type GoDecision =
  | { ok: true; verdict: 'go' | 'go-overridden'; overrides: GoOverride[] }
  | { ok: false; message: string; blocking: PreflightCheck[] };

/** A check blocks GO when it fails or has not finished; a warning is shown but does not block. */
export const blocks = (c: PreflightCheck): boolean => c.status === 'fail' || c.status === 'pending';

export function decideGo(checks: readonly PreflightCheck[], overrides: readonly GoOverride[]): GoDecision {
  if (checks.length === 0) return { ok: false, message: 'The show has no checklist: there is nothing to declare GO on.', blocking: [] };
  const byId = new Map(checks.map((c) => [c.id, c]));
  const seen = new Set<string>();
  for (const o of overrides) {
    const c = byId.get(o.checkId);
    if (!c) return { ok: false, message: `There is no check “${o.checkId}” to override.`, blocking: [] };
    if (seen.has(o.checkId)) return { ok: false, message: `“${c.label}” is overridden twice: give one reason.`, blocking: [] };
    seen.add(o.checkId);
    // An override on a passing check would put a false statement in the record.
    if (!blocks(c)) return { ok: false, message: `“${c.label}” is ${c.status}: it needs no override.`, blocking: [] };
  }
  const blocking = checks.filter(blocks);
  const uncovered = blocking.filter((c) => !seen.has(c.id));
  if (uncovered.length) {
    const list = uncovered.map((c) => `${c.label} (${c.status}: ${c.detail})`).join('; ');
    return { ok: false, message: `NO GO: ${uncovered.length} check(s) not passed — ${list}. Fix them or override each with a reason.`, blocking: uncovered };
  }
  return { ok: true, verdict: overrides.length ? 'go-overridden' : 'go', overrides: [...overrides] };
}

/** Offers whose pause or resume the store has not confirmed yet: ending now would freeze a half-state. */
export function unfinishedPauses(offers: readonly OfferView[]): string[] {
  return offers
    .filter((o) => o.pending || o.state === 'pausing' || o.state === 'resuming')
    .map((o) => `${o.name}: ${o.state}${o.pending ? ` (waiting for the store to confirm ${o.intent})` : ''}`);
}
