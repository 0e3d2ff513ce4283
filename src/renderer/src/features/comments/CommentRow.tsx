// One row of the queue: wait time against the SLA, author over platform, then the text as the main
// column (two lines, wrapping; always as text, bidi isolated so right-to-left comments cannot flip
// the row), intent, SKU and who holds it. The view's header already says REHEARSAL.
import type { CommentRecord } from '../../../../shared/contract/index';
import { confidenceText, holderLabel, slaLevel, waitedSeconds } from './comments.logic';

/** `clusterSize`: how many open comments say the same thing (1: none). */
export function CommentRow(props: { c: CommentRecord; me: string; now: number; slaSeconds: number; selected: boolean; onSelect(): void; clusterSize: number }) {
  const { c, me, now } = props;
  const level = slaLevel(c, now, props.slaSeconds);
  const holder = holderLabel(c, me);
  return (
    <div
      role="option"
      aria-selected={props.selected}
      data-testid="comment-row"
      data-id={c.id}
      data-status={c.status}
      className={`comment-row ${props.selected ? 'selected' : ''} status-${c.status}`}
      onClick={props.onSelect}
    >
      <span className={`comment-wait num sla-${level}`} title={`waiting since ${new Date(c.receivedAt).toLocaleTimeString()}`}>
        {waitedSeconds(c, now)}s
      </span>
      <span className="comment-who">
        <span className="comment-author" dir="auto">
          {c.author}
        </span>
        <span className="comment-platform">{c.platform}</span>
      </span>
      <span className="comment-text" dir="auto" title={c.text}>
        {c.text}
      </span>
      <span className="comment-tags">
        {props.clusterSize > 1 ? (
          <span className="badge badge-amber" data-testid="comment-cluster" title="open comments saying the same thing">
            ×{props.clusterSize} asked
          </span>
        ) : null}
        <span className={`intent intent-${c.intent}`}>
          {c.intent} <span className="num">{confidenceText(c.confidence)}</span>
        </span>
        {c.sku ? <span className="comment-sku mono" data-testid="comment-sku">{c.sku}</span> : null}
        {c.pinned ? <span className="badge badge-green">PINNED</span> : null}
        {holder ? (
          <span className={`holder ${c.claimedBy === me ? 'holder-me' : 'holder-other'}`} data-testid="comment-holder">
            {holder}
          </span>
        ) : c.status === 'escalated' ? (
          <span className="holder holder-other">escalated</span>
        ) : null}
      </span>
    </div>
  );
}
