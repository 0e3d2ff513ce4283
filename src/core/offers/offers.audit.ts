// The offers domain's one way to the audit chain: every row it writes (attempts, drift, cap,
// bonus removal, trigger firings) goes through the auditor made here from the module's own.
import type { Auditor } from '../storage/audit-writer';

export interface OffersAuditInput {
  /** On whose behalf the step ran (the person whose pause is retried), or `system:offers…`. */
  actor: string;
  command: string;
  args: unknown;
  outcome: string;
  detail: string | null;
  durationMs: number;
}

export type OffersAuditor = (entry: OffersAuditInput) => void;

export function createOffersAuditor(auditor: Auditor): OffersAuditor {
  return (entry) => auditor.event(entry);
}
