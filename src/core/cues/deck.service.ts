// The live cue deck: which approved version is loaded, where the host is in it, the show and
// segment clocks, arm-then-go, and the offer overrides. Publishes the `cues` slice and the deck's
// content in `scripts.deck`; persists its position so a restart resumes on the same cue.
import type { CuesState, DeckCue, OfferView } from '../../shared/contract/index';
import type { Handlers, HandlerContext } from '../dispatch/handler';
import { conflict } from '../dispatch/command-failure';
import type { ModuleContext } from '../module';
import type { AuditInput } from '../storage/audit-writer';
import type { ScriptRepo, StoredVersion } from './script.repo';
import { flatten, moveTo, segmentOf, type DeckPosition } from './cue.deck';
import { chooseOverride, sameOverride } from './offer.override';
import { loadRefusal } from './script.status';
import { shortHash } from './script.hash';
import type { ScriptService } from './script.service';

export interface DeckService {
  handlers: Handlers<'cue.next' | 'cue.prev' | 'cue.goto' | 'cue.arm' | 'cue.go' | 'show.clock' | 'script.load'>;
  /** The loaded version, if any. */
  loaded(): StoredVersion | null;
  /** Re-reads the saved position (station start). */
  restore(): void;
  /** Recomputes the override after the offers changed. */
  offersChanged(offers: readonly OfferView[]): void;
}

const SYSTEM = 'system:cues';

