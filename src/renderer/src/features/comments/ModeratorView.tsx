// The /moderator page body: queues with counts, the work items paged from the station (a group of
// people asking the same thing is one row, answered once) in a virtualised list, and the selected
// item's actions — all on the keyboard (j/k move, r reply, space select, c claim, e escalate,
// x dismiss, p pin, u release, 1–6 queues). Claims show on every desk at once.
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnswerPin, GroupWorkProgress, Intent, QueueSummary, UnsurePost } from '../../../../shared/contract/index';
import type { QueueName } from '../../../../shared/show/show.schema';
import { useSend, useSlice, useStation } from '../../state/station.store';
import { useAction } from '../../state/use-action';
import { useToast, describeError, ToastSlot } from '../../ui/toasts';
import { useHotkeys, type HotkeyMap } from '../../ui/hotkeys';
import { useNow } from '../../ui/use-now';
import { formatCount } from '../../ui/format';
import { Button } from '../../ui/Button';
import { DeskList, type DeskListHandle } from './DeskList';
import { CommentDetail, type DetailActions } from './CommentDetail';
import { useDeskWindow } from './use-desk-window';
import { indexOf, itemAt } from './desk-window.logic';
import { deskFilterOf, heldByOther, NO_FILTERS, QUEUE_LABELS, QUEUE_ORDER, queueLevel, type Filters } from './comments.logic';
import { readModeratorName, saveModeratorName } from './moderator-identity';
import { overflowShort } from './queue-label.logic';
import { bulkOutcome, replyToCluster } from './reply.flow';
import { groupProgressText, progressOf } from './group-progress.logic';
import { macroReply } from '../../../../shared/show/macro.reply';
import { MacroPicker } from './MacroPicker';
import { UnsurePosts } from './UnsurePosts';
import { DeskOffers } from './DeskOffers';
import { useShowIsRehearsal } from '../../ui/use-rehearsal';
import './comments.css';

