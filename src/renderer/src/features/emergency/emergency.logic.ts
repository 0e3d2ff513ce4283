// Which emergencies the show is in right now, derived from the snapshot and the view's own link:
// each one with its cause in words, since when, and the one action that most likely fixes it.
// Pure, so the producer's console and the host's card always agree on what is an emergency.
import type { CuesState, ObsState, OfferView } from '../../../../shared/contract/index';
import { emergencySince, linkLostSince } from '../obs/obs.logic';

export type EmergencyAction =
  | { kind: 'switchIngest'; to: 'primary' | 'backup'; label: string }
  | { kind: 'startStream'; label: string }
  /** url is null in a view whose snapshot hides OBS's address (the host's card): it says the move, never presses it. */
  | { kind: 'reconnectObs'; url: string | null; label: string }
  /** This view tries the station now instead of waiting out its backoff. */
  | { kind: 'reconnectStation'; label: string }
  | { kind: 'resumeOffer'; offerId: string; label: string }
  /** The store's own admin page for the offer, opened beside Baton: the pause a person makes by hand. */
  | { kind: 'openStoreAdmin'; url: string; label: string }
  /** Nothing Baton can do for you: the words say where to do it. */
  | { kind: 'advice'; label: string };

export type EmergencyKind = 'station-lost' | 'obs-link-lost' | 'ingest-unreachable' | 'stream-stopped' | 'offer-rule-paused' | 'store-unreachable';

export interface Emergency {
  /** Stable while the condition lasts (React key, test id). */
  id: string;
  kind: EmergencyKind;
  cause: string;
  /** When the condition began (ms), or null when the station cannot tell. */
  since: number | null;
  action: EmergencyAction;
  /** True while the action is already under way (e.g. an ingest switch in progress). */
  busy: boolean;
  /** The offer an offer emergency is about, so the host is told which CTA to skip (and the card's
   *  own offer banner does not say it a second time). */
  offerId?: string;
  offerName?: string;
}

export interface EmergencyInput {
  obs: ObsState | null;
  cues: CuesState | null;
  offers: readonly OfferView[];
  /** This view's link to the station. */
  stationLinked: boolean;
  stationLostAt: number | null;
  /** A try to reach the station is under way right now (the socket is opening). */
  stationTrying: boolean;
}

const TRIGGER_ACTOR = 'system:trigger:';
/** The store's product name for the admin it offers ("the Vendure admin"), not the binding's long label. */
const STORE_NAME: Record<OfferView['storeKind'], string> = { vendure: 'Vendure', shopify: 'Shopify', webhook: 'store’s own', sandbox: 'sandbox' };

