// The /moderator page body: queues with counts, a virtualised list that stays smooth with 100,000
// comments, and the selected comment's actions — all on the keyboard (j/k move, c claim, r reply,
// e escalate, x dismiss, p pin, u release, 1–6 queues). Claims show on every desk at once.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Intent } from '../../../../shared/contract/index';
import type { QueueName } from '../../../../shared/show/show.schema';
import { useSend, useSlice, useStation } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { useToast, describeError } from '../../ui/toasts';
import { useHotkeys, type HotkeyMap } from '../../ui/hotkeys';
import { useNow } from '../../ui/use-now';
import { Button } from '../../ui/Button';
import { CommentRow } from './CommentRow';
import { CommentDetail } from './CommentDetail';
import { useCommentsFeed } from './use-comments';
import { clustersOf, facet, heldByOther, keepSelection, moveSelection, NO_FILTERS, QUEUE_LABELS, QUEUE_ORDER, queueLevel, visibleComments, type Filters } from './comments.logic';
import { readModeratorName, saveModeratorName } from './moderator-identity';
import { replyWithMacro } from './reply.flow';
import { macroReply } from '../../../../shared/show/macro.reply';
import { DeskOffers } from './DeskOffers';
import { useShowIsRehearsal } from '../../ui/use-rehearsal';
import './comments.css';

const ROW_HEIGHT = 60;

export function ModeratorView() {
  const comments = useSlice('comments');
  const show = useSlice('show')?.current ?? null;
  const linked = useStation((v) => v.connection === 'open');
  const [typedMe, setMe] = useState<string | null>(() => readModeratorName(window.location, window.sessionStorage));
  // Signed in with a personal link: the desk is that account (the station records it as the actor).
  const account = useStation((v) => (v.person ? v.actor : null));
  const me = account ?? typedMe;
  if (!me) {
    const names = (show?.people ?? []).filter((p) => p.role === 'moderator' || p.role === 'producer' || p.role === 'customer-service').map((p) => p.name);
    return (
      <IdentityPicker
        names={names}
        onPick={(name) => {
          saveModeratorName(window.sessionStorage, name);
          setMe(name);
        }}
      />
    );
  }
  return <Desk me={me} linked={linked} comments={comments} onChangeMe={account ? null : () => setMe(null)} />;
}

function IdentityPicker(props: { names: string[]; onPick(name: string): void }) {
  const [typed, setTyped] = useState('');
  return (
    <div className="mod-identity" data-testid="moderator-identity">
      <h2>Who is at this desk?</h2>
      <p className="muted">Your name is shown to the other moderators when you claim a comment.</p>
      <div className="mod-identity-names">
        {props.names.map((n) => (
          <Button key={n} size="lg" onClick={() => props.onPick(n)}>
            {n}
          </Button>
        ))}
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim()) props.onPick(typed.trim());
        }}
      >
        <input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder="Another name" maxLength={80} aria-label="Your name" />
        <Button type="submit" variant="primary">
          Start
        </Button>
      </form>
    </div>
  );
}