/** `initial`: the desk's first filters (customer service opens on its own queue). */
export function ModeratorView(props: { initial?: Partial<Filters> } = {}) {
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
  return <Desk me={me} linked={linked} comments={comments} onChangeMe={account ? null : () => setMe(null)} initial={props.initial} />;
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

function Desk(props: { me: string; linked: boolean; comments: ReturnType<typeof useSlice<'comments'>>; onChangeMe: (() => void) | null; initial?: Partial<Filters> | undefined }) {
  const { me, comments } = props;
  const send = useSend();
  const act = useAction();
  const toast = useToast();
  const now = useNow(1000);
  const macros = useSlice('show')?.current?.comments.macros ?? [];
  const offersSlice = useSlice('offers');
  const offers = useMemo(() => offersSlice?.items ?? [], [offersSlice]);
  const pausedOffers = useMemo(() => new Set(offers.filter((o) => o.intent === 'paused').map((o) => o.id)), [offers]);
  const saidOnce = useShowIsRehearsal();
  const [filters, setFilters] = useState<Filters>(() => ({ ...NO_FILTERS, ...props.initial }));
  const [selectedIndex, setSelectedIndex] = useState(0);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // The selected items and each one's language: a bulk answer goes out in each item's own language.
  const [checked, setChecked] = useState<ReadonlyMap<string, string | null>>(new Map());
  const [picking, setPicking] = useState<'one' | 'bulk' | null>(null);
  const [pinAnswer, setPinAnswer] = useState(true);
  const sla = comments?.slaSeconds ?? 60;

  const filter = useMemo(() => deskFilterOf(filters), [filters]);
  const desk = useDeskWindow(filter, selectedId ? selectedIndex : null);
  const total = desk.cache.total;
  const listRef = useRef<DeskListHandle>(null);
  const cacheRef = useRef(desk.cache);
  cacheRef.current = desk.cache;

  // Keep the selection on its item when the order moves; when it is gone (answered), the item now in its place.
  useEffect(() => {
    if (selectedId) {
      const i = indexOf(desk.cache, selectedId);
      if (i >= 0) {
        if (i !== selectedIndex) setSelectedIndex(i);
        return;
      }
    }
    const at = Math.max(0, Math.min(selectedIndex, total - 1));
    const next = total > 0 ? (itemAt(desk.cache, at)?.id ?? null) : null;
    if (next !== selectedId && (next !== null || total === 0)) {
      setSelectedId(next);
      if (at !== selectedIndex) setSelectedIndex(at);
    }
  }, [desk.tick, total]); // eslint-disable-line react-hooks/exhaustive-deps

  const currentItem = selectedId ? (itemAt(desk.cache, selectedIndex)?.id === selectedId ? itemAt(desk.cache, selectedIndex) : undefined) : undefined;
  const current = currentItem?.comment ?? null;

  const selectIndex = (i: number) => {
    if (total === 0) return;
    const at = Math.max(0, Math.min(total - 1, i));
    setSelectedIndex(at);
    setSelectedId(itemAt(desk.cache, at)?.id ?? null);
    listRef.current?.show(at);
  };

  const sourceOf = (id: string) => comments?.sources.find((s) => s.id === id);
  const isCluster = (currentItem?.size ?? 1) > 1;
  const afterAct = () => desk.refresh();
  const bulk = async (clusterIds: string[], action: 'dismiss' | 'escalate' | 'answer', macroId?: string) => {
    try {
      // An answer is posted wherever the chat source can post (once per room and language, by the station).
      const r = await send('comments.bulk', { clusterIds, action, by: me, ...(macroId ? { macroId, send: true } : {}) });
      toast.ok(bulkOutcome(action, r));
      setChecked(new Map());
    } catch (error) {
      toast.error(describeError(error));
    }
    afterAct();
  };
  const actions = {
    claim: () => current && void act('comment.claim', { id: current.id, by: me }).then(afterAct),
    release: () => current && void act('comment.release', { id: current.id, by: me }).then(afterAct),
    escalate: () => {
      if (!current || !currentItem) return;
      if (isCluster && !filters.done) void bulk([currentItem.id], 'escalate');
      else void act('comment.escalate', { id: current.id, by: me }).then(afterAct);
    },
    dismiss: () => {
      if (!current || !currentItem) return;
      if (isCluster && !filters.done) void bulk([currentItem.id], 'dismiss');
      else void act('comment.dismiss', { id: current.id, by: me }).then(afterAct);
    },
    pin: () => current && void act('comment.pin', { id: comments?.pinned?.id === current.id ? null : current.id }),
    correct: (intent: Intent) => current && void act('comment.correct', { id: current.id, intent, by: me }).then(afterAct),
    reply: () => {
      if (!current || heldByOther(current, me) || filters.done) return;
      if (macros.length === 0) {
        toast.error('This show has no approved reply macros.');
        return;
      }
      // Claim first, so no one else starts on it while the reply is chosen.
      if (current.status !== 'claimed') void act('comment.claim', { id: current.id, by: me });
      setPicking('one');
    },
  };

  // The detail is memoised: it gets one stable set of actions that call this render's.
  const actionsRef = useRef(actions);
  actionsRef.current = actions;
  const stableActions = useMemo<DetailActions>(
    () => ({
      claim: () => actionsRef.current.claim(),
      release: () => actionsRef.current.release(),
      reply: () => actionsRef.current.reply(),
      escalate: () => actionsRef.current.escalate(),
      dismiss: () => actionsRef.current.dismiss(),
      pin: () => actionsRef.current.pin(),
      correct: (intent) => actionsRef.current.correct(intent),
    }),
    [],
  );

  const chooseMacro = async (index: number) => {
    const macro = macros[index];
    if (!macro) return;
    if (picking === 'bulk') {
      setPicking(null);
      await bulk([...checked.keys()], 'answer', macro.id);
      return;
    }
    if (!current || !currentItem) return;
    const resolved = macroReply(macro, current.lang || null, pausedOffers);
    if (!resolved.ok) {
      toast.error(resolved.reason);
      return;
    }
    setPicking(null);
    try {
      const outcome = await replyToCluster(send, {
        clusterId: currentItem.id,
        macroId: macro.id,
        text: resolved.text,
        canSend: sourceOf(current.source)?.canReply ?? false,
        pin: pinAnswer,
        by: me,
      });
      if (!outcome.ok) {
        toast.error(outcome.reason);
        return;
      }
      const n = outcome.answered ?? 1;
      toast.ok(
        `${outcome.how === 'sent' ? `Sent on ${current.platform}` : `Copied — paste it in ${current.platform}`}: “${macro.label}”${n > 1 ? ` — answers ${n} people who asked the same` : ''}${pinAnswer ? ' · pinned: later identical questions are attached to it' : ''}${outcome.note ? ` (${outcome.note})` : ''}`,
      );
    } catch (error) {
      toast.error(describeError(error));
    }
    afterAct();
  };

  // Stable for the memoised rows: a row re-renders when what it shows changed, not when the desk did.
  const toggleChecked = useCallback(
    (id: string) =>
      setChecked((old) => {
        const next = new Map(old);
        if (next.has(id)) next.delete(id);
        else if (next.size < 100) next.set(id, itemAt(cacheRef.current, indexOf(cacheRef.current, id))?.comment.lang || null);
        return next;
      }),
    [],
  );
  const onSelectRow = useCallback((index: number, id: string) => {
    setSelectedIndex(index);
    setSelectedId(id);
  }, []);

  // Stable, so the memoised queue tabs and filters re-render only when what they show changed.
  const setFilter = useCallback((patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setChecked(new Map());
    setSelectedIndex(0);
    setSelectedId(null);
    listRef.current?.toTop();
  }, []);
  const setQueue = useCallback((q: QueueName | 'all') => setFilter({ queue: q }), [setFilter]);
  const onFilter = useCallback((name: FilterName, v: string) => setFilter({ [name]: v }), [setFilter]);
  const onUnpin = useCallback((clusterId: string) => void act('cluster.unpin', { clusterId }), [act]);
  const keys: HotkeyMap = picking
    ? {
        Escape: () => setPicking(null),
        ...Object.fromEntries(macros.slice(0, 9).map((_, i) => [String(i + 1), () => void chooseMacro(i)])),
      }
    : {
        j: () => selectIndex(selectedIndex + 1),
        k: () => selectIndex(selectedIndex - 1),
        ArrowDown: () => selectIndex(selectedIndex + 1),
        ArrowUp: () => selectIndex(selectedIndex - 1),
        c: actions.claim,
        u: actions.release,
        r: actions.reply,
        e: actions.escalate,
        x: actions.dismiss,
        p: actions.pin,
        ' ': () => currentItem && !filters.done && toggleChecked(currentItem.id),
        ...Object.fromEntries(QUEUE_ORDER.map((q, i) => [String(i + 1), () => setQueue(q)])),
      };
  useHotkeys(keys, props.linked);

  const queues = comments?.queues ?? NO_QUEUES;
  const answerPins = comments?.answerPins ?? NO_PINS;
  const answering = comments?.answering ?? NO_PROGRESS;
  const currentProgress = progressOf(answering, currentItem?.id);
  const unsurePosts = comments?.unsurePosts ?? NO_UNSURE;
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
        <FilterSelect name="intent" label="Intent" value={filters.intent} options={INTENT_FILTERS} onChange={onFilter} />
        <FilterSelect name="sku" label="SKU" value={filters.sku} options={desk.facets.sku} onChange={onFilter} />
        <FilterSelect name="lang" label="Language" value={filters.lang} options={desk.facets.lang} onChange={onFilter} />
        <FilterSelect name="platform" label="Platform" value={filters.platform} options={desk.facets.platform} onChange={onFilter} />
        <label className="mod-toggle">
          <input type="checkbox" checked={filters.done} onChange={(e) => setFilter({ done: e.target.checked })} /> done
        </label>
        <span className="muted num" data-testid="list-count" title="work items: a group of people asking the same thing is one item">
          {desk.loading ? 'loading…' : `${formatCount(total)} shown`}
        </span>
      </div>
      {desk.error ? <div className="banner banner-red">Comments could not be loaded: {desk.error}</div> : null}
      <div className="mod-body">
        <div className="mod-side">
          <DeskOffers offers={offers} />
          <QueueNav queues={queues} active={filters.queue} onPick={setQueue} comments={comments} />
        </div>
        <div className="mod-list-col">
          {checked.size > 0 ? (
            <div className="bulk-bar" data-testid="bulk-bar">
              <strong>{checked.size} selected</strong>
              <Button onClick={() => setPicking('bulk')} data-testid="bulk-answer">
                Answer all…
              </Button>
              <Button onClick={() => void bulk([...checked.keys()], 'dismiss')} data-testid="bulk-dismiss">
                Dismiss all
              </Button>
              <Button onClick={() => void bulk([...checked.keys()], 'escalate')} data-testid="bulk-escalate">
                Escalate all
              </Button>
              <Button variant="ghost" onClick={() => setChecked(new Map())}>
                Clear
              </Button>
            </div>
          ) : null}
          <UnsurePosts posts={unsurePosts} me={me} now={now} />
          {answering.length > 0 ? (
            <div className="group-progress" role="status" data-testid="group-progress">
              {answering.map((p) => (
                <span key={p.clusterId}>
                  {groupProgressText(p, me)}
                  {p.total > 0 ? <progress max={p.total} value={p.done} aria-label={groupProgressText(p, me)} /> : null}
                </span>
              ))}
            </div>
          ) : null}
          <DeskList
            ref={listRef}
            cache={desk.cache}
            tick={desk.tick}
            total={total}
            loading={desk.loading}
            me={me}
            now={now}
            slaSeconds={sla}
            selectedId={selectedId}
            checked={checked}
            canCheck={!filters.done}
            onSelect={onSelectRow}
            onCheck={toggleChecked}
            onRange={desk.setRange}
            onScrolled={desk.scrolled}
          />
          {/* Under the list, in the flow: in the corner they covered the detail being read. Not while the
              station is lost: the desk is dimmed then, and an error must not be dimmed with it. */}
          {props.linked ? <ToastSlot /> : null}
        </div>
        <aside className="mod-detail">
          {currentItem && isCluster ? (
            <p className="cluster-note" data-testid="cluster-note">
              <strong>{currentItem.size} people asked this</strong>
              <span className="muted"> ({Object.entries(currentItem.platforms).map(([p, n]) => `${n} on ${p}`).join(', ')})</span>. One reply answers all of them: one public reply per room, every asker marked answered.
              {currentProgress ? <strong data-testid="cluster-progress"> {groupProgressText(currentProgress, me)}.</strong> : null}
            </p>
          ) : null}
          <CommentDetail c={current} me={me} now={now} slaSeconds={sla} pinnedId={comments?.pinned?.id ?? null} actions={stableActions} />
          {picking ? (
            <MacroPicker
              macros={macros}
              mode={picking}
              lang={current?.lang || null}
              selection={checked}
              pausedOffers={pausedOffers}
              pinAnswer={pinAnswer}
              onPinAnswer={setPinAnswer}
              onChoose={(i) => void chooseMacro(i)}
              onCancel={() => setPicking(null)}
            />
          ) : null}
          <AnswerPins pins={answerPins} onUnpin={onUnpin} />
        </aside>
      </div>
      <footer className="mod-keys muted small">j/k move · r reply (whole group) · space select · c claim · e escalate · x dismiss · p pin to host · u release · 1–6 queues</footer>
    </div>
  );
}

