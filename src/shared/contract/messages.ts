// What travels on the event channel (WebSocket frames, IPC messages): a snapshot first, then
// patches numbered by `rev`. A client that sees a gap in `rev` asks for a fresh snapshot.
import type { CommandError } from './errors';
import type { Role } from './roles';
import type { Domain, StationState } from './state';
import type { CommentRecord } from './comments.contract';
import type { AuditEntry } from './station.contract';

export type Patch = { [D in Domain]: { t: 'patch'; rev: number; domain: D; value: StationState[D] } }[Domain];

export type StationEvent =
  | { name: 'comments.changed'; comments: CommentRecord[] }
  | { name: 'audit.appended'; entry: AuditEntry }
  | { name: 'cue.changed'; cueId: string | null; at: number };

export type ServerMessage =
  /** `at`: the station's clock when sent, so every view's show and segment clocks agree with it. */
  /** `person` is set when the caller signed in with a personal link: their desk identity is their account. */
  /** `roles`: every role the caller's token opens, for the view switcher (the session acts in `role`). */
  | { t: 'hello'; actor: string; role: Role; roles: Role[]; at: number; person?: { id: string; name: string } }
  | { t: 'snapshot'; rev: number; state: StationState }
  | Patch
  | { t: 'event'; event: StationEvent }
  | { t: 'result'; id: string; ok: true; result: unknown }
  | { t: 'result'; id: string; ok: false; error: CommandError };

export type ClientMessage =
  | { t: 'command'; id: string; name: string; args: unknown }
  | { t: 'resync' };
