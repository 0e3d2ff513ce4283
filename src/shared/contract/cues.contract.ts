// Scripts and the cue deck. Script versions are immutable and hashed; only an approved version can
// be loaded into the live deck, so the host only ever reads text legal signed off.
import { z } from 'zod';
import { PRODUCER, command } from './command';
import type { Role } from './roles';
import { APPROVAL_CHANNELS, type ApprovalChannel } from './constants';

export const CUE_KINDS = ['opening', 'demo', 'cta', 'urgency', 'pause', 'post-bonus', 'closing', 'note'] as const;
export type CueKind = (typeof CUE_KINDS)[number];

export interface Cue {
  /** `<segment id>.<n>`, stable while the segment's title and the cue's position stay. */
  id: string;
  kind: CueKind;
  text: string;
}
export interface ScriptSegment {
  id: string;
  title: string;
  /** Planned length; the deck's segment timer turns red and counts negative past it. */
  plannedSeconds: number | null;
  /** The offer whose placeholders this segment uses, and whose pause it announces. */
  offerId: string | null;
  cues: Cue[];
}
/** What the host reads, placeholders already filled: the content hash covers exactly this. */
export interface ScriptContent {
  title: string;
  segments: ScriptSegment[];
}
export type ScriptFormat = 'markdown' | 'json';

export { APPROVAL_CHANNELS, type ApprovalChannel };
/** `signoff-link` is the approver's own act. */
export type ApprovalVia = ApprovalChannel | 'signoff-link';

export interface Approval {
  versionId: string;
  hash: string;
  approver: string;
  /** The approver's role in the show (legal, brand, producer). */
  role: string;
  at: number;
  note: string;
  /** Who entered it into Baton, or `show file …` when it came with the show. */
  recordedBy: string;
  /** `show-file`: legal signed outside Baton; the station accepted it because the hash matched. */
  source: 'station' | 'show-file';
  /**
   * `signoff-link`: the approver signed herself, through her own link. A channel (email, paper…):
   * someone else (`recordedBy`) entered an approval given there. Null: recorded before Baton kept it.
   */
  via: ApprovalVia | null;
}
export interface ReviewComment {
  cueId: string;
  comment: string;
}
export interface ScriptReturn {
  reviewer: string;
  at: number;
  comments: ReviewComment[];
}
export type ScriptStatus = 'draft' | 'in_review' | 'returned' | 'approved';
export interface ScriptVersionSummary {
  /** `<show id>/v<number>`. */
  id: string;
  showId: string;
  number: number;
  hash: string;
  shortHash: string;
  createdAt: number;
  createdBy: string;
  origin: 'show-file' | 'editor';
  format: ScriptFormat;
  title: string;
  cueCount: number;
  status: ScriptStatus;
  requestedAt: number | null;
  /** When sign-off is due (request time + the show's approval SLA); overdue once past. */
  dueAt: number | null;
  approval: Approval | null;
  returned: ScriptReturn | null;
  /** Things a reviewer should know (no pause announcement, no post-bonus CTA…). */
  warnings: string[];
}

export interface DeckCue {
  id: string;
  kind: CueKind;
  text: string;
  segmentId: string;
  segmentTitle: string;
}
export type CueOverrideReason = 'offer_paused' | 'cap_reached';
export interface CueOverride {
  reason: CueOverrideReason;
  offerId: string;
  offerName: string;
  /** The approved cue shown instead (pause announcement, post-bonus CTA); null if the script has none. */
  cueId: string | null;
  text: string | null;
  since: number;
}

export interface CuesState {
  /** The loaded (approved) version, or null when nothing is loaded. */
  loaded: {
    versionId: string;
    showId: string;
    number: number;
    hash: string;
    shortHash: string;
    approval: Approval;
    loadedAt: number;
    loadedBy: string;
  } | null;
  current: DeckCue | null;
  next: DeckCue | null;
  index: number;
  total: number;
  /** The cue `cue.go` will fire. */
  armed: DeckCue | null;
  showStartedAt: number | null;
  /** Set while the show clock runs, from the moment the current segment became current. */
  segmentStartedAt: number | null;
  segmentPlannedSeconds: number | null;
  /** When an offer is paused (store-confirmed) the host card shows the approved pause announcement. */
  override: CueOverride | null;
  changedAt: number | null;
}