/** The queue tabs with their counts and the desk's figures: re-rendered by a summary patch, not by a move on the list. */
const QueueNav = memo(function QueueNav(props: { queues: readonly QueueSummary[]; active: QueueName | 'all'; onPick(q: QueueName | 'all'): void; comments: ReturnType<typeof useSlice<'comments'>> }) {
  return (
    <nav className="mod-queues" aria-label="Queues">
      <button type="button" className={`queue-tab ${props.active === 'all' ? 'active' : ''}`} onClick={() => props.onPick('all')} data-testid="queue-all">
        <span>All open (no spam)</span>
        <span className="num" title="work items (people asking the same thing count once)">
          {props.queues.reduce((a, q) => a + (q.name === 'spam' ? 0 : (q.items ?? q.open)), 0)}
        </span>
      </button>
      {QUEUE_ORDER.map((name, i) => {
        const q = props.queues.find((x) => x.name === name);
        const level = q ? queueLevel(q) : 'idle';
        return (
          <button
            key={name}
            type="button"
            className={`queue-tab level-${level} ${props.active === name ? 'active' : ''}`}
            onClick={() => props.onPick(name)}
            data-testid={`queue-${name}`}
            title={q?.overflowReason ?? `${q?.items ?? 0} work items, ${q?.open ?? 0} comments`}
          >
            <span>
              <span className="kbd">{i + 1}</span> {QUEUE_LABELS[name]}
            </span>
            <span className="num" data-testid={`queue-count-${name}`} title={`${q?.open ?? 0} comments`}>
              {q?.items ?? q?.open ?? 0}
            </span>
            {q?.overflow ? <span className="queue-overflow">OVERFLOW · {overflowShort(q.overflowReason)}</span> : null}
          </button>
        );
      })}
      <DeskFigures comments={props.comments} />
    </nav>
  );
});

