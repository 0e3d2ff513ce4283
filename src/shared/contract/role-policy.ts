// Who sees what: the one declared policy of which snapshot domains, events and read results each
// role receives, applied once per session by the station for every transport (IPC, WebSocket, HTTP).
import type { Role } from './roles';
import type { Domain, StationState } from './state';
import type { StationEvent } from './messages';
import type { Show, StoreBinding } from '../show/show.schema';

export interface RoleView {
  /** Domains the role receives. The others arrive once as a blank value and never as patches. */
  readonly domains: readonly Domain[];
  /** Events the role receives. */
  readonly events: readonly StationEvent['name'][];
  /** False: people's contacts, station paths, store and OBS configuration are removed. */
  readonly configuration: boolean;
}

const ALL_DOMAINS: readonly Domain[] = ['station', 'show', 'obs', 'comments', 'cues', 'scripts', 'offers', 'kpis', 'preflight', 'alerts', 'audit', 'overlays', 'showday', 'hq'];

export const ROLE_POLICY: Readonly<Record<Role, RoleView>> = {
  // The producer runs the show: everything, including the audit trail and configuration.
  producer: { domains: ALL_DOMAINS, events: ['comments.changed', 'audit.appended', 'cue.changed'], configuration: true },
  // The host reads a card: the cue, the clocks, the pinned question, offer states, OBS's light.
  host: { domains: ['station', 'show', 'obs', 'comments', 'cues', 'offers'], events: ['cue.changed'], configuration: false },
  // The moderator triages comments: queues, pins, the current cue and offer states.
  moderator: { domains: ['station', 'show', 'obs', 'comments', 'cues', 'offers'], events: ['comments.changed', 'cue.changed'], configuration: false },
};

/** What a hidden domain reads as: empty, never a guess at the real value. */
const BLANK: Pick<StationState, 'scripts' | 'kpis' | 'preflight' | 'alerts' | 'audit' | 'overlays' | 'showday' | 'hq'> = {
  scripts: { versions: [], deck: null, importError: null },
  kpis: {
    views: 0,
    addToCart: 0,
    checkouts: 0,
    orders: 0,
    revenue: 0,
    currency: '',
    viewToCart: null,
    cartToCheckout: null,
    aov: null,
    timeToFulfilSeconds: null,
    fulfilled: 0,
    paymentErrors: 0,
    rehearsal: false,
    updatedAt: null,
  },
  preflight: { checks: [], verdict: 'pending' },
  alerts: { items: [], quiet: { on: false, by: null, since: null } },
  audit: { recent: [], count: 0, headHash: null },
  overlays: {
    shown: { offer: false, countdown: false, question: false, 'lower-third': false },
    offerId: null,
    question: null,
    native: { enabled: false, scene: '', status: 'off', error: null, updatedAt: null },
  },
  // GO/END records, revenue windows and probes are the producer's.
  showday: { phase: 'preflight', go: null, end: null, segments: [], kpis: null, series: [], refusals: [], probes: {} },
  // The HQ link is the producer's concern: other roles read it as not configured.
  hq: { configured: false, state: 'offline', behind: 0, since: null, lastError: null },
};

/** True when the role's view is the station's whole state, unredacted. */
export function seesEverything(role: Role): boolean {
  const p = ROLE_POLICY[role];
  return p.configuration && ALL_DOMAINS.every((d) => p.domains.includes(d));
}

export function canSeeDomain(role: Role, domain: Domain): boolean {
  return ROLE_POLICY[role].domains.includes(domain);
}

export function canSeeEvent(role: Role, event: StationEvent): boolean {
  return ROLE_POLICY[role].events.includes(event.name);
}

/** One domain's value as `role` may see it. */
export function domainView<D extends Domain>(role: Role, domain: D, value: StationState[D]): StationState[D] {
  const policy = ROLE_POLICY[role];
  if (!policy.domains.includes(domain)) {
    if (domain in BLANK) return BLANK[domain as keyof typeof BLANK] as StationState[D];
    throw new Error(`role policy: ${domain} is hidden from ${role} but has no blank value`);
  }
  if (policy.configuration) return value;
  return redactDomain(role, domain, value);
}

export function stateView(role: Role, state: StationState): StationState {
  if (seesEverything(role)) return state;
  const out = {} as Record<Domain, unknown>;
  for (const d of ALL_DOMAINS) out[d] = domainView(role, d, state[d]);
  return out as unknown as StationState;
}

/** Read results that carry configuration (`show.get`) pass through the same redaction. */
export function resultView(role: Role, command: string, result: unknown): unknown {
  if (ROLE_POLICY[role].configuration) return result;
  if (command === 'show.get' && result && typeof result === 'object' && 'show' in result) {
    const show = (result as { show: Show | null }).show;
    return { ...result, show: show ? showView(show) : null };
  }
  return result;
}

function redactDomain<D extends Domain>(role: Role, domain: D, value: StationState[D]): StationState[D] {
  switch (domain) {
    case 'station': {
      const v = value as StationState['station'];
      return { ...v, dataDir: '', tlsFingerprint: null } as StationState[D];
    }
    case 'show': {
      const v = value as StationState['show'];
      const source = v.source === 'import' || v.source === 'demo' ? v.source : null;
      return {
        ...v,
        source,
        current: v.current ? showView(v.current) : null,
        lastError: v.lastError ? { ...v.lastError, source: '' } : null,
      } as StationState[D];
    }
    case 'obs': {
      const v = value as StationState['obs'];
      return { ...v, url: null, linkError: v.linkError === null ? null : 'OBS link problem (details in the producer view)' } as StationState[D];
    }
    case 'comments': {
      const v = value as StationState['comments'];
      // The host's card needs only the pin; source health names feeds, their addresses and secrets.
      const out: StationState['comments'] = role === 'host' ? { ...v, queues: [], sources: [] } : { ...v, sources: v.sources.map((s) => ({ ...s, detail: null, credential: null })) };
      return out as StationState[D];
    }
    default:
      return value;
  }
}

/** The show without people's contacts, the OBS link, comment-source and store configuration. */
export function showView(show: Show): Show {
  return {
    ...show,
    people: show.people.map((p) => ({ ...p, contact: {} })),
    obs: { thresholds: show.obs.thresholds },
    comments: { ...show.comments, sources: [] },
    offers: show.offers.map((o) => ({ ...o, store: storeView(o.store) })),
  };
}

/** A binding's kind stays (views label sandbox offers REHEARSAL); its addresses and secret names go. */
function storeView(binding: StoreBinding): StoreBinding {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(binding)) out[k] = k === 'adapter' || typeof v === 'boolean' ? v : Array.isArray(v) ? [] : typeof v === 'string' ? '' : v;
  // Same keys, same kinds of value: still a StoreBinding of the same adapter.
  return out as StoreBinding;
}
