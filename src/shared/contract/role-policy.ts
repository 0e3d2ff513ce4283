// Who sees what: the one declared policy of which snapshot domains, events and read results each
// role receives, applied once per session by the station for every transport (IPC, WebSocket, HTTP).
import type { Role } from './roles';
import { blankDomains, type BlankDomains } from './blank-state';
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
  /**
   * Which alerts of the `alerts` domain the role reads: `all`, or only those `addressed` to it
   * (a KPI threshold alert goes to the KPI's owner role). Producers always read all of them.
   */
  readonly alerts: 'all' | 'addressed';
  /** What the role's view is for, in one line (the view switcher's tooltip, the docs). */
  readonly job: string;
}

const ALL_DOMAINS: readonly Domain[] = ['station', 'show', 'obs', 'comments', 'cues', 'scripts', 'offers', 'kpis', 'preflight', 'alerts', 'audit', 'overlays', 'showday', 'hq', 'onair'];

// Command rights live on each command of the contract (`roles`), beside its arguments; this policy is
// the other half: the slice of the snapshot, the events and the alerts each role reads. A read
// command a role may call returns only what its slice shows (checked by role-policy.test.ts).
export const ROLE_POLICY: Readonly<Record<Role, RoleView>> = {
  // The producer runs the show: everything, including the audit trail and configuration.
  producer: { domains: ALL_DOMAINS, events: ['comments.changed', 'audit.appended', 'cue.changed'], configuration: true, alerts: 'all', job: 'Runs the show: every panel and every command.' },
  // The host reads a card: the cue, the clocks, the pinned question, offer states, OBS's light.
  host: { domains: ['station', 'show', 'obs', 'comments', 'cues', 'offers', 'onair'], events: ['cue.changed'], configuration: false, alerts: 'addressed', job: 'Reads the cue card on camera.' },
  // The moderator (social ops) triages comments: queues, pins, the current cue and offer states,
  // and the alerts addressed to social ops (view→cart, comment routing). The desk reads its rows in
  // windows (`comments.desk`) when the desk version moves, so no per-comment events.
  moderator: { domains: ['station', 'show', 'obs', 'comments', 'cues', 'offers', 'alerts'], events: ['cue.changed'], configuration: false, alerts: 'addressed', job: 'Triages and answers comments.' },
  // Legal/brand sign the script: its versions and the deck they become, nothing of the live desk.
  approver: { domains: ['station', 'show', 'cues', 'scripts'], events: [], configuration: false, alerts: 'addressed', job: 'Reviews and signs off the script (legal/brand).' },
  // Commerce owns the offers: their states and caps, the store, conversion KPIs and their alerts.
  commerce: { domains: ['station', 'show', 'cues', 'offers', 'kpis', 'showday', 'alerts'], events: [], configuration: false, alerts: 'addressed', job: 'Owns offers, stock caps, the store and cart→checkout.' },
  // Customer service works complaints and escalations, with offer states to answer about stock.
  'customer-service': { domains: ['station', 'show', 'cues', 'comments', 'offers', 'kpis', 'alerts'], events: ['comments.changed'], configuration: false, alerts: 'addressed', job: 'Works the complaints queue and escalations.' },
  // An observer (a brand owner watching) reads the show's overview: no configuration, no audit
  // trail (it names people and their arguments), no HQ link, and no command that changes anything.
  observer: { domains: ['station', 'show', 'obs', 'comments', 'cues', 'scripts', 'offers', 'kpis', 'preflight', 'alerts', 'overlays', 'showday', 'onair'], events: ['cue.changed'], configuration: false, alerts: 'all', job: 'Watches the show read-only.' },
};

/**
 * Who owns each KPI, so its threshold alerts reach that role's view: social ops (the moderator
 * desk) view→cart and comment routing; commerce cart→checkout, AOV and payment errors; customer
 * service the time to fulfil (Baton has no logistics role: "where is my order" lands with them).
 */
export const KPI_OWNER = {
  viewToCart: 'moderator',
  commentRouting: 'moderator',
  cartToCheckout: 'commerce',
  aov: 'commerce',
  paymentErrorRate: 'commerce',
  timeToFulfil: 'customer-service',
} as const satisfies Record<string, Role>;
export type OwnedKpi = keyof typeof KPI_OWNER;

/** The roles an alert about `kpi` is addressed to (besides the producer, who reads every alert). */
export function kpiAudience(kpi: OwnedKpi): Role[] {
  return [KPI_OWNER[kpi]];
}

/**
 * What a hidden domain reads as: empty, never a guess at the real value. The approver signs a script (the live
 * desk is not theirs); GO/END records, revenue windows and probes are the producer's; the HQ link reads as not
 * configured; talkback and the shared numbers are between producer and host.
 */
