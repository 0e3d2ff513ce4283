// What the host's card shows, derived from the snapshot: the text to read (or the approved pause
// announcement / post-bonus CTA in its place), the offer banner, and the two clocks. Pure.
import type { CuesState, OfferView } from '../../../../shared/contract/index';

export type BannerLevel = 'red' | 'amber' | 'green';
export interface HostBanner {
  level: BannerLevel;
  text: string;
}

export interface CardText {
  /** Changes whenever what the host should read changes (drives the flash). */
  key: string;
  kind: string;
  text: string;
  /** True when an offer change replaced the current cue. */
  replaced: boolean;
  /** True when the script has no approved replacement: the card shows a station warning instead. */
  alarm: boolean;
}

export function cardText(cues: CuesState): CardText | null {
  if (cues.override) {
    const o = cues.override;
    const paused = o.reason === 'offer_paused';
    return {
      key: `override:${o.reason}:${o.cueId ?? 'none'}`,
      kind: paused ? 'pause announcement' : 'post-bonus CTA',
      text:
        o.text ??
        (paused
          ? 'OFFER PAUSED — do not read the CTA'
          : 'CAP REACHED — the bonus is gone. There is no approved post-bonus line: wait for the producer.'),
      replaced: true,
      alarm: o.text === null,
    };
  }
  if (!cues.current) return null;
  return { key: `cue:${cues.current.id}:${cues.changedAt ?? 0}`, kind: cues.current.kind, text: cues.current.text, replaced: false, alarm: false };
}

/**
 * The offer banner, most urgent first. Red only for a pause the store confirmed; a pause that is
 * requested or failing is amber ("hold the CTA"), never shown as paused.
 * `saidAbove` holds the offers an emergency banner above the card already names (paused by a rule,
 * store not answering): the host is told once, by that banner, never again here.
 */
export function offerBanners(cues: CuesState, offers: readonly OfferView[], saidAbove: ReadonlySet<string> = new Set()): HostBanner[] {
  const out: HostBanner[] = [];
  const own = offers.filter((o) => !saidAbove.has(o.id));
  const overrideOffer = cues.override?.reason === 'offer_paused' ? cues.override.offerId : null;
  if (overrideOffer !== null && !saidAbove.has(overrideOffer)) {
    out.push({ level: 'red', text: 'OFFER PAUSED — do not read the CTA' });
  }
  // Paused offers share one red banner: two stacked ones pushed the talkback off a 720p card.
  const paused = own.filter((o) => o.state === 'paused' && overrideOffer !== o.id).map((o) => o.name);
  if (paused.length === 1) out.push({ level: 'red', text: `${paused[0]} PAUSED — do not read its CTA` });
  else if (paused.length > 1) out.push({ level: 'red', text: `${paused.join(' · ')} PAUSED — do not read their CTAs` });
  for (const o of own) {
    if (o.state === 'paused') continue;
    else if (o.state === 'pausing' || o.intent === 'paused') {
      out.push({ level: 'amber', text: `${o.name}: pause requested, the store has not confirmed yet — hold the CTA` });
    } else if (o.state === 'error') out.push({ level: 'amber', text: `${o.name}: the store is not answering — check with the producer before the CTA` });
    else if (o.state === 'resuming') out.push({ level: 'amber', text: `${o.name}: resuming — wait for the producer` });
  }
  if (cues.override?.reason === 'cap_reached') {
    out.push({ level: 'amber', text: `CAP REACHED — the bonus is gone; read the post-bonus CTA` });
  }
  // One green line per live offer (not one run-on sentence): the host reads each at a glance — only
  // while no offer needs attention, here or in a banner above.
  if (out.length === 0 && saidAbove.size === 0)
    for (const o of offers) if (o.state === 'live') out.push({ level: 'green', text: `${o.name} LIVE · ${o.code}` });
  return out;
}

export interface Clocks {
  show: number | null;
  /** Remaining planned time of the segment (negative once over), or elapsed when unplanned. */
  segment: number | null;
  segmentOver: boolean;
  segmentPlanned: boolean;
}

export function clocks(cues: CuesState, now: number): Clocks {
  const show = cues.showStartedAt === null ? null : now - cues.showStartedAt;
  if (cues.segmentStartedAt === null) return { show, segment: null, segmentOver: false, segmentPlanned: cues.segmentPlannedSeconds !== null };
  const elapsed = now - cues.segmentStartedAt;
  if (cues.segmentPlannedSeconds === null) return { show, segment: elapsed, segmentOver: false, segmentPlanned: false };
  const remaining = cues.segmentPlannedSeconds * 1000 - elapsed;
  return { show, segment: remaining, segmentOver: remaining < 0, segmentPlanned: true };
}

/** Segment time left in amber from 30 s (or a tenth of the plan, if longer) before its end, red once over. */
export function segmentLevel(c: Clocks, plannedSeconds: number | null): 'ok' | 'amber' | 'red' {
  if (!c.segmentPlanned || c.segment === null || plannedSeconds === null) return 'ok';
  if (c.segment < 0) return 'red';
  return c.segment <= Math.max(30_000, plannedSeconds * 100) ? 'amber' : 'ok';
}

/**
 * The largest whole pixel size in [min, max] for which `fits(size)` holds (binary search; text
 * fitting is monotonic in font size). `min` when even that does not fit.
 */
export function fitFontSize(fits: (px: number) => boolean, min: number, max: number): number {
  let lo = min;
  let hi = max;
  if (fits(hi)) return hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

export function mirrorFromQuery(search: string): boolean {
  const v = new URLSearchParams(search).get('mirror');
  return v === '1' || v === 'true';
}
