// The KPI strip's tiles, from the `kpis` slice. A figure without a denominator reads "—", never 0%.
import type { KpiState } from '../../../../shared/contract/index';
import { formatMoney, formatPct } from '../../ui/format';

export interface KpiTile {
  id: string;
  label: string;
  value: string;
  detail: string;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 2 * 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 72 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

const count = (n: number) => n.toLocaleString('en');

export function kpiTiles(k: KpiState): KpiTile[] {
  return [
    { id: 'view-to-cart', label: 'View → cart', value: formatPct(k.viewToCart), detail: `${count(k.addToCart)} carts / ${count(k.views)} views` },
    { id: 'cart-to-checkout', label: 'Cart → checkout', value: formatPct(k.cartToCheckout), detail: `${count(k.checkouts)} checkouts` },
    { id: 'orders', label: 'Orders', value: count(k.orders), detail: `${formatMoney(k.revenue, k.currency)} revenue` },
    { id: 'aov', label: 'AOV', value: k.aov === null ? '—' : formatMoney(k.aov, k.currency), detail: `${count(k.paymentErrors)} payment errors` },
    { id: 'time-to-fulfil', label: 'Time to fulfil', value: formatDuration(k.timeToFulfilSeconds), detail: `median of ${count(k.fulfilled)} fulfilled` },
  ];
}
