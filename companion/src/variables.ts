// The module's variables: a fixed set named for what a key label needs, plus two per offer. Values
// come straight from the station's flat map; while the station is lost they read "station lost".
import type { CompanionVariableDefinition, CompanionVariableValues } from '@companion-module/base';
import type { FeedMap, LinkPhase } from './station-link';

/** Feed keys use the offer id made safe the same way the station does. */
export function offerKey(offerId: string): string {
  return `offer.${offerId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

const FIXED: ReadonlyArray<[variableId: string, name: string, feedKey: string]> = [
  ['cue_current', 'Current cue text', 'cue.current'],
  ['cue_next', 'Next cue text', 'cue.next'],
  ['cue_position', 'Cue position (3/12)', 'cue.position'],
  ['show_clock', 'Show clock', 'show.clock'],
  ['segment_title', 'Current segment', 'segment.title'],
  ['segment_left', 'Segment time left', 'segment.left'],
  ['orders', 'Orders (all offers)', 'orders'],
  ['program_scene', 'OBS program scene', 'obs.program'],
  ['stream_health', 'Stream health', 'stream.health'],
  ['queue_overflowing', 'Overflowing comment queues', 'queue.overflowing'],
  ['window_left', 'Offer window countdown', 'window.left'],
  ['window_phase', 'Offer window phase (none / opening / open / ending)', 'window.phase'],
  ['window_problem', 'Offer window problem (store unreachable…)', 'window.problem'],
  ['talkback_text', 'Last talkback message', 'talkback.text'],
];

function offerIds(values: FeedMap): string[] {
  const list = typeof values['offers'] === 'string' ? values['offers'] : '';
  return list.split(',').filter((x) => x.length > 0);
}

export function variableDefinitions(values: FeedMap): CompanionVariableDefinition[] {
  const defs: CompanionVariableDefinition[] = [{ variableId: 'station', name: 'Station link (connected / station lost)' }];
  for (const [variableId, name] of FIXED) defs.push({ variableId, name });
  for (const id of offerIds(values)) {
    const v = id.replace(/[^A-Za-z0-9_-]/g, '_');
    defs.push({ variableId: `offer_${v}_state`, name: `Offer ${id}: state` }, { variableId: `offer_${v}_orders`, name: `Offer ${id}: orders` });
  }
  return defs;
}

export function variableValues(values: FeedMap, phase: LinkPhase): CompanionVariableValues {
  const up = phase === 'up';
  const out: CompanionVariableValues = { station: up ? 'connected' : phase === 'refused' ? 'token refused' : 'station lost' };
  for (const [variableId, , key] of FIXED) {
    const v = values[key];
    out[variableId] = up ? (v === null || v === undefined ? '' : v) : 'station lost';
  }
  for (const id of offerIds(values)) {
    const v = id.replace(/[^A-Za-z0-9_-]/g, '_');
    const k = offerKey(id);
    out[`offer_${v}_state`] = up ? String(values[`${k}.state`] ?? '') : 'station lost';
    out[`offer_${v}_orders`] = up ? Number(values[`${k}.orders`] ?? 0) : 'station lost';
  }
  return out;
}