export function emergencies(input: EmergencyInput): Emergency[] {
  const out: Emergency[] = [];
  const { obs, cues } = input;
  if (!input.stationLinked) {
    out.push({
      id: 'station-lost',
      kind: 'station-lost',
      cause: 'Station lost: this view is frozen at what it last knew.',
      since: input.stationLostAt,
      action: { kind: 'reconnectStation', label: 'Reconnect now' },
      busy: input.stationTrying,
    });
  }
  const onAirExpected = cues?.showStartedAt != null;
  // A stream idle (or a link lost) before the show became an emergency when the show clock started:
  // "since" counts from the later of the two, never from OBS being linked long before.
  const showAt = cues?.showStartedAt ?? null;
  const began = (t: number | null) => emergencySince(t, showAt);
  if (obs) {
    const usable = obs.link === 'connected' && obs.synced;
    const switching = obs.ingest.switching;
    if (!usable && onAirExpected) {
      out.push({
        id: 'obs-link-lost',
        kind: 'obs-link-lost',
        cause: `OBS link lost during the show${obs.linkError ? `: ${obs.linkError}` : ''}. The stream may still be live; Baton cannot see it.`,
        since: linkLostSince(obs, showAt),
        // A link still trying has a target even where the snapshot hides its address (every view but
        // the producer's), so the host's card names the same move as the producer's button.
        action:
          obs.url !== null || obs.link === 'connecting'
            ? { kind: 'reconnectObs', url: obs.url, label: 'Reconnect to OBS now' }
            : { kind: 'advice', label: 'Check OBS on the streaming computer' },
        busy: obs.link === 'connecting' && obs.reconnectAttempt <= 1,
      });
    } else if (usable && (obs.stream.phase === 'reconnecting' || (switching && onAirExpected))) {
      const other = obs.ingest.active === 'backup' ? 'primary' : 'backup';
      const canSwitch = obs.ingest.hasBackup || other === 'primary';
      out.push({
        id: 'ingest-unreachable',
        kind: 'ingest-unreachable',
        cause: switching
          ? 'Switching the stream to the other ingest: stop, swap the server, start, confirm…'
          : `Ingest unreachable: OBS is reconnecting${obs.stream.retry > 0 ? ` (try ${obs.stream.retry})` : ''}. Viewers see a frozen or black stream.`,
        since: began(obs.stream.since),
        action: canSwitch
          ? { kind: 'switchIngest', to: other, label: `Switch to ${other} ingest` }
          : { kind: 'advice', label: 'No backup ingest in the show: check the network to the ingest' },
        busy: switching,
      });
    } else if (usable && onAirExpected && (obs.stream.phase === 'idle' || obs.stream.phase === 'failed_start' || obs.stream.phase === 'stopping')) {
      // Idle since before the show clock started: it was never live in this show, so nothing "stopped".
      const neverLive = obs.stream.phase === 'idle' && (obs.stream.since === null || (showAt !== null && obs.stream.since <= showAt));
      out.push({
        id: 'stream-stopped',
        kind: 'stream-stopped',
        cause:
          obs.stream.phase === 'failed_start'
            ? `The stream failed to start while the show clock runs${obs.stream.lastError ? `: ${obs.stream.lastError}` : ''}.`
            : neverLive
              ? 'The stream is not live and the show clock runs: nobody is watching the host.'
              : 'Stream stopped while the show clock runs: nobody is watching the host.',
        since: began(obs.stream.since),
        action: { kind: 'startStream', label: neverLive ? 'Start stream' : 'Restart stream' },
        busy: obs.stream.phase === 'stopping',
      });
    }
  }
  for (const o of input.offers) {
    const byRule = o.intent === 'paused' && (o.requestedBy ?? '').startsWith(TRIGGER_ACTOR);
    if (o.intent === 'paused' && o.pending && o.storeReachable === false) {
      out.push({
        id: `store-unreachable-${o.id}`,
        kind: 'store-unreachable',
        cause: `${o.name}: pause asked but ${o.storeLabel} is not answering — the offer may still be selling.`,
        since: o.pendingSince,
        action: o.storeAdminUrl
          ? { kind: 'openStoreAdmin', url: o.storeAdminUrl, label: `Pause it in the ${STORE_NAME[o.storeKind]} admin` }
          : { kind: 'advice', label: 'Pause it in the store’s own admin' },
        busy: false,
        offerId: o.id,
        offerName: o.name,
      });
    } else if (byRule && (o.state === 'paused' || o.state === 'pausing')) {
      const { rule, finding } = ruleFinding((o.requestedBy ?? '').slice(TRIGGER_ACTOR.length), o.reason);
      out.push({
        id: `offer-rule-paused-${o.id}`,
        kind: 'offer-rule-paused',
        // "paused" only after the store's read-back, as the status bar says PAUSING until then.
        cause:
          o.state === 'paused'
            ? `${o.name} paused by rule ${rule}${finding ? `: ${finding}` : ''}.`
            : `${o.name}: rule ${rule} is pausing it${finding ? ` (${finding})` : ''}; waiting for the store to confirm.`,
        since: o.pendingSince ?? o.confirmedAt,
        action: { kind: 'resumeOffer', offerId: o.id, label: `Resume ${o.name}` },
        busy: o.state === 'pausing',
        offerId: o.id,
        offerName: o.name,
      });
    }
  }
  return out;
}