function Desk(props: { me: string; linked: boolean; comments: ReturnType<typeof useSlice<'comments'>>; onChangeMe: (() => void) | null }) {
  const { me, comments } = props;
  const feed = useCommentsFeed();
  const send = useSend();
  const act = useAction();
  const toast = useToast();
  const now = useNow(1000);
  const macros = useSlice('show')?.current?.comments.macros ?? [];
  const offersSlice = useSlice('offers');
  const offers = useMemo(() => offersSlice?.items ?? [], [offersSlice]);
  const pausedOffers = useMemo(() => new Set(offers.filter((o) => o.intent === 'paused').map((o) => o.id)), [offers]);
  const saidOnce = useShowIsRehearsal();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selected, setSelected] = useState<string | null>(null);
  const [picking, setPicking] = useState(false);
  const lastIndex = useRef(0);
  const sla = comments?.slaSeconds ?? 60;

  const list = useMemo(() => visibleComments(feed.col, filters), [feed.col, feed.version, filters]); // eslint-disable-line react-hooks/exhaustive-deps
  const facets = useMemo(
    () => ({ sku: facet(feed.col, 'sku'), lang: facet(feed.col, 'lang'), platform: facet(feed.col, 'platform') }),
    [feed.col, feed.version], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const current = selected ? (feed.col.byId.get(selected) ?? null) : null;
  // The same question from many viewers is answered once: one public reply, every asker marked.
  const clusterKeys = useRef(new Map<string, string>());
  const clusters = useMemo(() => clustersOf(list, clusterKeys.current), [list]);
  const cluster = current ? (clusters.get(current.id) ?? null) : null;

  useEffect(() => {
    const next = keepSelection(list, selected, lastIndex.current);
    if (next !== selected) setSelected(next);
    const i = next ? list.findIndex((c) => c.id === next) : -1;
    if (i >= 0) lastIndex.current = i;
  }, [list, selected]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: list.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const select = (id: string | null) => {
    setSelected(id);
    const i = id ? list.findIndex((c) => c.id === id) : -1;
    if (i >= 0) {
      lastIndex.current = i;
      virtual.scrollToIndex(i, { align: 'auto' });
    }
  };

  const sourceOf = (id: string) => comments?.sources.find((s) => s.id === id);
  const actions = {
    claim: () => current && void act('comment.claim', { id: current.id, by: me }),
    release: () => current && void act('comment.release', { id: current.id, by: me }),
    escalate: () => current && void act('comment.escalate', { id: current.id, by: me }),
    dismiss: () => current && void act('comment.dismiss', { id: current.id, by: me }),
    pin: () => current && void act('comment.pin', { id: comments?.pinned?.id === current.id ? null : current.id }),
    correct: (intent: Intent) => current && void act('comment.correct', { id: current.id, intent, by: me }),
    reply: () => {
      if (!current || heldByOther(current, me)) return;
      if (macros.length === 0) {
        toast.error('This show has no approved reply macros.');
        return;
      }
      // Claim first, so no one else starts on it while the reply is chosen.
      if (current.status !== 'claimed') void act('comment.claim', { id: current.id, by: me });
      setPicking(true);
    },
  };

  const chooseMacro = async (index: number) => {
    const macro = macros[index];
    if (!current || !macro) return;
    const resolved = macroReply(macro, current.lang || null, pausedOffers);
    if (!resolved.ok) {
      toast.error(resolved.reason);
      return;
    }
    setPicking(false);
    try {
      const outcome = await replyWithMacro(send, {
        commentId: current.id,
        macroId: macro.id,
        text: resolved.text,
        canSend: sourceOf(current.source)?.canReply ?? false,
        by: me,
      });
      if (!outcome.ok) {
        toast.error(outcome.reason);
        return;
      }
      let others = 0;
      for (const id of cluster ?? []) {
        const c = feed.col.byId.get(id);
        if (!c || id === current.id || heldByOther(c, me)) continue;
        try {
          await send('comment.answer', { id, macroId: macro.id, send: false, by: me });
          others += 1;
        } catch {
          // Taken or closed meanwhile by someone else: their answer stands.
        }
      }
      toast.ok(
        `${outcome.how === 'sent' ? `Sent on ${current.platform}` : `Copied — paste it in ${current.platform}`}: “${macro.label}”${others ? ` — answers ${others + 1} people who asked the same` : ''}${outcome.note ? ` (${outcome.note})` : ''}`,
      );
    } catch (error) {
      toast.error(describeError(error));
    }
  };

  const setQueue = (q: QueueName | 'all') => setFilters((f) => ({ ...f, queue: q }));
  const keys: HotkeyMap = picking
    ? {
        Escape: () => setPicking(false),
        ...Object.fromEntries(macros.slice(0, 9).map((_, i) => [String(i + 1), () => void chooseMacro(i)])),
      }
    : {
        j: () => select(moveSelection(list, selected, 1)),
        k: () => select(moveSelection(list, selected, -1)),
        ArrowDown: () => select(moveSelection(list, selected, 1)),
        ArrowUp: () => select(moveSelection(list, selected, -1)),
        c: actions.claim,
        u: actions.release,
        r: actions.reply,
        e: actions.escalate,
        x: actions.dismiss,
        p: actions.pin,
        ...Object.fromEntries(QUEUE_ORDER.map((q, i) => [String(i + 1), () => setQueue(q)])),
      };
  useHotkeys(keys, props.linked);

  const queues = comments?.queues ?? [];
  return (
    <div className="mod-view" data-testid="moderator-view">
      {comments?.rehearsal && !saidOnce ? (
        <div className="banner banner-amber" data-testid="rehearsal-banner">
          REHEARSAL — comments are replayed from a file, not a live audience
        </div>
      ) : null}
      <div className="mod-bar">
        <span>
          Desk: <strong data-testid="moderator-name">{me}</strong>{' '}
          {props.onChangeMe ? (
            <Button variant="ghost" onClick={props.onChangeMe}>
              change
            </Button>
          ) : null}
        </span>
        <FilterSelect label="Intent" value={filters.intent} options={['order', 'question', 'complaint', 'spam', 'other']} onChange={(v) => setFilters((f) => ({ ...f, intent: v as Filters['intent'] }))} />
        <FilterSelect label="SKU" value={filters.sku} options={facets.sku} onChange={(v) => setFilters((f) => ({ ...f, sku: v }))} />
        <FilterSelect label="Language" value={filters.lang} options={facets.lang} onChange={(v) => setFilters((f) => ({ ...f, lang: v }))} />
        <FilterSelect label="Platform" value={filters.platform} options={facets.platform} onChange={(v) => setFilters((f) => ({ ...f, platform: v }))} />
        <label className="mod-toggle">
          <input type="checkbox" checked={filters.done} onChange={(e) => setFilters((f) => ({ ...f, done: e.target.checked }))} /> done
        </label>
        <DeskOffers offers={offers} />
        <span className="muted num" data-testid="list-count">
          {feed.loading ? 'loading…' : `${list.length.toLocaleString('en')} shown`}
        </span>
      </div>
      {feed.error ? <div className="banner banner-red">Comments could not be loaded: {feed.error}</div> : null}
      <div className="mod-body">
        <nav className="mod-queues" aria-label="Queues">
          <button type="button" className={`queue-tab ${filters.queue === 'all' ? 'active' : ''}`} onClick={() => setQueue('all')} data-testid="queue-all">
            <span>All open (no spam)</span>
            <span className="num">{queues.reduce((a, q) => a + (q.name === 'spam' ? 0 : q.open), 0)}</span>
          </button>
          {QUEUE_ORDER.map((name, i) => {
            const q = queues.find((x) => x.name === name);
            const level = q ? queueLevel(q) : 'idle';
            return (
              <button
                key={name}
                type="button"
                className={`queue-tab level-${level} ${filters.queue === name ? 'active' : ''}`}
                onClick={() => setQueue(name)}
                data-testid={`queue-${name}`}
                title={q?.overflowReason ?? undefined}
              >
                <span>
                  <span className="kbd">{i + 1}</span> {QUEUE_LABELS[name]}
                </span>
                <span className="num" data-testid={`queue-count-${name}`}>
                  {q?.open ?? 0}
                </span>
                {q?.overflow ? <span className="queue-overflow">OVERFLOW · {q.overflowReason}</span> : null}
              </button>
            );
          })}
        </nav>
        {/* An empty listbox is an error to assistive tech: with no rows it is a plain region saying so. */}
        <div className="mod-list" ref={scrollRef} role={list.length > 0 ? 'listbox' : 'region'} aria-label="Comments" data-testid="comment-list">
          {list.length === 0 && !feed.loading ? <p className="muted mod-empty">Nothing waiting here.</p> : null}
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((v) => {
              const c = list[v.index];
              if (!c) return null;
              return (
                <div key={c.id} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}>
                  <CommentRow c={c} me={me} now={now} slaSeconds={sla} selected={c.id === selected} onSelect={() => select(c.id)} clusterSize={clusters.get(c.id)?.length ?? 1} />
                </div>
              );
            })}
          </div>
        </div>
        <aside className="mod-detail">
          {cluster && current ? (
            <p className="cluster-note" data-testid="cluster-note">
              <strong>{cluster.length} people asked this.</strong> One reply answers all of them (one public reply, every asker marked answered).
            </p>
          ) : null}
          <CommentDetail c={current} me={me} now={now} slaSeconds={sla} pinnedId={comments?.pinned?.id ?? null} actions={actions} />
          {picking ? (
            <div className="macro-picker" data-testid="macro-picker">
              <h3>Approved replies</h3>
              <ol>
                {macros.map((m, i) => {
                  const r = macroReply(m, current?.lang || null, pausedOffers);
                  return (
                    <li key={m.id} data-variant={r.ok ? r.variant : 'blocked'}>
                      <Button onClick={() => void chooseMacro(i)} data-testid={`macro-${m.id}`} disabled={!r.ok}>
                        <span className="kbd">{i + 1}</span> {m.label}
                        {r.ok && r.variant === 'paused' ? <span className="badge badge-red">PAUSED TEXT</span> : null}
                        {r.ok && r.lang ? <span className="badge">{r.lang}</span> : null}
                      </Button>
                      <span className="small macro-text" data-testid={`macro-text-${m.id}`}>
                        {r.ok ? r.text : r.reason}
                      </span>
                    </li>
                  );
                })}
              </ol>
              <Button variant="ghost" onClick={() => setPicking(false)}>
                Cancel (Esc)
              </Button>
            </div>
          ) : null}
        </aside>
      </div>
      <footer className="mod-keys muted small">j/k move · c claim · r reply · e escalate · x dismiss · p pin to host · u release · 1–6 queues</footer>
    </div>
  );
}

function FilterSelect(props: { label: string; value: string; options: readonly string[]; onChange(v: string): void }) {
  return (
    <label className="mod-filter">
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)} data-testid={`filter-${props.label.toLowerCase()}`}>
        <option value="all">all</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
