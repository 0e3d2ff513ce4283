// Words for the service windows: "12 s / 40 s · 9 answered, 8 in SLA" and "3 / 4 on time". Pure.
import type { ApprovalWindow, ResponseWindow } from '../../../../shared/contract/index';

export function responseCell(w: ResponseWindow): string {
  if (w.answered === 0) return '— · 0 answered';
  return `${w.p50} s / ${w.p90} s · ${w.answered} answered, ${w.withinSla} in SLA`;
}

export function approvalCell(w: ApprovalWindow): string {
  const open = w.open ? ` · ${w.open} open` : '';
  return w.due === 0 ? `— · 0 due${open}` : `${w.onTime} / ${w.due} on time${open}`;
}
