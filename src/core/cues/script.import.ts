// On show load: the show's script file becomes a version when its content hash is new; a sign-off
// carried in the show file is recorded only if it signs exactly that hash; and the approved
// version goes into the deck only when the deck is empty — a live deck is never replaced silently.
import { readFileSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type { ScriptFormat } from '../../shared/contract/index';
import type { LoadedShow } from '../show/show.service';
import type { ModuleContext } from '../module';
import type { AuditInput } from '../storage/audit-writer';
import type { ScriptRepo, StoredVersion } from './script.repo';
import type { ScriptService } from './script.service';
import type { DeckService } from './deck.service';
import { buildScript } from './script.build';
import { shortHash } from './script.hash';
import { loadRefusal } from './script.status';
import { fileBesideShow } from '../platform/beside-show';

const SYSTEM = { actor: 'system:cues', role: 'producer' as const, via: 'system' as const };

export function formatOf(file: string): ScriptFormat | null {
  const ext = extname(file).toLowerCase();
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.json') return 'json';
  return null;
}

export function createScriptImporter(ctx: ModuleContext, repo: ScriptRepo, scripts: ScriptService, deck: DeckService) {
  const { state, clock, alerts } = ctx;

  const fail = (source: string, message: string) => {
    state.set('scripts', { ...state.get('scripts'), importError: { at: clock.now(), source, message } });
    alerts.raise({ source: 'cues', key: 'script.import', level: 'warn', message: `${message} The script versions stay as they were.` });
    ctx.audit.event({ command: 'script.import', args: { file: source }, outcome: 'failed', detail: message });
  };

  const importFile = (l: LoadedShow): StoredVersion | null => {
    const spec = l.show.script;
    if (!spec) return null;
    const beside = fileBesideShow(l.baseDir, spec.file);
    if (!beside.ok) {
      fail(resolve(l.baseDir, spec.file), `The show's script ${beside.message}`);
      return null;
    }
    const path = beside.path;
    const name = basename(path);
    const format = formatOf(path);
    if (!format) {
      fail(path, `The show's script ${name} is neither Markdown (.md) nor JSON (.json).`);
      return null;
    }
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch (error) {
      fail(path, `The show's script ${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
      return null;
    }
    const built = buildScript(format, source, l.show);
    if (!built.ok) {
      const first = built.issues.slice(0, 3).map((i) => `${i.path || name}: ${i.message}`).join('; ');
      fail(path, `The show's script ${name} has ${built.issues.length} problem(s): ${first}.`);
      return null;
    }
    state.set('scripts', { ...state.get('scripts'), importError: null });
    alerts.clear('script.import');

    const now = clock.now();
    let v = repo.byHash(l.show.id, built.hash);
    const writes: (() => void)[] = [];
    const events: AuditInput[] = [];
    if (!v) {
      const created = scripts.prepare({ showId: l.show.id, format, source, built, origin: 'show-file', createdBy: `show file ${name}`, at: now });
      v = created;
      writes.push(() => repo.insertVersion(created));
      events.push({ command: 'script.import', args: { file: path, versionId: created.id, hash: created.hash }, detail: `version ${created.number} from ${name}` });
    }
    const signed = spec.approval;
    if (signed) {
      if (signed.hash !== built.hash) {
        alerts.raise({
          source: 'cues',
          key: 'script.showfile-approval',
          level: 'warn',
          message: `The show file's sign-off by ${signed.approver} is for hash ${shortHash(signed.hash)}, but ${name} now hashes to ${shortHash(built.hash)}: the script changed after sign-off, so version ${v.number} is unapproved.`,
        });
      } else {
        alerts.clear('script.showfile-approval');
        if (!repo.approval(v.id)) {
          const approval = {
            versionId: v.id,
            hash: v.hash,
            approver: signed.approver,
            role: signed.role,
            at: Date.parse(signed.at),
            note: signed.note,
            recordedBy: `show file ${name}`,
            source: 'show-file' as const,
            via: null,
          };
          writes.push(() => repo.insertApproval(approval));
          events.push({
            command: 'script.approval.recorded',
            args: { versionId: v.id, hash: v.hash, approver: signed.approver, source: 'show-file' },
            detail: `sign-off by ${signed.approver} (${signed.role}) from the show file`,
          });
        }
      }
    }
    // The new version or approval and the rows that tell of them land together.
    if (writes.length > 0) ctx.audit.events(events, writes);
    return v;
  };

  // Synchronous, like every show listener: `show.load` answers with the script already imported
  // and, on a fresh station, the approved version already on the deck.
  return (l: LoadedShow): void => {
    const fromFile = importFile(l);
    scripts.refresh();
    const live = deck.loaded();
    if (!live) {
      const candidates = [fromFile, ...repo.versions(l.show.id)].filter((v): v is StoredVersion => v !== null);
      const approved = candidates.find((v) => loadRefusal(v, scripts.summary(v), scripts.formatTime) === null);
      if (approved) {
        // Through the dispatcher, so the automatic load is audited like a producer's. The handler
        // is synchronous: the deck is loaded when this call returns.
        void ctx.dispatch('script.load', { versionId: approved.id }, SYSTEM).then((r) => {
          if (!r.ok) ctx.log.warn('approved script not loaded', { reason: r.error.message });
        });
      }
    } else if (live.showId !== l.show.id) {
      alerts.raise({
        source: 'cues',
        key: 'script.newer',
        level: 'warn',
        message: `The live deck still holds version ${live.number} of show "${live.showId}", but the loaded show is "${l.show.id}". Load this show's approved script in Scripts before going live.`,
      });
    } else if (fromFile && fromFile.id !== live.id) {
      alerts.raise({
        source: 'cues',
        key: 'script.newer',
        level: 'info',
        message: `The show's script file is now version ${fromFile.number} (${scripts.summary(fromFile).status}); the live deck still holds version ${live.number}. Load the new one in Scripts when it is approved.`,
      });
    } else alerts.clear('script.newer');
  };
}
