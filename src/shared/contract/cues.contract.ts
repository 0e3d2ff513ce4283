// Scripts and the cue deck. Script versions are immutable and hashed; only an approved version can
// be loaded into the live deck, so the host only ever reads text legal signed off.
import { z } from 'zod';
import { ALL_ROLES, PRODUCER, command } from './command';

export const CUE_KINDS = ['opening', 'demo', 'cta', 'urgency', 'pause', 'post-bonus', 'closing', 'note'] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export interface Cue {
  id: string;
  kind: CueKind;
  text: string;
}
export interface ScriptSegment {
  id: string;
  title: string;
  /** Planned length; the deck's segment timer turns red and counts negative past it. */
  plannedSeconds: number | null;
  cues: Cue[];
}
export interface ScriptContent {
  title: string;
  segments: ScriptSegment[];
}

export interface Approval {
  versionId: string;
  hash: string;
  approver: string;
  role: string;
  at: number;
  note: string;
}
export interface ScriptVersionSummary {
  id: string;
  number: number;
  hash: string;
  createdAt: number;
  createdBy: string;
  status: 'draft' | 'in_review' | 'returned' | 'approved';
  dueAt: number | null;
  approval: Approval | null;
}

export interface CuesState {
  /** The loaded (approved) version, or null when nothing is loaded. */
  loaded: { versionId: string; hash: string; shortHash: string; approval: Approval } | null;
  current: { id: string; kind: CueKind; text: string; segmentId: string; segmentTitle: string } | null;
  next: { id: string; kind: CueKind; text: string } | null;
  index: number;
  total: number;
  armed: string | null;
  showStartedAt: number | null;
  segmentStartedAt: number | null;
  segmentPlannedSeconds: number | null;
  /** When an offer is paused the host card shows the approved pause announcement instead. */
  override: { reason: 'offer_paused'; offerId: string; text: string } | null;
  changedAt: number | null;
}

export interface ScriptsState {
  versions: ScriptVersionSummary[];
}

export const cueCommands = {
  'cue.next': command<{ cueId: string | null }>()({
    summary: 'Advance the live deck one cue.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'cue.prev': command<{ cueId: string | null }>()({
    summary: 'Go back one cue.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'cue.goto': command<{ cueId: string | null }>()({
    summary: 'Jump to a cue by id.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ cueId: z.string().min(1) }).strict(),
  }),
  'cue.arm': command<{ armed: string | null }>()({
    summary: 'Arm a cue so that `cue.go` lands it on the beat (or disarm with null).',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ cueId: z.string().min(1).nullable() }).strict(),
  }),
  'cue.go': command<{ cueId: string | null }>()({
    summary: 'Fire the armed cue.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'show.clock': command<{ showStartedAt: number | null }>()({
    summary: 'Start or reset the show clock.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ action: z.enum(['start', 'reset']) }).strict(),
  }),
  'script.save': command<{ version: ScriptVersionSummary }>()({
    summary: 'Save script content as a new immutable version (Markdown or JSON). Offer placeholders are filled first.',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({ format: z.enum(['markdown', 'json']), source: z.string().min(1).max(200_000) })
      .strict(),
    auditArgs: (a) => ({ format: a.format, length: a.source.length }),
  }),
  'script.get': command<{ version: ScriptVersionSummary; content: ScriptContent }>()({
    summary: 'One version’s content.',
    roles: ALL_ROLES,
    kind: 'read',
    args: z.object({ versionId: z.string().min(1) }).strict(),
  }),
  'script.diff': command<{ lines: { op: 'same' | 'add' | 'del'; text: string }[] }>()({
    summary: 'Line diff between two versions.',
    roles: ALL_ROLES,
    kind: 'read',
    args: z.object({ from: z.string().min(1), to: z.string().min(1) }).strict(),
  }),
  'script.requestApproval': command<{ version: ScriptVersionSummary }>()({
    summary: 'Send a version for sign-off; it is due within the show’s approval SLA.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ versionId: z.string().min(1) }).strict(),
  }),
  'script.approve': command<{ version: ScriptVersionSummary }>()({
    summary: 'Sign one version’s content hash (approver, time, note).',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({ versionId: z.string().min(1), hash: z.string().min(8), approver: z.string().min(1).max(120), note: z.string().max(1000).default('') })
      .strict(),
  }),
  'script.return': command<{ version: ScriptVersionSummary }>()({
    summary: 'Return a version with line-level comments per cue.',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({
        versionId: z.string().min(1),
        reviewer: z.string().min(1).max(120),
        comments: z.array(z.object({ cueId: z.string().min(1), comment: z.string().min(1).max(1000) })).min(1),
      })
      .strict(),
  }),
  'script.load': command<{ loaded: CuesState['loaded'] }>()({
    summary: 'Load an approved version into the live deck. Anything unapproved is refused.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ versionId: z.string().min(1) }).strict(),
  }),
  'compliance.check': command<{ ok: boolean; violations: { text: string; start: number; end: number; reason: string }[] }>()({
    summary: 'Check a reply or cue for prices, codes or delivery promises not in the approved script.',
    roles: ALL_ROLES,
    kind: 'read',
    args: z.object({ text: z.string().max(5000) }).strict(),
  }),
};
