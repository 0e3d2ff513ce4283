// The offers domain's one way to the audit chain: every row it writes (attempts, drift, cap,
// bonus removal, trigger firings) goes through the auditor made here, as the producer's domain.
import type { ModuleContext } from '../module';

export interface OffersAuditInput {
  actor: string;
  command: string;
  args: unknown;
  outcome: string;
  detail: string | null;
  durationMs: number;
}

export type OffersAuditor = (entry: OffersAuditInput) => void;

export function createOffersAuditor(auditEvent: ModuleContext['auditEvent']): OffersAuditor {
  return (entry) => auditEvent({ ...entry, role: 'producer' });
}
