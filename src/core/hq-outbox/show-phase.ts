// A show's phase as HQ's calendar shows it, moved on by the station's audited commands. It only
// moves forward: a repeated or failed command never takes a show back.
export const SHOW_PHASES = ['draft', 'approved', 'live', 'ended', 'package'] as const;
export type ShowPhase = (typeof SHOW_PHASES)[number];

const STEP: Record<string, ShowPhase> = {
  'script.approve': 'approved',
  'script.signoff': 'approved',
  'obs.startStream': 'live',
  'obs.stopStream': 'ended',
  'show.package': 'package',
};

export function nextShowPhase(current: ShowPhase, command: string, outcome: string): ShowPhase {
  const to = STEP[command];
  if (!to || outcome !== 'ok') return current;
  return SHOW_PHASES.indexOf(to) > SHOW_PHASES.indexOf(current) ? to : current;
}
