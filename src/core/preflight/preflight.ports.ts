// What the preflight module needs from outside the core, injected so tests can substitute fakes,
// and what it offers the other domains (the composition root wires it).
import type { PreflightState } from '../../shared/contract/index';
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the module's work
export interface PreflightPorts {}

/**
 * The checklist evaluated against the station as it is at this moment. GO reads it: the published
 * checklist follows the other domains' patches 50 ms late, and a check changed by the command
 * answered just before GO (a comment source stopped) must count, or GO is declared on a stale pass.
 */
export interface PreflightChecklist {
  now(): PreflightState;
}
