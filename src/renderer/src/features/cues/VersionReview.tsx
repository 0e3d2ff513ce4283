// Review of one version: its evidence (diff against the last approved version, compliance flags),
// send for sign-off, record an approval given elsewhere (approver, channel, note, confirmed),
// return with comments per cue, and load into the live deck. The station decides; refusals come
// back as its sentence.
import { useEffect, useState } from 'react';
import type { ApprovalChannel, CuesState, ReviewEvidence as Evidence, ScriptContent, ScriptVersionSummary } from '../../../../shared/contract/index';
import { APPROVAL_CHANNELS } from '../../../../shared/contract/constants';
import type { Show } from '../../../../shared/show/show.schema';
import { useAction } from '../../state/use-action';
import { useToast } from '../../ui/toasts';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { approvers } from './script-panel.logic';
import { SignoffLinkForm } from './SignoffLinkForm';
import { ReviewEvidence } from './ReviewEvidence';
import { approvalCredit, CHANNEL_LABELS } from './approval.logic';
import { useSend } from '../../state/station.store';

export function VersionReview(props: { version: ScriptVersionSummary; content: ScriptContent | null; show: Show | null; loaded: CuesState['loaded'] }) {
  const { version: v, content, loaded } = props;
  const act = useAction();
  const toast = useToast();
  const signers = approvers(props.show);
  const [approver, setApprover] = useState(signers[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [given, setGiven] = useState<ApprovalChannel | ''>('');
  const [evidence, setEvidence] = useState<Evidence | null>(null);
  const send = useSend();
  const [reviewer, setReviewer] = useState(signers[0]?.id ?? '');
  const [comments, setComments] = useState<{ cueId: string; comment: string }[]>([]);
  const cues = content ? content.segments.flatMap((s) => s.cues) : [];
  const isLive = loaded?.versionId === v.id;
  useEffect(() => {
    setComments([]);
    setNote('');
    setGiven('');
  }, [v.id]);
  // The evidence changes when this or an earlier version is approved: re-read on status changes.
  useEffect(() => {
    let live = true;
    setEvidence(null);
    send('script.review', { versionId: v.id })
      .then((e) => live && setEvidence(e))
      .catch((e: unknown) => live && toast.error(e));
    return () => {
      live = false;
    };
  }, [v.id, v.status, send, toast]);
  const approverLabel = signers.find((s) => s.id === approver)?.label ?? approver;
  const canRecord = approver !== '' && given !== '' && note.trim() !== '';

  const load = async () => {
    const r = await act('script.load', { versionId: v.id });
    if (r) toast.ok(`Version ${v.number} is on the live deck.`);
  };
  const reviewerName = props.show?.people.find((p) => p.id === reviewer)?.name ?? reviewer;

  return (
    <div data-testid="version-review" data-version={v.id}>
      <p className="small">
        Hash <span className="mono" data-testid="version-hash">{v.hash}</span>
        {v.warnings.length ? <span className="warn"> · {v.warnings.length} warning(s)</span> : null}
      </p>
      {v.warnings.map((w) => (
        <div key={w} className="small warn">
          {w}
        </div>
      ))}
      {v.approval ? (
        <p data-testid="version-approval" data-credit={approvalCredit(v.approval).badge}>
          {approvalCredit(v.approval).badge === 'RECORDED' ? <span className="badge badge-amber">RECORDED</span> : null} {approvalCredit(v.approval).line}
          {v.approval.note ? <span className="muted"> · “{v.approval.note}”</span> : null}
        </p>
      ) : null}
      {evidence && evidence.versionId === v.id ? <ReviewEvidence evidence={evidence} /> : <p className="muted small">Reading the changes…</p>}
      {v.returned ? (
        <div data-testid="version-returned">
          <strong>Returned by {v.returned.reviewer}</strong> <span className="muted">{new Date(v.returned.at).toLocaleString()}</span>
          {v.returned.comments.map((c, i) => (
            <div key={i} className="review-comment">
              <span className="mono small">{c.cueId}</span> <span className="muted">“{cues.find((q) => q.id === c.cueId)?.text ?? ''}”</span>
              <div>{c.comment}</div>
            </div>
          ))}
        </div>
      ) : null}

      <div className="version-actions">
        {isLive ? (
          <span className="badge badge-green">ON THE LIVE DECK</span>
        ) : loaded && v.approval ? (
          <ConfirmButton onConfirm={() => void load()} confirmLabel={`Replace live v${loaded.number}?`} variant="primary" testId="version-load">
            Load into deck
          </ConfirmButton>
        ) : (
          <Button variant={v.approval ? 'primary' : 'ghost'} onClick={() => void load()} data-testid="version-load" title={v.approval ? '' : 'Only approved versions load; the station will say why.'}>
            {v.approval ? 'Load into deck' : 'Load into deck (needs approval)'}
          </Button>
        )}
        {!v.approval && v.status !== 'in_review' ? (
          <Button onClick={() => void act('script.requestApproval', { versionId: v.id })} data-testid="version-request">
            Send for sign-off
          </Button>
        ) : null}
      </div>

      {!v.approval ? (
        <>
          <h3 className="subhead">Ask the approver to sign</h3>
          <SignoffLinkForm version={v} show={props.show} />
          <h3 className="subhead">Or record an approval given elsewhere</h3>
          <p className="muted small">It is shown as recorded by you, with where it came from — never as the approver’s own sign-off.</p>
          <div className="script-form">
            <label htmlFor="approver">Approver</label>
            <select id="approver" value={approver} onChange={(e) => setApprover(e.target.value)} data-testid="approve-approver">
              {signers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
            <label htmlFor="approve-given">Given by</label>
            <select id="approve-given" value={given} onChange={(e) => setGiven(e.target.value as ApprovalChannel | '')} data-testid="approve-given">
              <option value="">— where did they approve? —</option>
              {APPROVAL_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
            <label htmlFor="approve-note">Note (required)</label>
            <input
              id="approve-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={1000}
              required
              placeholder="What they said, the email's subject, where the paper is filed"
              data-testid="approve-note"
            />
          </div>
          <ConfirmButton
            variant="ok"
            disabled={!canRecord}
            testId="version-approve"
            confirmLabel={`Confirm: record ${approverLabel}’s approval of v${v.number}, given by ${given ? CHANNEL_LABELS[given] : '?'}`}
            onConfirm={() =>
              given &&
              void act('script.approve', { versionId: v.id, hash: v.hash, approver, note: note.trim(), given }).then(
                (r) => r && toast.ok(`Version ${v.number}: ${approverLabel}’s approval recorded by you.`),
              )
            }
          >
            Record approval of hash {v.shortHash}…
          </ConfirmButton>

          <h3 className="subhead">Return with comments per cue</h3>
          <div className="script-form">
            <label htmlFor="reviewer">Reviewer</label>
            <select id="reviewer" value={reviewer} onChange={(e) => setReviewer(e.target.value)}>
              {signers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
          {comments.map((c, i) => (
            <div key={i} className="script-form">
              <select
                value={c.cueId}
                onChange={(e) => setComments(comments.map((x, j) => (j === i ? { ...x, cueId: e.target.value } : x)))}
                aria-label="Cue"
              >
                {cues.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.id} — {q.text.slice(0, 60)}
                  </option>
                ))}
              </select>
              <input
                value={c.comment}
                placeholder="What must change in this line"
                onChange={(e) => setComments(comments.map((x, j) => (j === i ? { ...x, comment: e.target.value } : x)))}
                aria-label="Comment"
              />
            </div>
          ))}
          <div className="version-actions">
            <Button onClick={() => cues[0] && setComments([...comments, { cueId: cues[0].id, comment: '' }])} disabled={cues.length === 0}>
              Add a line comment
            </Button>
            <Button
              variant="danger"
              disabled={comments.length === 0 || comments.some((c) => !c.comment.trim())}
              onClick={() =>
                void act('script.return', { versionId: v.id, reviewer: reviewerName, comments: comments.map((c) => ({ cueId: c.cueId, comment: c.comment.trim() })) }).then(
                  (r) => r && setComments([]),
                )
              }
            >
              Return with {comments.length} comment(s)
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
