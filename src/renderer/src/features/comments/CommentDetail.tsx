// The selected comment in full, with its actions and their keys. Actions someone else's claim
// forbids are disabled here, and the station refuses them anyway.
import { memo } from 'react';
import type { CommentRecord, Intent } from '../../../../shared/contract/index';
import { INTENTS } from '../../../../shared/contract/constants';
import { Button } from '../../ui/Button';
import { formatTimeOfDay } from '../../ui/format';
import { groupReasons } from './reasons.logic';
import { useShowIsRehearsal } from '../../ui/use-rehearsal';
import { confidenceText, heldByOther, holderLabel, isOpenStatus, QUEUE_LABELS, slaLevel, waitedSeconds } from './comments.logic';

export interface DetailActions {
  claim(): void;
  release(): void;
  reply(): void;
  escalate(): void;
  dismiss(): void;
  pin(): void;
  correct(intent: Intent): void;
}

/** Memoised: the desk hands it stable actions, so a summary patch or a list re-read leaves it alone. */
export const CommentDetail = memo(function CommentDetail(props: { c: CommentRecord | null; me: string; now: number; slaSeconds: number; pinnedId: string | null; actions: DetailActions }) {
  const saidOnce = useShowIsRehearsal();
  const { c, me, actions } = props;
  if (!c) return <p className="muted">No comment selected. j / k move through the queue.</p>;
  const other = heldByOther(c, me);
  const open = isOpenStatus(c.status);
  const mine = c.status === 'claimed' && c.claimedBy === me;
  const holder = holderLabel(c, me);
  return (
    <div className="comment-detail" data-testid="comment-detail" data-id={c.id}>
      {c.rehearsal && !saidOnce ? <div className="badge badge-rehearsal">REHEARSAL — replayed, not a real viewer</div> : null}
      <p className="detail-text" dir="auto" data-testid="detail-text">
        {c.text}
      </p>
      <dl className="facts">
        <dt>From</dt>
        <dd dir="auto">
          {c.author} <span className="muted">on {c.platform}</span>
        </dd>
        <dt>Waiting</dt>
        <dd className={`num sla-${slaLevel(c, props.now, props.slaSeconds)}`}>
          {waitedSeconds(c, props.now)} s <span className="muted">(SLA {props.slaSeconds} s, received {formatTimeOfDay(c.receivedAt)})</span>
        </dd>
        <dt>Intent</dt>
        <dd>
          {c.intent} <span className="num muted">{confidenceText(c.confidence)}</span>
          {c.correctedFrom ? <span className="muted"> (corrected from {c.correctedFrom})</span> : null}
        </dd>
        <dt>Queue</dt>
        <dd data-testid="detail-queue">{QUEUE_LABELS[c.queue]}</dd>
        <dt>Product</dt>
        <dd className="mono">
          {c.sku ?? '—'}
          {c.offerCode ? ` · ${c.offerCode}` : ''}
          {!c.sku && c.contextSku ? (
            <span className="muted" data-testid="detail-assumed-sku">
              {' '}
              (none named; assumed the pinned {c.contextSku})
            </span>
          ) : null}
        </dd>
        <dt>Status</dt>
        <dd data-testid="detail-status">
          {holder ?? c.status}
          {c.reply ? <span className="muted"> — replied “{c.reply}”</span> : null}
          {c.note ? <span className="muted"> — {c.note}</span> : null}
        </dd>
        {c.reasons.length ? <Why c={c} /> : null}
      </dl>
      <div className="detail-actions">
        {mine ? (
          <Button onClick={actions.release} hotkey="u">
            Release
          </Button>
        ) : (
          <Button variant="primary" size="lg" onClick={actions.claim} disabled={!open || other} hotkey="c" data-testid="claim">
            Claim
          </Button>
        )}
        <Button size="lg" onClick={actions.reply} disabled={!open || other} hotkey="r" data-testid="reply">
          Reply
        </Button>
        <Button size="lg" onClick={actions.escalate} disabled={!open || other} hotkey="e">
          Escalate
        </Button>
        <Button size="lg" onClick={actions.dismiss} disabled={!open || other} hotkey="x">
          Dismiss
        </Button>
        <Button size="lg" variant={props.pinnedId === c.id ? 'selected' : 'default'} onClick={actions.pin} hotkey="p">
          {props.pinnedId === c.id ? 'Unpin from host' : 'Pin to host'}
        </Button>
      </div>
      <label className="detail-correct">
        Correct intent{' '}
        <select value={c.intent} onChange={(e) => actions.correct(e.target.value as Intent)} data-testid="correct-intent">
          {INTENTS.map((i) => (
            <option key={i} value={i}>
              {i}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
});

/** The classifier's reasons: rule hits, the learned model's strongest features, the product match and its candidates, the assumed product. */
function Why(props: { c: CommentRecord }) {
  const g = groupReasons(props.c);
  return (
    <>
      <dt>Why</dt>
      <dd className="muted small" data-testid="detail-why">
        {g.rules.length || g.other.length ? <div>{[...g.rules, ...g.other].join(' · ')}</div> : null}
        {g.model.length ? <div data-testid="detail-why-model">model: {g.model.join(' · ')}</div> : null}
        {g.product.length ? <div>{g.product.join(' · ')}</div> : null}
        {g.assumed ? (
          <div data-testid="detail-assumption">
            assumption: the comment names no single product; counted for the pinned <span className="mono">{g.assumed}</span> — not a match
          </div>
        ) : null}
        {g.candidates.length ? (
          <div data-testid="detail-candidates">
            could be: <span className="mono">{g.candidates.join(', ')}</span>
          </div>
        ) : null}
      </dd>
    </>
  );
}
