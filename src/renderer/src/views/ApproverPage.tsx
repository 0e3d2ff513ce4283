// The approver's page (legal/brand): the script versions waiting for sign-off, the chosen version's
// text and its diff against the version before, and sign or return in the approver's own name —
// the station records who from the link, and refuses the author signing their own version.
import { useEffect, useState } from 'react';
import type { ReviewEvidence as Evidence, ScriptContent } from '../../../shared/contract/index';
import { StationHeader } from '../features/station/StationHeader';
import { useSend, useSlice, useStation } from '../state/station.store';
import { useAction } from '../state/use-action';
import { useToast } from '../ui/toasts';
import { Panel } from '../ui/Panel';
import { approvalCredit } from '../features/cues/approval.logic';
import { Button } from '../ui/Button';
import { StatusBadge } from '../ui/StatusDot';
import { useNow } from '../ui/use-now';
import { formatTimeOfDay, formatWhen } from '../ui/format';
import { defaultDiffBase, versionStatus } from '../features/cues/script-panel.logic';
import { DiffView } from '../features/cues/DiffView';
import { ReviewEvidence } from '../features/cues/ReviewEvidence';
import { pickForReview } from '../features/roles/roles.logic';
import '../features/cues/cues.css';
import '../features/roles/roles.css';

export function ApproverPage() {
  const scripts = useSlice('scripts');
  const cues = useSlice('cues');
  const person = useStation((v) => v.person ?? null);
  const send = useSend();
  const act = useAction();
  const toast = useToast();
  const now = useNow(5000);
  const versions = scripts?.versions ?? [];
  const [pick, setPick] = useState<string | null>(null);
  const selected = versions.find((v) => v.id === pick) ?? pickForReview(versions);
  const [content, setContent] = useState<{ id: string; content: ScriptContent } | null>(null);
  const [note, setNote] = useState('');
  const [comment, setComment] = useState<{ cueId: string; text: string }>({ cueId: '', text: '' });
  const [comments, setComments] = useState<{ cueId: string; comment: string }[]>([]);
  const selectedId = selected?.id ?? null;
  useEffect(() => {
    setComments([]);
    setNote('');
    if (!selectedId) return setContent(null);
    let live = true;
    send('script.get', { versionId: selectedId })
      .then((r) => live && setContent({ id: selectedId, content: r.content }))
      .catch((e: unknown) => toast.error(e));
    return () => {
      live = false;
    };
  }, [selectedId, send, toast]);
  // The review's evidence (diff against the last approved version, compliance flags), as the
  // producer and the sign-off link show it; read again when the version's status changes.
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const selectedStatus = selected?.status ?? null;
  useEffect(() => {
    setEvidence(null);
    if (!selectedId) return;
    let live = true;
    send('script.review', { versionId: selectedId })
      .then((e) => live && setEvidence(e))
      .catch((e: unknown) => live && toast.error(e));
    return () => {
      live = false;
    };
  }, [selectedId, selectedStatus, send, toast]);
  const cueList = content?.content.segments.flatMap((s) => s.cues) ?? [];
  const base = selected ? defaultDiffBase(versions, selected.id, cues?.loaded?.versionId ?? null) : null;

  return (
    <div className="view view-approver">
      <StationHeader view="Approver" />
      <main className="role-grid">
        <div className="col">
          <Panel title="Script for sign-off" testId="approver-script">
            <div className="version-pick" role="list" aria-label="Versions">
              {versions.map((v) => {
                const st = versionStatus(v, now);
                return (
                  <Button key={v.id} role="listitem" variant={v.id === selectedId ? 'selected' : 'ghost'} onClick={() => setPick(v.id)} data-testid={`approver-version-${v.number}`}>
                    v{v.number} <StatusBadge level={st.level}>{st.text}</StatusBadge>
                  </Button>
                );
              })}
            </div>
            {!selected ? <p className="muted">No script version yet: the producer saves one and sends it for sign-off.</p> : null}
            {selected && content?.id === selected.id ? (
              <div className="script-read" data-testid="approver-text">
                <p className="small muted">
                  v{selected.number} by {selected.createdBy} at {formatTimeOfDay(selected.createdAt)} · hash <span className="mono">{selected.shortHash}</span>
                  {selected.dueAt !== null && !selected.approval ? ` · due ${formatWhen(selected.dueAt, now)}` : ''}
                </p>
                {content.content.segments.map((s) => (
                  <section key={s.id}>
                    <h3>{s.title}</h3>
                    {s.cues.map((c) => (
                      <div key={c.id} className={`cue-line cue-${c.kind}`} title={c.id}>
                        <span className="small muted">{c.kind}</span>
                        <span>{c.text}</span>
                      </div>
                    ))}
                  </section>
                ))}
              </div>
            ) : null}
          </Panel>
        </div>
        <div className="col">
          <Panel title="Sign-off" testId="approver-signoff">
            {!selected ? null : selected.approval ? (
              <p data-testid="approver-approved">
                {approvalCredit(selected.approval, formatTimeOfDay).line}
                {selected.approval.note ? <span className="muted"> · “{selected.approval.note}”</span> : null}
              </p>
            ) : !person ? (
              <p className="muted">Sign-off needs your personal link: the station records who signs from it.</p>
            ) : (
              <>
                <p className="small">
                  You sign hash <span className="mono">{selected.shortHash}</span> as <strong>{person.name}</strong>. The station refuses a version you wrote.
                </p>
                <div className="script-form">
                  <label htmlFor="approver-note">Note</label>
                  <input id="approver-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} placeholder="Claims checked against the brief" />
                </div>
                <div className="version-actions">
                  <Button
                    variant="ok"
                    data-testid="approver-approve"
                    onClick={() => void act('script.approve', { versionId: selected.id, hash: selected.hash, approver: person.id, note }).then((r) => r && toast.ok(`Version ${selected.number} signed.`))}
                  >
                    Sign v{selected.number}
                  </Button>
                </div>
                <h3 className="subhead">Or return it with line comments</h3>
                <div className="approver-comment">
                  <select value={comment.cueId} onChange={(e) => setComment({ ...comment, cueId: e.target.value })} aria-label="Cue">
                    <option value="">— a line —</option>
                    {cueList.map((q) => (
                      <option key={q.id} value={q.id}>
                        {q.id} — {q.text.slice(0, 50)}
                      </option>
                    ))}
                  </select>
                  <input value={comment.text} onChange={(e) => setComment({ ...comment, text: e.target.value })} placeholder="What must change" aria-label="Comment" maxLength={1000} />
                  <Button disabled={!comment.cueId || !comment.text.trim()} onClick={() => (setComments([...comments, { cueId: comment.cueId, comment: comment.text.trim() }]), setComment({ cueId: '', text: '' }))}>
                    Add
                  </Button>
                </div>
                <ul className="small">
                  {comments.map((c, i) => (
                    <li key={i}>
                      <span className="mono">{c.cueId}</span> {c.comment}
                    </li>
                  ))}
                </ul>
                <Button
                  variant="danger"
                  disabled={comments.length === 0}
                  data-testid="approver-return"
                  onClick={() => void act('script.return', { versionId: selected.id, reviewer: person.name, comments }).then((r) => r && setComments([]))}
                >
                  Return with {comments.length} comment(s)
                </Button>
              </>
            )}
          </Panel>
          <Panel title="Changes and compliance flags" testId="approver-diff">
            {!selected ? null : evidence && evidence.versionId === selected.id ? <ReviewEvidence evidence={evidence} /> : <p className="muted small">Reading the changes…</p>}
            {selected && versions.length > 1 ? (
              <details className="approver-compare">
                <summary>Compare with another version</summary>
                <DiffView versions={versions} to={selected.id} from={base} />
              </details>
            ) : null}
          </Panel>
        </div>
      </main>
    </div>
  );
}
