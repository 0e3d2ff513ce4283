// The show's phase in words, the same on every view: the station's GO/END phase, with the show clock
// read too — a clock running before anyone pressed GO is not "preflight" any more.
import type { ShowDayState, CuesState } from '../../../../shared/contract/index';
import type { Level } from '../../ui/StatusDot';

export interface ShowPhase {
  key: 'preflight' | 'clock-no-go' | 'live' | 'ended';
  label: string;
  detail: string;
  level: Level;
}

export function showPhase(
  day: (Pick<ShowDayState, 'phase'> & { go: Pick<NonNullable<ShowDayState['go']>, 'at'> | null }) | null,
  cues: Pick<CuesState, 'showStartedAt'> | null,
  formatTime: (ms: number) => string,
): ShowPhase {
  const phase = day?.phase ?? 'preflight';
  if (phase === 'ended') return { key: 'ended', label: 'ended', detail: day?.go ? `GO was at ${formatTime(day.go.at)}` : 'ended', level: 'unknown' };
  if (phase === 'live') return { key: 'live', label: 'live', detail: day?.go ? `GO at ${formatTime(day.go.at)}` : 'GO declared', level: 'green' };
  const started = cues?.showStartedAt ?? null;
  if (started !== null) return { key: 'clock-no-go', label: 'clock running · no GO yet', detail: `show clock since ${formatTime(started)}`, level: 'amber' };
  return { key: 'preflight', label: 'preflight', detail: 'show clock not started', level: 'unknown' };
}