/**
 * The rule as the banner names it, and what it found. The engine's reason usually names the rule
 * already ("Rule pay-errors (payment error rate): 12 errors in 60 s"): the rule is said once, with
 * its label, and the finding is the rest.
 */
function ruleFinding(ruleId: string, reason: string | null): { rule: string; finding: string | null } {
  if (reason === null || !reason.startsWith(`Rule ${ruleId} `)) return { rule: ruleId, finding: reason || null };
  const told = reason.slice('Rule '.length);
  const cut = told.indexOf(': ');
  return cut < 0 ? { rule: told, finding: null } : { rule: told.slice(0, cut), finding: told.slice(cut + 2) };
}

/**
 * What the view is doing about a lost station, after the producer's cause: trying now, or when it
 * tries again by itself (rounded up, so "in 1 s" until the very moment it tries).
 */
export function stationRetryLine(trying: boolean, retryAt: number | null, now: number): string {
  if (trying) return 'Trying to reach it now…';
  if (retryAt === null) return 'It reconnects by itself.';
  return `Next try in ${Math.max(1, Math.ceil((retryAt - now) / 1000))} s.`;
}

/**
 * The station alerts an emergency stands for (same cause), by key: the status bar counts the cause once.
 * station-lost has none (the view lost the station, nobody could raise one).
 */
export function sameCause(e: Pick<Emergency, 'id' | 'kind'>, alertKey: string): boolean {
  const offerId = e.id.slice(e.kind.length + 1);
  switch (e.kind) {
    case 'obs-link-lost':
      return alertKey === 'obs.link';
    case 'ingest-unreachable':
      return alertKey === 'obs.health.reconnecting';
    case 'stream-stopped':
      return alertKey === 'obs.health.offair' || alertKey === 'obs.health.stream';
    case 'offer-rule-paused':
      return alertKey.startsWith(`offers.trigger.${offerId}.`);
    case 'store-unreachable':
      return alertKey === `offers.pending.${offerId}`;
    case 'station-lost':
      return false;
  }
}

/** The page title: the state a producer checks from another window or the task bar. */
export function pageTitle(input: { onAir: boolean; emergencies: number; pausedOffers: number; view: string; show: string | null }): string {
  const parts = [input.emergencies > 0 ? `⚠ ${input.emergencies}` : null, input.onAir ? '● ON AIR' : 'OFF AIR', input.pausedOffers > 0 ? `${input.pausedOffers} PAUSED` : null];
  return `${parts.filter(Boolean).join(' · ')} — ${input.view}${input.show ? ` · ${input.show}` : ''} — Baton`;
}

/**
 * What the host's card says, in the host's order: what to do (or not read) first, then why in the host's words. The
 * host keeps talking, so an offer's banner names which CTA to skip (with several offers on the card, "the CTA" alone
 * would leave the host guessing); the producer's cause names the store's address and the rule's id, which the host
 * needs neither of.
 */
export function hostLines(e: Emergency): { lead: string; second: string | null } {
  const skipCta = `Do not read ${e.offerName ? `the ${e.offerName} CTA` : 'the paused offer’s CTA'}. The producer is on it.`;
  switch (e.kind) {
    case 'station-lost':
      return { lead: 'Station lost — keep going, the producer knows.', second: null };
    case 'store-unreachable':
      return { lead: skipCta, second: 'The store has not confirmed the pause: it may still be selling.' };
    case 'offer-rule-paused':
      return { lead: skipCta, second: `${e.offerName ?? 'The offer'} ${e.busy ? 'is being' : 'was'} paused by a rollback rule.` };
    default:
      return { lead: e.cause, second: `Keep going. The producer's move: ${e.action.label}.` };
  }
}
