// The comment commands. A comment has one holder at a time: the check and the claim happen in one
// synchronous step of the dispatcher, so two moderators can never both hold it; everyone else is
// told who is replying.
import { incomingCommentSchema, type CommentRecord, type DeskItem, type IngestRejection, type UnsurePost } from '../../shared/contract/index';
import type { commentCommands } from '../../shared/contract/index';
import type { Handlers, SliceOf } from '../dispatch/handler';
import type { HandlerContext } from '../dispatch/handler';
import { conflict, failed, invalid, unavailable } from '../dispatch/command-failure';
import type { SourceComment } from './comment.model';
import { cleanText } from './comment.model';
import { isOpen } from './comments.queues';
import { macroReply } from '../../shared/show/macro.reply';
import type { CommentsService } from './comments.service';
import type { GroupAction } from './group-jobs.repo';
import { GROUP_STEP, holderText } from './group-work';
import type { OpenCluster } from './comments.clusters';
import { clusterIdOf } from './cluster.key';

export type CommentCommand = SliceOf<typeof commentCommands>;

const person = (by: string | undefined, ctx: HandlerContext) => by ?? ctx.caller.actor;

export function createCommentHandlers(svc: CommentsService): Handlers<CommentCommand> {
  const get = (id: string): CommentRecord => {
    const c = svc.find(id);
    if (!c) throw conflict(`There is no comment ${id} in this station.`);
    return c;
  };
  /** Refuses when someone else holds the comment; a producer may take over. */
  const notHeldByOther = (c: CommentRecord, who: string, ctx: HandlerContext, verb: string) => {
    if (c.status === 'claimed' && c.claimedBy !== who && ctx.caller.role !== 'producer') {
      throw conflict(`${c.claimedBy ?? 'Someone'} is replying to this comment; you cannot ${verb} it.`);
    }
  };
  const mustBeOpen = (c: CommentRecord, verb: string) => {
    if (!isOpen(c.status)) throw conflict(`This comment is already ${c.status}; there is nothing to ${verb}.`);
  };
  const openCluster = (clusterId: string): OpenCluster => {
    svc.pipeline.flushNow();
    const cl = svc.clusters.get(clusterId);
    if (!cl) throw conflict('Nobody is waiting on this question any more: it was answered or closed meanwhile.');
    return cl;
  };
  /** The approved macro's text for a language, refused while the compliance guard flags it (for replies not typed by a person one by one). */
  const macroText = (macroId: string, lang: string) => {
    const macro = svc.config().show?.comments.macros.find((m) => m.id === macroId);
    if (!macro) throw invalid(`macroId: there is no approved reply "${macroId}" in this show.`);
    const flag = svc.macroFlag(macroId);
    if (flag) throw conflict(`The compliance guard flags this macro: ${flag} Answer one comment at a time (a producer can override there).`);
    const r = macroReply(macro, lang || null, svc.pausedOffers());
    if (!r.ok) throw conflict(r.reason);
    return r.text;
  };
  const posted = svc.replies;
  /** Where one public reply goes: a room of a source, with one text. */
  const postKey = (m: CommentRecord, text: string) => `${m.source}|${m.room ?? ''}|${text}`;
  /** What a held-back post says: it may be in the room already, and a person must say which. */
  const unsureText = (u: UnsurePost) =>
    `The reply "${u.text}" may already be in ${u.room ?? 'the chat'} on ${u.platform}: the station stopped while posting it there (${u.by}'s answer). Check that room, then say on the desk whether it is there or should be posted again.`;
  /**
   * One public reply per room (and text) where the source can post: every asker there sees it, and
   * a room is not flooded with the same answer once per comment. `failed` says which did not go out
   * and why, so a bulk marks answered only what was posted (a room that got its reply must not get it
   * again when the moderator retries the rest). `untilFailure`: stop at the first failure (one work
   * item, which is answered whole or not at all: no further room gets a post that will be retried).
   * A room an earlier try already reached for these askers is skipped and counted (reply.ledger.ts);
   * one whose earlier post has an unknown outcome (the station stopped mid-post), or is being posted
   * by another command right now, is held back, in `failed` and `unsure` (answered as a conflict).
   */
  const postOncePerRoom = async (
    groups: { members: CommentRecord[]; text: string }[],
    who: string,
    untilFailure = false,
  ): Promise<{ sent: number; alreadySent: number; failed: Map<string, string>; unsure: Set<string> }> => {
    const posts = new Map<string, { m: CommentRecord; text: string; askers: string[] }>();
    for (const { members, text } of groups)
      for (const m of members) {
        const k = postKey(m, text);
        const post = posts.get(k);
        if (post) post.askers.push(m.id);
        else posts.set(k, { m, text, askers: [m.id] });
      }
    let sent = 0;
    let alreadySent = 0;
    const notSent = new Map<string, string>();
    const unsure = new Set<string>();
    for (const [k, { m, text, askers }] of posts) {
      const source = svc.sources.get(m.source);
      if (!source?.reply) continue;
      // An earlier try (whose other room failed) already posted this here for these askers: not again.
      if (posted.covers(k, askers)) {
        alreadySent += 1;
        continue;
      }
      // An earlier try may have posted it here (the station stopped mid-post): not again until a person
      // says. Another command posting it here right now (an item's answer while one of its comments is
      // answered alone): not twice; wait for it.
      const earlier = posted.unsure(k, askers);
      const flying = earlier ? null : posted.posting(k, askers);
      if (earlier || flying) {
        notSent.set(k, earlier ? unsureText(earlier) : `The reply "${text}" is being posted in ${flying!.room ?? 'the chat'} right now (${flying!.by}'s answer); wait for it, it reaches this asker too.`);
        unsure.add(k);
        if (untilFailure) break;
        continue;
      }
      // Intent first: a station that dies once the chat has the post leaves this behind, and the post is not re-sent unasked.
      let intent: number;
      try {
        intent = posted.sending(k, askers, { platform: m.platform, room: m.room, text, by: who, at: svc.now() });
      } catch (error) {
        throw unavailable(`The reply was not sent: the station could not record that it is posting it (${(error as Error).message}). Nobody was marked answered.`);
      }
      try {
        await source.reply({ room: m.room, messageId: m.messageId, author: m.author }, text);
      } catch (error) {
        // The chat said no: it is not in the room. (Should the intent not clear, the post only reads as unknown.)
        try {
          posted.refused(intent);
        } catch {
          /* left as unknown: a person checks the room */
        }
        notSent.set(k, `The reply was not sent on ${m.platform}: ${(error as Error).message}.`);
        if (untilFailure) break;
        continue;
      }
      // Committed on its own before anything else: a crash after this line cannot lead to a second post here.
      try {
        posted.sent(intent, k, askers);
      } catch (error) {
        // The room has the reply but the station could not record it: stop here, and say so; its
        // intent stays, so the retry holds this room back until a person settles it.
        throw failed(
          `The reply went out on ${m.platform}${m.room ? ` in ${m.room}` : ''}, but the station could not record it (${(error as Error).message}); check that room before answering again. Nobody was marked answered.`,
        );
      }
      sent += 1;
    }
    return { sent, alreadySent, failed: notSent, unsure };
  };
  /** Whether a group's reply was held back in one of its rooms as possibly posted already. */
  const heldBack = (members: CommentRecord[], text: string, unsure: Set<string>) => members.some((m) => unsure.has(postKey(m, text)));
  /** Why a group's reply did not go out in one of its rooms, or null when every post went out. */
  const failedPost = (members: CommentRecord[], text: string, notSent: Map<string, string>): string | null => {
    for (const m of members) {
      const why = notSent.get(postKey(m, text));
      if (why !== undefined) return why;
    }
    return null;
  };
  /**
   * The job for the members an item holds now (after its replies went out: later arrivals wait as a
   * new item). Run in steps for a big one (group-work.ts): each step's changes and audit rows — one
   * row per comment for a bulk action, in the person's name, because "who answered this comment"
   * must be answerable from the trail alone — commit together, and the station answers other
   * commands in between.
   */
  const beginGroup = (cl: OpenCluster, ctx: HandlerContext, who: string, action: GroupAction, text: string | null, macroId: string | null, audited: boolean) => {
    svc.pipeline.flushNow();
    const now = svc.clusters.get(cl.id);
    const start = { showId: svc.config().showId, clusterKey: cl.key, action, text, macroId, audited, actor: who, role: ctx.caller.role, representativeId: now?.representativeId() ?? null, at: svc.now() };
    return svc.work.begin(start, now?.memberIds() ?? []);
  };

  return {
    'comments.ingest': async ({ comments }) => {
      const rejected: IngestRejection[] = [];
      const valid: SourceComment[] = [];
      comments.forEach((raw, index) => {
        const parsed = incomingCommentSchema.safeParse(raw);
        const rawId = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id.slice(0, 128) : null;
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          rejected.push({ index, id: rawId, message: `${issue?.path.join('.') || '(comment)'}: ${issue?.message ?? 'not a comment'}` });
          return;
        }
        const c = parsed.data;
        if (!cleanText(c.text).trim()) {
          rejected.push({ index, id: c.id, message: 'text: has no visible characters' });
          return;
        }
        valid.push({ platform: c.platform, messageId: c.id, author: c.author, text: c.text, at: c.at ?? null, room: c.room ?? null, lang: c.lang ?? null, raw: null });
      });
      if (valid.length === 0) {
        throw invalid(
          `None of the ${comments.length} comment(s) could be taken: ${rejected.slice(0, 3).map((r) => `#${r.index} ${r.message}`).join('; ')}.`,
          rejected.map((r) => ({ path: `comments.${r.index}`, message: r.message })),
        );
      }
      try {
        const outcome = await svc.receive(valid, 'ingest', false);
        return { ...outcome, rejected };
      } catch (error) {
        throw unavailable(`${(error as Error).message}. Nothing from this batch was stored; send it again.`);
      }
    },

    'comments.list': (args) => {
      svc.pipeline.flushNow();
      let beforeSeq: number | undefined;
      if (args.after !== undefined) {
        const seq = svc.repo.seqOf(args.after);
        if (seq === null) throw invalid(`after: there is no comment ${args.after}.`);
        beforeSeq = seq;
      }
      const pinnedId = svc.pinnedId();
      const list = svc.repo.list({ ...args, showId: svc.config().showId, beforeSeq });
      return { comments: pinnedId ? list.map((c) => (c.id === pinnedId ? { ...c, pinned: true } : c)) : list };
    },

    'comments.desk': ({ filter, offset, cursor, limit }) => {
      if (offset !== undefined && cursor !== undefined) throw invalid('Give `offset` or `cursor`, not both.');
      const from = cursor !== undefined ? Number(cursor.slice(2)) : (offset ?? 0);
      svc.pipeline.flushNow();
      const version = svc.clusters.version();
      const facets = svc.facets();
      const pinnedId = svc.pinnedId();
      const withHostPin = (c: CommentRecord) => (c.id === pinnedId ? { ...c, pinned: true } : c);
      let items: DeskItem[];
      let total: number;
      if (filter.done) {
        const w = svc.repo.doneWindow({
          showId: svc.config().showId,
          queue: filter.queue === 'all' ? undefined : filter.queue,
          intent: filter.intent,
          sku: filter.sku,
          lang: filter.lang,
          platform: filter.platform,
          offset: from,
          limit,
        });
        total = w.total;
        items = w.comments.map((c) => ({ id: clusterIdOf(`done|${c.id}`), size: 1, comment: withHostPin(c), platforms: { [c.platform]: 1 }, pinned: false }));
      } else {
        const w = svc.clusters.window(filter, from, limit);
        total = w.total;
        const reps = svc.repo.getMany(w.clusters.map((c) => c.representativeId()));
        const byId = new Map(reps.map((r) => [r.id, r]));
        const pins = svc.answerPins();
        items = w.clusters.flatMap((cl) => {
          const c = byId.get(cl.representativeId());
          return c ? [{ id: cl.id, size: cl.size, comment: withHostPin(c), platforms: cl.platformCounts(), pinned: pins.has(cl.key) }] : [];
        });
      }
      const end = from + items.length;
      return { items, total, offset: from, next: end < total ? `o:${end}` : null, version, facets };
    },

    'comments.cluster': ({ clusterId, limit }) => {
      const cl = openCluster(clusterId);
      return { members: svc.repo.getMany(cl.memberIds().slice(0, limit)), size: cl.size };
    },

    'cluster.answer': async ({ clusterId, macroId, send, pin, by }, ctx) => {
      const who = person(by, ctx);
      const cl = openCluster(clusterId);
      const rep = svc.find(cl.representativeId());
      if (rep) notHeldByOther(rep, who, ctx, 'answer');
      const text = macroText(macroId, cl.lang);
      // Held from before the posts: a second click on the item is refused, not posted again.
      const release = svc.work.reserve(cl.key, who, 'answer');
      try {
        let sent = 0;
        let alreadySent = 0;
        if (send) {
          const members = svc.repo.getMany(cl.memberIds());
          const out = await postOncePerRoom([{ members, text }], who, true);
          const why = failedPost(members, text, out.failed);
          const reached = out.sent + out.alreadySent;
          if (why !== null && heldBack(members, text, out.unsure)) throw conflict(`${why} Nobody was marked answered.`);
          if (why !== null) throw failed(`${why}${reached > 0 ? ` It went out in ${reached} other room(s); a retry will not post there again.` : ''} Nobody was marked answered.`);
          sent = out.sent;
          alreadySent = out.alreadySent;
        }
        // Pinned with the first step: comments asking the same while the rest is answered are attached to it.
        if (pin) svc.pinAnswer(ctx, cl.key, { clusterId, text: rep?.text ?? '', lang: cl.lang, intent: cl.intent, macroId, by: who, at: ctx.now });
        const { done, skipped } = await svc.work.run(ctx, beginGroup(cl, ctx, who, 'answer', text, macroId, false));
        return { answered: done, skipped, sent, alreadySent, pinned: pin };
      } finally {
        release();
      }
    },

    'cluster.unpin': ({ clusterId }, ctx) => {
      const key = [...svc.answerPins().entries()].find(([, p]) => p.clusterId === clusterId)?.[0];
      if (key === undefined) throw conflict('There is no pinned answer for this question.');
      svc.unpinAnswer(ctx, key);
      return { answerPins: [...svc.answerPins().values()].filter((p) => p.clusterId !== clusterId) };
    },

    'comments.bulk': async ({ clusterIds, action, macroId, send, by }, ctx) => {
      const who = person(by, ctx);
      if (action === 'answer' && macroId === undefined) throw invalid('macroId: choose the approved reply for the selection.');
      svc.pipeline.flushNow();
      let done = 0;
      const skipped: { id: string; reason: string }[] = [];
      const picked: { cl: OpenCluster; text: string | null }[] = [];
      const releases: (() => void)[] = [];
      try {
        for (const id of new Set(clusterIds)) {
          const cl = svc.clusters.get(id);
          if (!cl) {
            skipped.push({ id, reason: 'nothing open any more' });
            continue;
          }
          const holder = svc.work.busy(cl.key);
          if (holder) {
            skipped.push({ id, reason: holderText(holder) });
            continue;
          }
          const rep = svc.find(cl.representativeId());
          if (rep && rep.status === 'claimed' && rep.claimedBy !== who && ctx.caller.role !== 'producer') {
            skipped.push({ id, reason: `${rep.claimedBy ?? 'someone'} is replying` });
            continue;
          }
          try {
            const text = action === 'answer' ? macroText(macroId as string, cl.lang) : action === 'escalate' ? `${who}: escalated with ${cl.size - 1} others asking the same` : null;
            picked.push({ cl, text });
            releases.push(svc.work.reserve(cl.key, who, action));
          } catch (error) {
            skipped.push({ id, reason: (error as Error).message });
          }
        }
        // The posts go out before anyone is marked answered (as for one work item); members that joined
        // an item meanwhile are answered too. An item whose reply did not go out is skipped, not
        // answered; the rest are (their rooms got it), so a retry of the selection posts nothing twice.
        let sent = 0;
        let alreadySent = 0;
        let notSent = new Map<string, string>();
        if (action === 'answer' && send && picked.length > 0) {
          const groups = picked.map(({ cl, text }) => ({ cl, text: text as string, members: svc.repo.getMany(cl.memberIds()) }));
          const out = await postOncePerRoom(groups, who);
          sent = out.sent;
          alreadySent = out.alreadySent;
          notSent = out.failed;
          for (const g of groups) {
            const why = failedPost(g.members, g.text, notSent);
            if (why !== null) skipped.push({ id: g.cl.id, reason: `${why} Not marked answered.` });
          }
        }
        const failedIds = new Set(skipped.map((s) => s.id));
        const jobs = picked.filter(({ cl }) => !failedIds.has(cl.id)).map(({ cl, text }) => beginGroup(cl, ctx, who, action, text, action === 'answer' ? (macroId ?? null) : null, true));
        // More than one step in all: every item's job is kept before the first step, so a stop
        // mid-way finishes them all on the next start (their replies went out already).
        const stored = jobs.length > 1 && jobs.reduce((n, j) => n + j.ids.length, 0) > GROUP_STEP;
        if (stored) {
          for (const j of jobs) svc.work.store(ctx, j);
          ctx.commit();
        }
        for (const j of jobs) done += (await svc.work.run(ctx, j, stored)).done;
        return { done, skipped, sent, alreadySent };
      } finally {
        for (const release of releases) release();
      }
    },

    'comments.unsurePost': ({ id, choice, by }, ctx) => {
      const who = person(by, ctx);
      const post = posted.unsurePost(id);
      if (!post) throw conflict('There is no reply of unknown outcome with this id: it was settled already, or it is being posted right now.');
      // With the command's rows: the choice lands with its audit row, or neither does.
      ctx.write(() => {
        if (!posted.settle(id, choice)) throw conflict('This reply was settled meanwhile.');
      });
      ctx.audit({
        command: 'comments.reply.unsure',
        args: { platform: post.platform, room: post.room, text: post.text, choice, answeredBy: post.by },
        actor: who,
        detail: choice === 'inRoom' ? `${who} checked ${post.room ?? 'the chat'}: the reply is there; it will not be posted again` : `${who} checked ${post.room ?? 'the chat'}: the reply is not there; the next answer posts it`,
      });
      svc.publisher.stale();
      return { post, unsurePosts: posted.unsurePosts().filter((u) => u.id !== id) };
    },

    'comment.claim': ({ id, by }, ctx) => {
      const who = person(by, ctx);
      const c = get(id);
      mustBeOpen(c, 'claim');
      if (c.status === 'claimed') {
        if (c.claimedBy === who) return { comment: c };
        throw conflict(`${c.claimedBy ?? 'Someone'} is replying to this comment.`);
      }
      return { comment: svc.save(ctx, { ...c, status: 'claimed', claimedBy: who, claimedAt: svc.now() }, c) };
    },

    'comment.release': ({ id, by }, ctx) => {
      const who = person(by, ctx);
      const c = get(id);
      if (c.status !== 'claimed') throw conflict(`This comment is ${c.status}, not claimed.`);
      notHeldByOther(c, who, ctx, 'release');
      const back = c.note !== null ? 'escalated' : 'new';
      return { comment: svc.save(ctx, { ...c, status: back, claimedBy: null, claimedAt: null }, c) };
    },

    'comment.answer': async ({ id, macroId, send, by }, ctx) => {
      const who = person(by, ctx);
      const c = get(id);
      mustBeOpen(c, 'answer');
      notHeldByOther(c, who, ctx, 'answer');
      let reply: string | null = null;
      if (macroId !== undefined) {
        const macro = svc.config().show?.comments.macros.find((m) => m.id === macroId);
        if (!macro) throw invalid(`macroId: there is no approved reply "${macroId}" in this show.`);
        // The comment's language, and the paused variant while the macro's offer is paused.
        const r = macroReply(macro, c.lang || null, svc.pausedOffers());
        if (!r.ok) throw conflict(r.reason);
        reply = r.text;
      }
      let sent = false;
      let alreadySent = false;
      if (send) {
        if (reply === null) throw invalid('send: choose an approved reply (macroId) to send.');
        const source = svc.sources.get(c.source);
        if (!source?.reply) throw conflict(`Replies cannot be sent on ${c.platform} from this station; copy the reply instead.`);
        // Through the ledger: the same reply an earlier try (its work item's, before a restart) posted
        // in this room for this asker is not posted again.
        const out = await postOncePerRoom([{ members: [c], text: reply }], who, true);
        const why = failedPost([c], reply, out.failed);
        if (why !== null) throw out.unsure.size > 0 ? conflict(why) : failed(why);
        sent = out.sent > 0;
        alreadySent = out.alreadySent > 0;
      }
      // Re-read: the reply may have taken a moment, and the record is what the views must show.
      const now = svc.find(id) ?? c;
      // On the comments' steady time, as its receipt was: the wait is what passed, whatever the wall clock did.
      const at = svc.now();
      const comment = svc.save(
        ctx,
        { ...now, status: 'answered', claimedBy: now.claimedBy ?? who, claimedAt: now.claimedAt ?? at, answeredAt: at, responseSeconds: Math.round((at - now.receivedAt) / 100) / 10, reply, answeredVia: 'reply' },
        now,
      );
      return { comment, sent, alreadySent };
    },

    'comment.dismiss': ({ id, by }, ctx) => {
      const who = person(by, ctx);
      const c = get(id);
      mustBeOpen(c, 'dismiss');
      notHeldByOther(c, who, ctx, 'dismiss');
      const at = svc.now();
      return { comment: svc.save(ctx, { ...c, status: 'dismissed', claimedBy: c.claimedBy ?? who, claimedAt: c.claimedAt ?? at, answeredAt: at }, c) };
    },

    'comment.escalate': ({ id, note, by }, ctx) => {
      const who = person(by, ctx);
      const c = get(id);
      mustBeOpen(c, 'escalate');
      notHeldByOther(c, who, ctx, 'escalate');
      const to = svc.config().routing.complaint;
      const text = `${who}: ${note?.trim() || 'escalated'}`;
      return { comment: svc.save(ctx, { ...c, status: 'escalated', queue: to, claimedBy: null, claimedAt: null, note: text }, c) };
    },

    'comment.correct': ({ id, intent, by }, ctx) => {
      const who = person(by, ctx);
      const c = get(id);
      if (c.intent === intent && c.queue !== 'unsure') return { comment: c };
      const cfg = svc.config();
      // A person decided: the comment leaves the unsure lane for its intent's queue.
      const queue = isOpen(c.status) && c.status !== 'escalated' ? cfg.routing[intent] : c.queue;
      const next = { ...c, intent, queue, correctedFrom: c.correctedFrom ?? c.intent };
      const comment = svc.save(ctx, next, c, () => {
        svc.repo.addCorrection(cfg.showId, { commentId: c.id, text: c.text, lang: c.lang, from: c.intent, to: intent, actor: who, at: ctx.now });
        svc.triage().learn(c.text, intent, c.lang);
      });
      return { comment };
    },

    'comment.pin': ({ id }, ctx) => {
      if (id === null) {
        svc.setPinned(ctx, null);
        return { pinned: null };
      }
      const c = get(id);
      svc.setPinned(ctx, c);
      return { pinned: { ...c, pinned: true } };
    },

    'comments.pinProduct': ({ sku }, ctx) => {
      if (sku === null) {
        svc.setPinnedProduct(null, ctx);
        return { pinnedProduct: null };
      }
      const product = svc.config().show?.products.find((p) => p.sku === sku);
      if (!product) throw invalid(`sku: ${sku} is not a product of this show.`);
      const pinnedProduct = { sku, label: product.name, source: 'manual', at: ctx.now };
      svc.setPinnedProduct(pinnedProduct, ctx);
      return { pinnedProduct };
    },

    'comments.source': async ({ id, action }) => {
      if (!svc.sources.get(id)) {
        const known = svc.sources.health().map((s) => s.id);
        throw conflict(`There is no comment source "${id}" in this show${known.length ? ` (sources: ${known.join(', ')})` : ''}.`);
      }
      if (action === 'start') svc.sources.start(id);
      else await svc.sources.stop(id);
      // The checklist GO reads takes the sources from the slice: the next command sees this one.
      svc.publisher.stale();
      return { sources: svc.sources.health() };
    },

    'comments.sourceCredentials': async ({ id, value }) => {
      const r = await svc.sources.setCredential(id, value);
      if (!r.ok) {
        if (r.reason === 'unknown') {
          const known = svc.sources.health().map((s) => s.id);
          throw conflict(`${r.message}${known.length ? ` (sources: ${known.join(', ')})` : ''}`);
        }
        throw conflict(r.message);
      }
      svc.publisher.stale();
      return { id, secret: r.secret, sources: svc.sources.health() };
    },
  };
}
