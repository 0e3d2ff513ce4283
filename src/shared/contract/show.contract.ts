// The loaded show: one at a time; a bad file never replaces a good one.
import { z } from 'zod';
import { ALL_ROLES, PRODUCER, command } from './command';
import type { FieldIssue } from './errors';
import type { Show } from '../show/show.schema';

export interface ShowState {
  /** The show as loaded, defaults applied. Null only before the first load. */
  current: Show | null;
  /** Where it came from: a file path, `import` (sent over the API) or `demo`. */
  source: string | null;
  loadedAt: number | null;
  /** The last load that failed, with the path of each bad field; the current show stays. */
  lastError: { at: number; source: string; issues: FieldIssue[] } | null;
}

export const showCommands = {
  'show.load': command<{ id: string; title: string }>()({
    summary: 'Load a show file (.json) from one of the station’s show folders: <data>/shows/, the demo show’s, the start show’s. A bad file leaves the current show loaded; another path is refused (show.import sends a show as JSON).',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ path: z.string().min(1) }).strict(),
  }),
  'show.import': command<{ id: string; title: string }>()({
    summary: 'Load a show sent as JSON in the request. A bad show leaves the current one loaded.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ show: z.unknown() }).strict(),
    auditArgs: (a) => ({ show: typeof a.show === 'object' && a.show && 'id' in a.show ? (a.show as { id: unknown }).id : '?' }),
  }),
  'show.package': command<{ dir: string; zip?: string; files: string[]; notes: string[] }>()({
    summary: 'Write the post-show package (summary, KPIs, offers, comments, health timeline, verified audit trail) into the data folder.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'show.get': command<{ show: Show | null }>()({
    summary: 'The loaded show.',
    roles: ALL_ROLES,
    kind: 'read',
    args: z.object({}).strict(),
  }),
};
