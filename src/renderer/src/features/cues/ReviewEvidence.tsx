// The evidence of a review, the same on the producer's screen and the approver's page: the diff
// against the last approved version, each compliance flag highlighted in its line with its reason.
import type { ReviewEvidence as Evidence } from '../../../../shared/contract/index';
import { collapseUnchanged, highlight, reviewHeadline } from './script-panel.logic';
import './cues.css';

export function ReviewEvidence(props: { evidence: Evidence; headingLevel?: 'h2' | 'h3' }) {
  const e = props.evidence;
  const Heading = props.headingLevel ?? 'h3';
  const flagged = e.lines.filter((l) => l.flags.length > 0);
  return (
    <section className="review-evidence" data-testid="review-evidence" aria-label="Changes and compliance flags">
      <Heading className="subhead" data-testid="review-headline">
        {reviewHeadline(e)}
      </Heading>
      {flagged.length > 0 ? (
        <ul className="review-flags" data-testid="review-flags">
          {flagged.flatMap((l) =>
            l.flags.map((f, i) => (
              <li key={`${l.cueId ?? ''}:${f.start}:${i}`}>
                <span className="badge badge-red">{f.kind.toUpperCase()}</span> {l.cueId ? <span className="mono">{l.cueId}</span> : null} {f.reason}
              </li>
            )),
          )}
        </ul>
      ) : null}
      {/* Focusable: a long diff scrolls inside itself, from the keyboard too. */}
      <pre className="diff" data-testid="review-diff" tabIndex={0} aria-label="Line changes">
        {collapseUnchanged(e.lines).map((l, i) =>
          'skipped' in l ? (
            <div key={i} className="diff-line diff-skip muted">
              … {l.skipped} unchanged line{l.skipped === 1 ? '' : 's'}
            </div>
          ) : (
            <div key={i} className={`diff-line diff-${l.op}`} data-flagged={l.flags.length > 0 ? 'true' : undefined}>
              <span aria-hidden="true">{l.op === 'add' ? '+ ' : l.op === 'del' ? '− ' : '  '}</span>
              <span className="sr-only">{l.op === 'add' ? 'added: ' : l.op === 'del' ? 'removed: ' : ''}</span>
              {highlight(l.text, l.flags).map((p, j) =>
                p.hit ? (
                  <mark key={j} className="claim-hit" title={p.hit.reason}>
                    {p.text}
                  </mark>
                ) : (
                  <span key={j}>{p.text}</span>
                ),
              )}
            </div>
          ),
        )}
      </pre>
    </section>
  );
}