/** What the desk has done for the show: people answered by a reply, by their group's reply, by a pinned answer; demand counted. */
function DeskFigures(props: { comments: ReturnType<typeof useSlice<'comments'>> }) {
  const work = props.comments?.work;
  const demand = Object.values(props.comments?.demand ?? {}).reduce((a, b) => a + b, 0);
  // Per SKU on hover (the column is narrow); the producer's comments panel lists it in full.
  const bySku = Object.entries(props.comments?.demand ?? {}).sort((a, b) => b[1] - a[1]);
  const pinned = (props.comments?.answerPins ?? []).reduce((a, p) => a + p.attached, 0);
  return (
    <dl className="desk-figures small" data-testid="desk-figures">
      <dt>Waiting on a person</dt>
      <dd className="num" data-testid="desk-work">
        {work ? `${formatCount(work.comments)} in ${formatCount(work.items)} items` : '—'}
      </dd>
      <dt>Answered by pin</dt>
      <dd className="num">{formatCount(pinned)}</dd>
      <dt>Demand counted</dt>
      <dd
        className="num"
        data-testid="desk-demand"
        title={`Orders that need no reply, counted per SKU and closed on arrival${bySku.length ? `: ${bySku.map(([sku, n]) => `${sku === '?' ? 'no SKU' : sku} ×${n}`).join(', ')}` : ''}`}
      >
        {formatCount(demand)}
      </dd>
    </dl>
  );
}

