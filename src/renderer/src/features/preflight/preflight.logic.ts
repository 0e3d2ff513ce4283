import type { CheckStatus, PreflightState } from '../../../../shared/contract/index';
import type { Level } from '../../ui/StatusDot';

export function checkLevel(status: CheckStatus): Level {
  return status === 'pass' ? 'green' : status === 'warn' ? 'amber' : status === 'fail' ? 'red' : 'unknown';
}

export function verdictLevel(verdict: PreflightState['verdict']): Level {
  return verdict === 'go' ? 'green' : verdict === 'no-go' ? 'red' : 'amber';
}

export function verdictText(verdict: PreflightState['verdict']): string {
  return verdict === 'go' ? 'GO' : verdict === 'no-go' ? 'NO-GO' : 'NOT READY';
}
