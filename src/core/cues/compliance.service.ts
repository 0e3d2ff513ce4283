// `compliance.check` against the approved version on the deck (or, with nothing loaded, the
// show's latest approved version), and the check of the show's reply macros: they are approved
// text too, so a macro promising what the script does not is raised as an alert.
import type { Handlers } from '../dispatch/handler';
import type { ModuleContext } from '../module';
import type { ScriptRepo, StoredVersion } from './script.repo';
import { approvedClaims, findViolations, type ApprovedClaims } from './compliance.guard';
import { shortHash } from './script.hash';
import { loadRefusal } from './script.status';
import type { ScriptService } from './script.service';

export interface ComplianceService {
  handlers: Handlers<'compliance.check'>;
  /** Checks every reply macro of the show against `version`; raises or clears one alert per macro. */
  checkMacros(version: StoredVersion | null): void;
}

export function createComplianceService(
  ctx: ModuleContext,
  repo: ScriptRepo,
  scripts: ScriptService,
  loaded: () => StoredVersion | null,
): ComplianceService {
  const cache = new Map<string, ApprovedClaims>();
  const macroKeys = new Set<string>();
  const knownCodes = () => ctx.show.current()?.show.offers.map((o) => o.code) ?? [];

  const claimsOf = (v: StoredVersion): ApprovedClaims => {
    const key = `${v.id}:${knownCodes().join(',')}`;
    let c = cache.get(key);
    if (!c) {
      c = approvedClaims(
        v.content.segments.flatMap((s) => s.cues.map((q) => q.text)),
        knownCodes(),
      );
      cache.set(key, c);
    }
    return c;
  };

  const reference = (): StoredVersion | null => {
    const live = loaded();
    if (live) return live;
    const showId = ctx.show.current()?.show.id;
    if (!showId) return null;
    return repo.versions(showId).find((v) => loadRefusal(v, scripts.summary(v), scripts.formatTime) === null) ?? null;
  };

  const label = (v: StoredVersion) => `version ${v.number}, ${shortHash(v.hash)}`;

  return {
    handlers: {
      'compliance.check': ({ text }) => {
        const v = reference();
        const violations = findViolations(text, v ? claimsOf(v) : null, knownCodes(), v ? label(v) : 'none');
        return {
          ok: violations.length === 0,
          against: v ? { versionId: v.id, number: v.number, shortHash: shortHash(v.hash) } : null,
          violations,
        };
      },
    },
    checkMacros(version) {
      const macros = ctx.show.current()?.show.comments.macros ?? [];
      const raised = new Set<string>();
      if (version) {
        for (const m of macros) {
          const violations = findViolations(m.text, claimsOf(version), knownCodes(), label(version));
          if (violations.length === 0) continue;
          const key = `script.macro.${m.id}`;
          raised.add(key);
          ctx.alerts.raise({
            source: 'cues',
            key,
            level: 'warn',
            message: `Reply macro “${m.label}” says ${violations.map((x) => `“${x.text}”`).join(', ')}, which the approved script (${label(version)}) does not: fix the macro or the script before moderators use it.`,
          });
        }
      }
      for (const key of macroKeys) if (!raised.has(key)) ctx.alerts.clear(key);
      macroKeys.clear();
      for (const k of raised) macroKeys.add(k);
    },
  };
}