const NO_PINS: readonly AnswerPin[] = [];
const NO_PROGRESS: readonly GroupWorkProgress[] = [];
const NO_UNSURE: readonly UnsurePost[] = [];
const NO_QUEUES: readonly QueueSummary[] = [];

const AnswerPins = memo(function AnswerPins(props: { pins: readonly AnswerPin[]; onUnpin(clusterId: string): void }) {
  if (props.pins.length === 0) return null;
  return (
    <section className="answer-pins" data-testid="answer-pins" aria-label="Pinned answers">
      <h3>Pinned answers ({props.pins.length})</h3>
      <p className="muted small">Later comments asking the same are attached to these and shown as answered by pin, not by a person.</p>
      <ul>
        {props.pins
          .slice()
          .sort((a, b) => b.at - a.at)
          .slice(0, 30)
          .map((p) => (
            <li key={p.clusterId}>
              <span className="answer-pin-text" dir="auto">
                {p.text}
              </span>
              <span className="muted num">+{p.attached}</span>
              <Button variant="ghost" onClick={() => props.onUnpin(p.clusterId)}>
                Unpin
              </Button>
            </li>
          ))}
      </ul>
    </section>
  );
});

type FilterName = 'intent' | 'sku' | 'lang' | 'platform';
const INTENT_FILTERS: readonly string[] = ['order', 'question', 'complaint', 'spam', 'other'];

const FilterSelect = memo(function FilterSelect(props: { name: FilterName; label: string; value: string; options: readonly string[]; onChange(name: FilterName, v: string): void }) {
  return (
    <label className="mod-filter">
      {props.label}{' '}
      <select value={props.value} onChange={(e) => props.onChange(props.name, e.target.value)} data-testid={`filter-${props.label.toLowerCase()}`}>
        <option value="all">all</option>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
});
