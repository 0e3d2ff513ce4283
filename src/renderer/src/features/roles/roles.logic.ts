// The role views' pure parts: which view a window shows and when it should switch role, the
// commerce board's rows (orders against the cap, the store's state) and who pulls the toggle.
import type { OfferView, Role, ScriptVersionSummary } from '../../../../shared/contract/index';
import { isRole } from '../../../../shared/contract/roles';
import type { Show } from '../../../../shared/show/show.schema';

/** The role a path names (`/commerce`, `/observer/…`), or null. */
export function roleFromPath(pathname: string): Role | null {
  const first = pathname.split('/').filter(Boolean)[0];
  return isRole(first) ? first : null;
}

/** The view to render: a producer may preview any role's view; everyone else sees their own. */
export function viewFor(role: Role, pathRole: Role | null): Role {
  return role === 'producer' ? (pathRole ?? 'producer') : role;
}

/** The role to reconnect in: the path's, when the token opens it and the session acts in another. */
export function switchTarget(roles: readonly Role[], role: Role, pathRole: Role | null): Role | null {
  return pathRole !== null && pathRole !== role && roles.includes(pathRole) ? pathRole : null;
}

export interface CommerceRow {
  id: string;
  name: string;
  /** One or two words for the badge ("live", "paused", "pausing…"). */
  state: string;
  /** Why it is paused (the person's or the rule's words), shown beside the badge; null when live. */
  reason: string | null;
  level: 'green' | 'amber' | 'red' | 'unknown';
  /** "37 / 50" or "37" without a cap. */
  orders: string;
  /** 0–1 of the cap, or null without one. */
  fill: number | null;
  store: string;
  stock: string;
  /** The same, one line per SKU (a SKU is never broken at its dashes). */
  stockLines: string[];
  rehearsal: boolean;
}

/** One row per offer: what commerce watches while it runs. */
export function commerceRows(offers: readonly OfferView[]): CommerceRow[] {
  return offers.map((o) => {
    const level = o.storeReachable === false || o.lastError ? 'red' : o.pending ? 'amber' : o.intent === 'live' ? 'green' : 'unknown';
    const state = o.pending ? `${o.intent === 'live' ? 'going live' : 'pausing'}…` : o.intent === 'live' ? 'live' : 'paused';
    const store = o.storeReachable === false ? `${o.storeKind} unreachable${o.lastError ? `: ${o.lastError}` : ''}` : o.storeReachable === null ? `${o.storeKind} not yet read` : `${o.storeKind} reachable`;
    const stockLines = o.stock === null ? ['—'] : Object.entries(o.stock).map(([sku, n]) => `${sku} ${n}${o.lowStock.includes(sku) ? ' (low)' : ''}`);
    const stock = stockLines.join(', ');
    return {
      id: o.id,
      name: o.name,
      state,
      reason: o.intent === 'paused' ? o.reason : null,
      level,
      orders: o.cap ? `${o.orders} / ${o.cap.orders}` : String(o.orders),
      fill: o.cap && o.cap.orders > 0 ? Math.min(1, o.orders / o.cap.orders) : null,
      store,
      stock,
      stockLines,
      rehearsal: o.rehearsal,
    };
  });
}

/** Who may pull the commerce toggle in this show, and whether `personId` is one of them. */
export function toggleRight(show: Show | null, personId: string | null, role: Role): { allowed: boolean; owner: string | null } {
  const toggle = show?.toggle;
  if (!show || !toggle) return { allowed: role === 'producer' || role === 'commerce', owner: null };
  const name = (ref: string) => show.people.find((p) => p.id === ref || p.name.toLowerCase() === ref.toLowerCase());
  const owner = name(toggle.owner);
  const deputy = toggle.deputy ? name(toggle.deputy) : undefined;
  const label = `${owner?.name ?? toggle.owner}${toggle.deputy ? ` (deputy ${deputy?.name ?? toggle.deputy})` : ''}`;
  // A bootstrap token (no person) is the station owner acting as producer: the station decides.
  const allowed = personId === null ? role === 'producer' : personId === owner?.id || (deputy !== undefined && personId === deputy.id);
  return { allowed, owner: label };
}

/** The version an approver opens first: the oldest one waiting for sign-off, else the newest. */
export function pickForReview(versions: readonly ScriptVersionSummary[]): ScriptVersionSummary | null {
  const waiting = versions.filter((v) => v.status === 'in_review').sort((a, b) => a.number - b.number);
  return waiting[0] ?? [...versions].sort((a, b) => b.number - a.number)[0] ?? null;
}