export interface ScriptsState {
  /** The current show's versions, newest first. */
  versions: ScriptVersionSummary[];
  /** The loaded version's segments and cues, for the producer's jump list. */
  deck: { versionId: string; content: ScriptContent } | null;
  /** The last failed import of the show's script file; the versions stay as they were. */
  importError: { at: number; source: string; message: string } | null;
}

export interface ScriptIssue {
  line: number | null;
  path: string;
  message: string;
}
export interface ClaimViolation {
  text: string;
  start: number;
  end: number;
  kind: 'price' | 'code' | 'delivery';
  reason: string;
}
export interface DiffLine {
  op: 'same' | 'add' | 'del';
  text: string;
  cueId: string | null;
}

/** A line of a review's diff, with the compliance flags of what it adds. */
export interface ReviewLine extends DiffLine {
  /** Prices, codes and delivery promises on an added line that the last approved version does not make. */
  flags: ClaimViolation[];
}
/** The evidence every review shows: the diff against the last approved version, flags highlighted. */
export interface ReviewEvidence {
  versionId: string;
  /** The show's latest approved version before this one; null when nothing was approved yet. */
  against: { versionId: string; number: number; shortHash: string; approver: string } | null;
  lines: ReviewLine[];
  added: number;
  removed: number;
  flagged: number;
}

/** What an approver sees through a sign-off link: the exact version, and who may sign it. */
export interface SignoffView {
  show: { title: string; brand: string };
  approver: string;
  approverRole: string;
  versionId: string;
  number: number;
  hash: string;
  shortHash: string;
  content: ScriptContent;
  createdBy: string;
  expiresAt: number;
  evidence: ReviewEvidence;
}

const signoffLink = z.string().regex(/^[A-Za-z0-9_-]{32}$/, 'the sign-off link’s 32-character code');

const DECK_ROLES: readonly Role[] = ['producer', 'host'];
const sourceArgs = z
  .object({ format: z.enum(['markdown', 'json']), source: z.string().min(1, 'the script is empty').max(200_000) })
  .strict();

