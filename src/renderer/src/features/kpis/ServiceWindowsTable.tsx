// Comment response time (p50 / p90 with the answered count, per queue and in total) and the script
// approval SLA (on time / due) over the same windows as the commerce KPIs.
import type { ServiceWindowsView } from '../../../../shared/contract/index';
import { KPI_WINDOWS } from '../../../../shared/contract/constants';
import { approvalCell, responseCell } from './service-windows.logic';

export function ServiceWindowsTable(props: { view: ServiceWindowsView }) {
  const v = props.view;
  const queues = Object.keys(v.responses.queues).sort();
  return (
    <table className="kpi-windows" data-testid="service-windows-table">
      <thead>
        <tr>
          <th>response p50 / p90 (SLA {v.slaSeconds} s)</th>
          {KPI_WINDOWS.map((w) => (
            <th key={w}>{w}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr data-testid="response-total">
          <th>all queues</th>
          {KPI_WINDOWS.map((w) => (
            <td key={w}>{responseCell(v.responses.total[w])}</td>
          ))}
        </tr>
        {queues.map((q) => (
          <tr key={q} data-testid={`response-${q}`}>
            <th>{q}</th>
            {KPI_WINDOWS.map((w) => (
              <td key={w}>{responseCell(v.responses.queues[q]![w])}</td>
            ))}
          </tr>
        ))}
        <tr data-testid="approval-sla">
          <th>approval SLA</th>
          {KPI_WINDOWS.map((w) => (
            <td key={w}>{approvalCell(v.approvals[w])}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
