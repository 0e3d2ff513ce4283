// The commerce view: every offer with its state, orders against the cap, the store's state and
// stock; cart→checkout and AOV live and over their windows; the KPI alerts addressed to commerce.
// Pause and resume are the toggle owner's (the station enforces it); others raise a pause request.
import { useState } from 'react';
import { StationHeader } from '../features/station/StationHeader';
import { useSlice, useStation } from '../state/station.store';
import { useAction } from '../state/use-action';
import { Panel } from '../ui/Panel';
import { Fact } from '../ui/Fact';
import { Button } from '../ui/Button';
import { StatusBadge } from '../ui/StatusDot';
import { useShowIsRehearsal } from '../ui/use-rehearsal';
import { formatMoney, formatPct } from '../ui/format';
import { KpiWindowsChart } from '../features/kpis/KpiWindowsChart';
import { MyAlerts } from '../features/roles/MyAlerts';
import { commerceRows, toggleRight } from '../features/roles/roles.logic';
import '../features/roles/roles.css';
import '../features/kpis/kpis.css';
import { StockLines } from '../features/roles/StockLines';

export function CommercePage() {
  const offers = useSlice('offers')?.items ?? [];
  const kpis = useSlice('kpis');
  const show = useSlice('show')?.current ?? null;
  const role = useStation((v) => v.role);
  const personId = useStation((v) => v.person?.id ?? null);
  const act = useAction();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const right = toggleRight(show, personId, role ?? 'commerce');
  const rows = commerceRows(offers);
  const rehearsalShow = useShowIsRehearsal();
  const reason = (id: string) => (reasons[id] ?? '').trim();

  return (
    <div className="view view-commerce">
      <StationHeader view="Commerce" />
      <main className="role-grid">
        <div className="col">
          <Panel title="Offers" testId="commerce-offers">
            {right.owner ? (
              <p className="small" data-testid="toggle-owner">
                The commerce toggle is pulled by <strong>{right.owner}</strong>.{right.allowed ? ' That is you.' : ' Raise a pause request: they confirm it with one click.'}
              </p>
            ) : null}
            {rows.length === 0 ? <p className="muted">The loaded show has no offers.</p> : null}
            <table className="commerce-table">
              <thead>
                <tr>
                  <th>Offer</th>
                  <th>State</th>
                  <th>Orders / cap</th>
                  <th>Store</th>
                  <th>Stock</th>
                  <th>Toggle</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const live = offers.find((o) => o.id === r.id)?.intent === 'live';
                  return (
                    <tr key={r.id} data-testid={`commerce-offer-${r.id}`}>
                      <td>
                        <strong>{r.name}</strong>
                        {/* REHEARSAL once per view: the header says it for a rehearsal show; a sandbox store in a real show is marked here. */}
                        {r.rehearsal && !rehearsalShow ? <span className="badge badge-rehearsal">REHEARSAL</span> : null}
                      </td>
                      <td>
                        <StatusBadge level={r.level}>{r.state}</StatusBadge>
                        {r.reason ? <div className="small muted offer-reason">{r.reason}</div> : null}
                      </td>
                      <td className="num">
                        {r.orders}
                        {r.fill !== null ? (
                          <span className={`cap-bar${r.fill >= 1 ? ' full' : ''}`} aria-label={`${Math.round(r.fill * 100)} % of the cap`}>
                            <span style={{ width: `${Math.round(r.fill * 100)}%` }} />
                          </span>
                        ) : null}
                      </td>
                      <td className="small">{r.store}</td>
                      <td className="small">
                        <StockLines lines={r.stockLines} />
                      </td>
                      <td className="toggle-cell">
                        <div>
                          <input
                            value={reasons[r.id] ?? ''}
                            onChange={(e) => setReasons({ ...reasons, [r.id]: e.target.value })}
                            placeholder={live ? 'Reason (required)' : 'Reason'}
                            aria-label={`Reason for ${r.name}`}
                            maxLength={300}
                          />
                          {right.allowed ? (
                            live ? (
                              <Button
                                variant="danger"
                                disabled={!reason(r.id)}
                                // A greyed-out Pause says why: the reason goes to the audit and to the producer.
                                title={reason(r.id) ? `Pause ${r.name}` : 'Type a reason first'}
                                onClick={() => void act('offer.pause', { offerId: r.id, reason: reason(r.id) })}
                                data-testid={`commerce-pause-${r.id}`}
                              >
                                Pause
                              </Button>
                            ) : (
                              <Button variant="ok" onClick={() => void act('offer.resume', { offerId: r.id })} data-testid={`commerce-resume-${r.id}`}>
                                Resume
                              </Button>
                            )
                          ) : (
                            <Button disabled={!reason(r.id) || !live} onClick={() => void act('offer.pauseRequest', { offerId: r.id, reason: reason(r.id) })} data-testid={`commerce-request-${r.id}`}>
                              Ask {right.owner ?? 'the owner'} to pause
                            </Button>
                          )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </Panel>
          <KpiWindowsChart />
        </div>
        <div className="col">
          <Panel title="Conversion" testId="commerce-kpis">
            {kpis ? (
              <div className="observer-facts">
                <Fact testId="commerce-c2c" label="cart→checkout" value={formatPct(kpis.cartToCheckout)} numeric detail={`${kpis.checkouts} checkouts / ${kpis.addToCart} carts`} />
                <Fact
                  testId="commerce-aov"
                  label="AOV"
                  value={kpis.aov === null ? '—' : formatMoney(kpis.aov, kpis.currency || 'USD')}
                  numeric
                  detail={`${kpis.orders} orders · ${formatMoney(kpis.revenue, kpis.currency || 'USD')}`}
                />
                <Fact label="payment errors" value={kpis.paymentErrors} numeric />
              </div>
            ) : null}
          </Panel>
          <MyAlerts empty="No alerts for commerce: cart→checkout, AOV and payment-error thresholds and pause requests land here." />
        </div>
      </main>
    </div>
  );
}