export const cueCommands = {
  'cue.next': command<{ cueId: string | null }>()({
    summary: 'Advance the live deck one cue (Stream Deck, clicker, the host’s foot pedal).',
    roles: DECK_ROLES,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'cue.prev': command<{ cueId: string | null }>()({
    summary: 'Go back one cue.',
    roles: DECK_ROLES,
    kind: 'write',
    args: z.object({}).strict(),
  }),
  'cue.goto': command<{ cueId: string | null }>()({
    summary: 'Jump to a cue by id.',
    roles: DECK_ROLES,
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
    summary: 'Start or reset the show clock (segment timers run while it runs).',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ action: z.enum(['start', 'reset']) }).strict(),
  }),
  'script.preview': command<{ content: ScriptContent; hash: string; warnings: string[] }>()({
    summary: 'Parse and fill a script without saving it: the errors by line, or the content and hash it would get.',
    roles: PRODUCER,
    kind: 'read',
    args: sourceArgs,
  }),
  'script.save': command<{ version: ScriptVersionSummary; created: boolean }>()({
    summary: 'Save script content as a new immutable version (Markdown or JSON). Offer placeholders are filled first.',
    roles: PRODUCER,
    kind: 'write',
    args: sourceArgs,
    auditArgs: (a) => ({ format: a.format, length: a.source.length }),
  }),
  'script.get': command<{ version: ScriptVersionSummary; content: ScriptContent; source: string }>()({
    summary: 'One version’s content, and the source it was saved from (placeholders unfilled).',
    roles: ['producer', 'host', 'moderator', 'approver', 'observer'],
    kind: 'read',
    args: z.object({ versionId: z.string().min(1) }).strict(),
  }),
  'script.diff': command<{ lines: DiffLine[]; added: number; removed: number }>()({
    summary: 'Line diff between two versions’ filled text.',
    roles: ['producer', 'host', 'moderator', 'approver', 'observer'],
    kind: 'read',
    args: z.object({ from: z.string().min(1), to: z.string().min(1) }).strict(),
  }),
  'script.review': command<ReviewEvidence>()({
    summary: 'The evidence for reviewing a version: its diff against the last approved version, with compliance flags on what it adds.',
    roles: ['producer', 'host', 'moderator', 'approver', 'observer'],
    kind: 'read',
    args: z.object({ versionId: z.string().min(1) }).strict(),
  }),
  'script.requestApproval': command<{ version: ScriptVersionSummary }>()({
    summary: 'Send a version for sign-off; it is due within the show’s approval SLA.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ versionId: z.string().min(1) }).strict(),
  }),
  'script.approve': command<{ version: ScriptVersionSummary }>()({
    summary:
      'Approve one version’s content hash. An approver signing in their own view signs as themselves; the producer records an approval given elsewhere (email, paper, phone, in person) with who approved, a note of what they said, and where — shown as recorded by the producer, never as the approver’s own sign-off.',
    roles: ['producer', 'approver'],
    kind: 'write',
    args: z
      .object({
        versionId: z.string().min(1),
        hash: z.string().regex(/^[0-9a-f]{64}$/, 'the version’s full 64-character content hash'),
        approver: z.string().trim().min(1, 'who gave the approval').max(120),
        note: z.string().trim().min(1, 'a note of the approval (what they said, the email’s subject, where the paper is)').max(1000),
        // Required when the producer records someone else's approval; an approver signing in their own view leaves it out.
        given: z.enum(APPROVAL_CHANNELS, 'where the approval was given: email, paper, phone or in-person').optional(),
      })
      .strict(),
  }),
  'script.return': command<{ version: ScriptVersionSummary }>()({
    summary: 'Return a version with line-level comments per cue.',
    roles: ['producer', 'approver'],
    kind: 'write',
    args: z
      .object({
        versionId: z.string().min(1),
        reviewer: z.string().min(1).max(120),
        comments: z.array(z.object({ cueId: z.string().min(1), comment: z.string().min(1).max(1000) }).strict()).min(1).max(500),
      })
      .strict(),
  }),
  'script.signoffLink': command<{ path: string; approver: string; expiresAt: number }>()({
    summary:
      'Create a one-time sign-off link for an approver of the show (legal, brand): they read the exact version and approve or return it themselves. Valid for the show’s approval SLA.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ versionId: z.string().min(1), approver: z.string().min(1).max(120) }).strict(),
  }),
  'script.signoffView': command<SignoffView>()({
    summary: 'What a sign-off link shows its approver (the station’s /signoff page calls this).',
    roles: PRODUCER,
    kind: 'read',
    args: z.object({ link: signoffLink }).strict(),
    secretArgs: ['link'],
  }),
  'script.signoff': command<{ version: ScriptVersionSummary }>()({
    summary: 'The approver’s own decision through a sign-off link: approve the version’s hash, or return it with comments per cue. Each link works once.',
    roles: PRODUCER,
    kind: 'write',
    args: z
      .object({
        link: signoffLink,
        decision: z.enum(['approve', 'return']),
        note: z.string().max(1000).default(''),
        comments: z.array(z.object({ cueId: z.string().min(1), comment: z.string().min(1).max(1000) }).strict()).max(500).default([]),
      })
      .strict(),
    // The link is a credential: the audit keeps the decision, never the code, even when the
    // request is refused.
    secretArgs: ['link'],
    auditArgs: (a) => ({ decision: a.decision, note: a.note, comments: a.comments }),
  }),
  'script.load': command<{ loaded: CuesState['loaded'] }>()({
    summary: 'Load an approved version into the live deck. Anything unapproved is refused.',
    roles: PRODUCER,
    kind: 'write',
    args: z.object({ versionId: z.string().min(1) }).strict(),
  }),
  'compliance.check': command<{
    ok: boolean;
    against: { versionId: string; number: number; shortHash: string } | null;
    violations: ClaimViolation[];
  }>()({
    summary: 'Check a reply or cue for prices, codes or delivery promises not in the approved script.',
    roles: ['producer', 'host', 'moderator', 'approver'],
    kind: 'read',
    args: z.object({ text: z.string().max(5000) }).strict(),
  }),
};
