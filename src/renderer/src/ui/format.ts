// Formatting shared by every view: clocks, durations, ages. Pure, so they are unit-tested.
export function formatClock(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  // Less than a second over is no second over: never "-00:00".
  const neg = ms < 0 && s > 0;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const body = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
  return neg ? `-${body}` : body;
}

/**
 * A countdown's time left: whole seconds rounded up, so it reads 00:00 only once the time is up, the
 * way the countdown overlay shows viewers (station/overlay/overlay-countdown.ts) — host, producer and
 * viewers read the same second. Past the end, the overrun as formatClock writes it ("-00:12").
 */
export function formatLeft(ms: number): string {
  return formatClock(ms > 0 ? Math.ceil(ms / 1000) * 1000 : ms);
}

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatTimeOfDay(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}:${String(d.getSeconds()).padStart(2, '0')}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A moment as the time of day when it is today, else with its day ("Sun 6 Dec 15:12"): a deadline a day away must not read as now. */
export function formatWhen(ms: number, now: number): string {
  const d = new Date(ms);
  const n = new Date(now);
  if (d.getFullYear() === n.getFullYear() && d.getMonth() === n.getMonth() && d.getDate() === n.getDate())
    return formatTimeOfDay(ms).slice(0, 5);
  return `${DAYS[d.getDay()]} ${d.getDate()} ${MONTHS[d.getMonth()]} ${formatTimeOfDay(ms).slice(0, 5)}`;
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

export function formatPct(value: number | null, digits = 1): string {
  return value === null || !Number.isFinite(value) ? '—' : `${(value * 100).toFixed(digits)}%`;
}

/**
 * A count with thousands separators ("100,000"), as `toLocaleString('en')` writes it but without
 * Intl: the first Intl call builds ICU's formatter (tens of ms), which the desk's first paint waited on.
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const [whole = '0', frac] = String(Math.abs(n)).split('.');
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
}
