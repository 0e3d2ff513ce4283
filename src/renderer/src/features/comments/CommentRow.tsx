// One row of the desk: a work item. Wait time against the SLA (only for what needs a person),
// author over platform, then the text as the main column (two lines, wrapping; always as text,
// bidi isolated so right-to-left comments cannot flip the row), then how many people asked it,
// intent, SKU and who holds it. A done row says how it was answered (reply, group, pin).
import type { CommentRecord } from '../../../../shared/contract/index';
import { formatTimeOfDay } from '../../ui/format';
import { holderLabel, isOpenStatus, needsPerson, slaLevel, waitedSeconds } from './comments.logic';

const VIA_LABEL = { reply: 'replied', cluster: 'answered with its group', pin: 'answered by pin' } as const;

export function CommentRow(props: {
  /** Offset in the list (px): the row is placed by its list, never by the layout of its neighbours. */
  top: number;
  /**
   * Off screen and kept for reuse by the list: `hidden` (not painted, out of the accessibility tree,
   * never focusable; comments.css keeps its layout) and not counted as a comment row. It still holds
   * the last comment it showed.
   */
  parked?: boolean;
  c: CommentRecord;
  me: string;
  now: number;
  slaSeconds: number;
  selected: boolean;
  onSelect(): void;
  /** How many open comments this item holds (1: a lone comment). */
  clusterSize: number;
  clusterId?: string;
  /** A pinned answer covers this question: later askers are attached to it. */
  pinnedAnswer?: boolean;
  checked?: boolean;
  onCheck?: (() => void) | null;
}) {
  const { c, me, now } = props;
  const open = isOpenStatus(c.status);
  const clocked = open && needsPerson(c.intent);
  const level = slaLevel(c, now, props.slaSeconds);
  const holder = holderLabel(c, me);
  return (
    <div
      role="option"
      aria-selected={props.selected}
      aria-checked={props.onCheck ? (props.checked ?? false) : undefined}
      hidden={props.parked}
      data-testid={props.parked ? 'comment-row-parked' : 'comment-row'}
      data-id={c.id}
      data-cluster={props.clusterId}
      data-size={props.clusterSize}
      data-intent={c.intent}
      data-status={c.status}
      className={`comment-row ${props.selected ? 'selected' : ''} status-${c.status} ${props.checked ? 'checked' : ''}`}
      style={{ top: props.top }}
      onClick={props.onSelect}
    >
      {props.onCheck ? (
        // A mouse affordance only: an option may hold no focusable control (not even with a negative
        // tabindex), so this box is a plain element, the row carries the state (aria-checked) and
        // Space toggles it from the keyboard.
        <span
          className={`row-check ${props.checked ? 'row-check-on' : ''}`}
          aria-hidden="true"
          title="Select for a bulk action"
          onClick={(e) => {
            e.stopPropagation();
            props.onCheck?.();
          }}
          data-testid="row-check"
        >
          {props.checked ? '✓' : ''}
        </span>
      ) : null}
      {clocked || !open ? (
        <span className={`comment-wait num sla-${level}`} title={`waiting since ${formatTimeOfDay(c.receivedAt)}`}>
          {waitedSeconds(c, now)}s
        </span>
      ) : (
        <span className="comment-wait num muted" title="no SLA clock: nothing here waits on a person">
          —
        </span>
      )}
      <span className="comment-who">
        <span className="comment-author" dir="auto">
          {c.author}
        </span>
        <span className="comment-platform">{c.platform}</span>
      </span>
      <span className="comment-text" dir="auto" title={c.text}>
        {props.clusterSize > 1 ? (
          <strong className="cluster-count" data-testid="comment-cluster">
            {props.clusterSize} people asked:{' '}
          </strong>
        ) : null}
        {c.text}
      </span>
      <span className="comment-tags">
        <span className={`intent intent-${c.intent}`}>{c.intent}</span>
        {c.sku ? (
          <span className="comment-sku mono" data-testid="comment-sku">
            {c.sku}
          </span>
        ) : c.contextSku ? (
          <span className="comment-sku comment-sku-assumed mono" data-testid="comment-sku-assumed" title="Names no product: counted for the product pinned when it arrived (an assumption)">
            assumed {c.contextSku}
          </span>
        ) : null}
        {props.pinnedAnswer ? <span className="badge badge-green">ANSWER PINNED</span> : null}
        {c.pinned ? <span className="badge badge-green">ON HOST CARD</span> : null}
        {!open && c.answeredVia ? (
          <span className={`via via-${c.answeredVia}`} data-testid="comment-via">
            {VIA_LABEL[c.answeredVia]}
          </span>
        ) : null}
        {holder ? (
          <span className={`holder ${c.claimedBy === me ? 'holder-me' : 'holder-other'}`} data-testid="comment-holder" title={holder}>
            {holder}
          </span>
        ) : c.status === 'escalated' ? (
          <span className="holder holder-other">escalated</span>
        ) : null}
      </span>
    </div>
  );
}
