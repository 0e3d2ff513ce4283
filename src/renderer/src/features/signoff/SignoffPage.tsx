// The approver's page behind a sign-off link (no station token: the link is the credential).
// Shows what changed since the last approved version with its compliance flags, then the exact
// text the host will read and its hash; approve signs that hash in the approver's
// own name, or return it with a comment on the lines that must change.
import { useEffect, useState } from 'react';
import type { ScriptVersionSummary, SignoffView } from '../../../../shared/contract/index';
import { Button } from '../../ui/Button';
import { ReviewEvidence } from '../cues/ReviewEvidence';
import { decisionBody, linkFromLocation, readSignoff, sendDecision } from './signoff.logic';
import './signoff.css';

type Phase =
  | { t: 'loading' }
  | { t: 'refused'; message: string }
  | { t: 'open'; view: SignoffView }
  | { t: 'done'; view: SignoffView; version: ScriptVersionSummary };

export function SignoffPage() {
  const [link] = useState(() => linkFromLocation(window.location.search));
  const [phase, setPhase] = useState<Phase>(() => (link ? { t: 'loading' } : { t: 'refused', message: 'This address carries no sign-off link. Open the link exactly as the producer sent it.' }));
  const [note, setNote] = useState('');
  const [comments, setComments] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!link) return;
    void readSignoff(fetch, link).then((r) => setPhase(r.ok ? { t: 'open', view: r.result } : { t: 'refused', message: r.message }));
  }, [link]);

  if (phase.t === 'loading') return <main className="signoff" aria-busy="true">Opening the script…</main>;
  if (phase.t === 'refused') {
    return (
      <main className="signoff">
        <h1>Script sign-off</h1>
        <p className="signoff-refused" role="alert" data-testid="signoff-refused">
          {phase.message}
        </p>
      </main>
    );
  }
  const { view } = phase;
  if (phase.t === 'done') {
    const a = phase.version.approval;
    return (
      <main className="signoff">
        <h1>Script sign-off</h1>
        <p className="signoff-done" data-testid="signoff-done">
          {a
            ? `Approved: version ${view.number} (${view.shortHash}) is signed in your name, ${view.approver}. The producer can load it into the host’s cue cards.`
            : `Returned: version ${view.number} goes back to the producer with your comments. It cannot reach the host until a new version is approved.`}
        </p>
      </main>
    );
  }

  const decide = async (decision: 'approve' | 'return') => {
    if (!link) return;
    const built = decisionBody(link, decision === 'approve' ? { decision, note } : { decision, note, comments });
    if (!built.ok) {
      setProblem(built.reason);
      return;
    }
    setBusy(true);
    setProblem(null);
    const r = await sendDecision(fetch, built.body);
    setBusy(false);
    if (r.ok) setPhase({ t: 'done', view, version: r.result.version });
    else setProblem(r.message);
  };

  return (
    <main className="signoff" data-testid="signoff-page">
      <h1>
        Script sign-off · {view.show.title} <span className="muted">({view.show.brand})</span>
      </h1>
      <p>
        {view.approver} ({view.approverRole}): this is version {view.number} of the host’s script, exactly as it would reach the cue cards, offers
        and prices filled in. Link from {view.createdBy}; valid until {new Date(view.expiresAt).toLocaleString()}.
      </p>
      <p className="mono signoff-hash" data-testid="signoff-hash">
        Content hash {view.hash}
      </p>
      <ReviewEvidence evidence={view.evidence} headingLevel="h2" />
      <h2 className="signoff-title">The whole text: {view.content.title}</h2>
      {view.content.segments.map((seg) => (
        <section key={seg.id} className="signoff-segment">
          <h3 className="subhead">{seg.title}</h3>
          <ol className="signoff-cues">
            {seg.cues.map((c) => (
              <li key={c.id} data-cue-id={c.id}>
                <span className="signoff-kind">{c.kind}</span>
                <span className="signoff-text">{c.text}</span>
                <input
                  className="signoff-comment"
                  aria-label={`Comment on ${c.id}`}
                  placeholder="comment to change this line (optional)"
                  value={comments[c.id] ?? ''}
                  onChange={(e) => setComments((m) => ({ ...m, [c.id]: e.target.value }))}
                />
              </li>
            ))}
          </ol>
        </section>
      ))}
      <div className="signoff-actions">
        <textarea aria-label="Note" placeholder="Note kept with your decision (e.g. exclusions you agreed)" value={note} onChange={(e) => setNote(e.target.value)} />
        <Button variant="ok" size="lg" disabled={busy} onClick={() => void decide('approve')} data-testid="signoff-approve">
          Approve this exact text
        </Button>
        <Button size="lg" disabled={busy} onClick={() => void decide('return')} data-testid="signoff-return">
          Return with my comments
        </Button>
      </div>
      {problem ? (
        <p className="signoff-refused" role="alert">
          {problem}
        </p>
      ) : null}
    </main>
  );
}