const BLANK: BlankDomains = blankDomains();

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
      // The stream server's address can carry a passphrase (SRT) or a token: which ingest is live stays.
      // The stream's error and the health reasons name the ingest that failed: what failed stays.
      return {
        ...v,
        url: null,
        linkError: v.linkError === null ? null : OBS_LINK_PROBLEM,
        ingest: { ...v.ingest, server: null },
        stream: { ...v.stream, lastError: v.stream.lastError === null ? null : withoutAddresses(v.stream.lastError) },
        health: { ...v.health, reasons: v.health.reasons.map(withoutAddresses) },
      } as StationState[D];
    }
    case 'comments': {
      const v = value as StationState['comments'];
      // The host's card needs only the pin; source health names feeds, their addresses and secrets;
      // a reply of unknown outcome is the desks' to settle, not the host's to read on camera.
      const out: StationState['comments'] = role === 'host' ? { ...v, queues: [], sources: [], unsurePosts: [] } : { ...v, sources: v.sources.map((s) => ({ ...s, detail: null, credential: null })) };
      return out as StationState[D];
    }
    case 'offers': {
      // A store's error text can name its address or host, which showView keeps to the producer:
      // the state, reachability, intent and retries stay, so commerce still sees what to press.
      const v = value as StationState['offers'];
      return { ...v, items: v.items.map((o) => (o.lastError === null ? o : { ...o, lastError: STORE_ERROR })) } as StationState[D];
    }
    case 'alerts': {
      const v = value as StationState['alerts'];
      // OBS's link error names its address, which the obs domain keeps to the producer too; an
      // unconfirmed offer's alert quotes the store's error, read as the offers domain reads it.
      const items = v.items.map((a) =>
        a.key === 'obs.link' ? { ...a, message: OBS_LINK_PROBLEM } : a.key.startsWith('offers.pending.') ? { ...a, message: offerPendingView(a.message) } : a.source === 'obs' ? { ...a, message: withoutAddresses(a.message) } : a,
      );
      if (ROLE_POLICY[role].alerts === 'all') return { ...v, items } as StationState[D];
      return { ...v, items: items.filter((a) => a.audience?.includes(role) === true) } as StationState[D];
    }
    case 'showday': {
      // Probe details name ingest addresses; refusals quote configuration. The windows stay. The
      // GO record's checks are the preflight's, read as below.
      const v = value as StationState['showday'];
      return { ...v, probes: {}, refusals: [], go: v.go ? { ...v.go, checks: v.go.checks.map(checkView) } : null } as StationState['showday'] as StationState[D];
    }
    case 'preflight': {
      const v = value as StationState['preflight'];
      return { ...v, checks: v.checks.map(checkView) } as StationState[D];
    }
    default:
      return value;
  }
}

const STORE_ERROR = 'store error (details in the producer view)';

/** A text with every URL in it (an ingest's `srt://host:port…`) replaced: the address is configuration. */
function withoutAddresses(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s)]+/gi, '[address in the producer view]');
}
const OBS_LINK_PROBLEM = 'OBS link problem (details in the producer view)';

/** The pending-offer alert up to the store's error text: what is unconfirmed stays, the error goes. */
function offerPendingView(message: string): string {
  const cut = message.indexOf(' — ');
  return cut < 0 ? `An offer is NOT confirmed by the store: ${STORE_ERROR}.` : `${message.slice(0, cut)} — ${STORE_ERROR}. Baton keeps the intent and retries until the store confirms.`;
}

/**
 * Automatic checks whose detail quotes configuration: OBS's link error and the comment feeds'
 * health name addresses and accounts when they fail; the active probes (backup ingest, test order)
 * name ingest and store addresses whatever their answer.
 */
const DETAIL_ON_FAILURE = new Set(['obs.connected', 'comments.sources']);
const DETAIL_ALWAYS = new Set(['ingest.backup', 'store.testOrder']);

/** A check as a role without configuration reads it: the status stays, a configuration detail goes. */
function checkView<C extends { status: string; detail: string; rule?: string }>(c: C): C {
  if (!c.rule) return c;
  if (DETAIL_ALWAYS.has(c.rule) || (DETAIL_ON_FAILURE.has(c.rule) && c.status !== 'pass')) {
    return { ...c, detail: `${c.status === 'pass' ? 'passed' : c.status}: details in the producer view` };
  }
  return c;
}

/** The roles of a list in the policy's order (most powerful first), without repeats. */
export function inPolicyOrder(roles: Iterable<Role>): Role[] {
  const set = new Set(roles);
  return (Object.keys(ROLE_POLICY) as Role[]).filter((r) => set.has(r));
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