export function createDeckService(ctx: ModuleContext, repo: ScriptRepo, scripts: ScriptService): DeckService {
  const { state, clock } = ctx;
  let deck: DeckPosition | null = null;
  let override: CuesState['override'] = null;
  const capSeen = new Map<string, boolean>();
  const capJustReached = new Set<string>();

  /** Redraws the host card; a command that moves it passes its context so the override row is its own. */
  const project = (hc: HandlerContext | null = null) => {
    const offers = state.get('offers').items;
    const current = deck ? (deck.cues[deck.index] ?? null) : null;
    const choice = deck ? chooseOverride(deck.version.content, current, offers, capJustReached) : null;
    if (!sameOverride(override, choice)) {
      const before = override;
      override = choice ? { ...choice, since: clock.now() } : null;
      // The card changing on its own is a moment for the post-show record.
      const row: AuditInput = {
        actor: SYSTEM,
        command: 'cue.override',
        args: choice ? { reason: choice.reason, offerId: choice.offerId, cueId: choice.cueId } : { cleared: before?.reason ?? null },
        detail: choice
          ? `host card shows ${choice.cueId ?? 'only the banner'} (${choice.reason === 'offer_paused' ? 'offer paused' : 'cap reached'})`
          : 'host card back on the current cue',
      };
      if (hc) hc.audit(row);
      else ctx.audit.event(row);
    }
    const v = deck?.version ?? null;
    const seg = deck && current ? segmentOf(deck.version.content, current.segmentId) : null;
    const armed = deck && deck.armedId ? (deck.cues.find((c) => c.id === deck?.armedId) ?? null) : null;
    state.set('cues', {
      loaded:
        deck && v
          ? {
              versionId: v.id,
              showId: v.showId,
              number: v.number,
              hash: v.hash,
              shortHash: shortHash(v.hash),
              approval: deck.approval,
              loadedAt: deck.loadedAt,
              loadedBy: deck.loadedBy,
            }
          : null,
      current,
      next: deck ? (deck.cues[deck.index + 1] ?? null) : null,
      index: deck ? deck.index : -1,
      total: deck ? deck.cues.length : 0,
      armed,
      showStartedAt: deck?.showStartedAt ?? null,
      segmentStartedAt: deck?.segmentStartedAt ?? null,
      segmentPlannedSeconds: seg?.plannedSeconds ?? null,
      override,
      changedAt: deck?.changedAt ?? null,
    });
  };

  const persist = (hc: HandlerContext | null) => {
    if (!deck) return;
    const d = deck;
    const row = {
      versionId: d.version.id,
      cueId: d.cues[d.index]?.id ?? null,
      armedId: d.armedId,
      showStartedAt: d.showStartedAt,
      segmentStartedAt: d.segmentStartedAt,
      changedAt: d.changedAt,
      loadedAt: d.loadedAt,
      loadedBy: d.loadedBy,
    };
    if (hc) hc.write(() => repo.saveDeck(row));
    else repo.saveDeck(row);
  };

  const requireDeck = (): DeckPosition => {
    if (!deck) throw conflict('No approved script is loaded: load an approved version in Scripts first.');
    return deck;
  };

  const go = (index: number, hc: HandlerContext): { cueId: string | null } => {
    const d = requireDeck();
    deck = { ...moveTo(d, index, hc.now), armedId: d.armedId === d.cues[index]?.id ? null : d.armedId };
    capJustReached.clear();
    persist(hc);
    project(hc);
    const cueId = deck.cues[index]?.id ?? null;
    state.emit({ name: 'cue.changed', cueId, at: hc.now });
    return { cueId };
  };

  const indexOf = (d: DeckPosition, cueId: string): number => {
    const i = d.cues.findIndex((c) => c.id === cueId);
    if (i < 0) throw conflict(`There is no cue "${cueId}" in the loaded version ${d.version.number}.`);
    return i;
  };

  const describe = (c: DeckCue | undefined) => (c ? `${c.id} (${c.kind}: “${c.text.slice(0, 40)}${c.text.length > 40 ? '…' : ''}”)` : 'none');

  return {
    loaded: () => deck?.version ?? null,
    restore() {
      const row = repo.deck();
      if (!row) return;
      const v = repo.version(row.versionId);
      const summary = v ? scripts.summary(v) : null;
      const refusal = v && summary ? loadRefusal(v, summary, scripts.formatTime) : `version ${row.versionId} is missing`;
      if (!v || !summary?.approval || refusal) {
        ctx.alerts.raise({
          source: 'cues',
          key: 'cues.restore',
          level: 'critical',
          message: `The cue deck was not restored: ${refusal}. Load an approved version before going live.`,
        });
        return;
      }
      const cues = flatten(v.content);
      const index = Math.max(0, cues.findIndex((c) => c.id === row.cueId));
      deck = {
        version: v,
        approval: summary.approval,
        cues,
        index,
        armedId: row.armedId && cues.some((c) => c.id === row.armedId) ? row.armedId : null,
        showStartedAt: row.showStartedAt,
        segmentStartedAt: row.segmentStartedAt,
        changedAt: row.changedAt,
        loadedAt: row.loadedAt,
        loadedBy: row.loadedBy,
      };
      state.set('scripts', { ...state.get('scripts'), deck: { versionId: v.id, content: v.content } });
      project();
    },
    offersChanged(offers) {
      for (const o of offers) {
        const reached = o.cap?.reached === true;
        if (reached && capSeen.get(o.id) === false) capJustReached.add(o.id);
        if (!reached) capJustReached.delete(o.id);
        capSeen.set(o.id, reached);
      }
      if (deck) project();
    },
    handlers: {
      'script.load': ({ versionId }, hc) => {
        const v = repo.version(versionId);
        if (!v) throw conflict(`There is no script version "${versionId}".`);
        const showId = ctx.show.current()?.show.id ?? null;
        if (showId !== null && v.showId !== showId) {
          throw conflict(`Version ${v.number} belongs to show "${v.showId}", but the loaded show is "${showId}".`);
        }
        const summary = scripts.summary(v);
        const refusal = loadRefusal(v, summary, scripts.formatTime);
        if (refusal || !summary.approval) throw conflict(refusal ?? 'not approved');
        const cues = flatten(v.content);
        // Replacing a live deck keeps the host on the same cue when the new version still has it.
        const currentId = deck?.cues[deck.index]?.id ?? null;
        const keep = currentId ? cues.findIndex((c) => c.id === currentId) : -1;
        const index = keep >= 0 ? keep : 0;
        const showStartedAt = deck?.showStartedAt ?? null;
        const sameSegment = keep >= 0 && deck?.cues[deck.index]?.segmentId === cues[index]?.segmentId;
        deck = {
          version: v,
          approval: summary.approval,
          cues,
          index,
          armedId: null,
          showStartedAt,
          segmentStartedAt: showStartedAt === null ? null : sameSegment ? (deck?.segmentStartedAt ?? hc.now) : hc.now,
          changedAt: hc.now,
          loadedAt: hc.now,
          loadedBy: hc.caller.actor,
        };
        capJustReached.clear();
        persist(hc);
        state.set('scripts', { ...state.get('scripts'), deck: { versionId: v.id, content: v.content } });
        project(hc);
        state.emit({ name: 'cue.changed', cueId: cues[index]?.id ?? null, at: hc.now });
        scripts.afterLoad(v);
        return { loaded: state.get('cues').loaded };
      },
      'cue.next': (_args, hc) => {
        const d = requireDeck();
        if (d.index >= d.cues.length - 1) throw conflict(`Already at the last cue, ${describe(d.cues[d.index])}.`);
        return go(d.index + 1, hc);
      },
      'cue.prev': (_args, hc) => {
        const d = requireDeck();
        if (d.index <= 0) throw conflict(`Already at the first cue, ${describe(d.cues[0])}.`);
        return go(d.index - 1, hc);
      },
      'cue.goto': ({ cueId }, hc) => go(indexOf(requireDeck(), cueId), hc),
      'cue.arm': ({ cueId }, hc) => {
        const d = requireDeck();
        if (cueId !== null) indexOf(d, cueId);
        deck = { ...d, armedId: cueId };
        persist(hc);
        project(hc);
        return { armed: cueId };
      },
      'cue.go': (_args, hc) => {
        const d = requireDeck();
        if (!d.armedId) throw conflict('Nothing is armed: arm a cue first, then go.');
        return go(indexOf(d, d.armedId), hc);
      },
      'show.clock': ({ action }, hc) => {
        const d = requireDeck();
        if (action === 'start') {
          if (d.showStartedAt !== null) {
            throw conflict(`The show clock has been running since ${scripts.formatTime(d.showStartedAt)}: reset it first.`);
          }
          deck = { ...d, showStartedAt: hc.now, segmentStartedAt: hc.now };
        } else {
          deck = { ...d, showStartedAt: null, segmentStartedAt: null };
        }
        persist(hc);
        project(hc);
        return { showStartedAt: deck.showStartedAt };
      },
    },
  };
}
