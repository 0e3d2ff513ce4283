// The comment commands. A comment has one holder at a time: the check and the claim happen in one
// synchronous step of the dispatcher, so two moderators can never both hold it; everyone else is
// told who is replying.
import { incomingCommentSchema, type CommentRecord, type IngestRejection } from '../../shared/contract/index';
import type { commentCommands } from '../../shared/contract/index';
import type { Handlers, SliceOf } from '../dispatch/handler';
import type { HandlerContext } from '../dispatch/handler';
import { conflict, failed, invalid, unavailable } from '../dispatch/command-failure';
import type { SourceComment } from './comment.model';
import { cleanText } from './comment.model';
import { isOpen } from './comments.queues';
import { macroReply } from '../../shared/show/macro.reply';
import type { CommentsService } from './comments.service';

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

    'comment.claim': ({ id, by }, ctx) => {
      const who = person(by, ctx);
      const c = get(id);
      mustBeOpen(c, 'claim');
      if (c.status === 'claimed') {
        if (c.claimedBy === who) return { comment: c };
        throw conflict(`${c.claimedBy ?? 'Someone'} is replying to this comment.`);
      }
      return { comment: svc.save(ctx, { ...c, status: 'claimed', claimedBy: who, claimedAt: ctx.now }, c) };
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
      if (send) {
        if (reply === null) throw invalid('send: choose an approved reply (macroId) to send.');
        const source = svc.sources.get(c.source);
        if (!source?.reply) throw conflict(`Replies cannot be sent on ${c.platform} from this station; copy the reply instead.`);
        try {
          await source.reply({ room: c.room, messageId: c.messageId, author: c.author }, reply);
          sent = true;
        } catch (error) {
          throw failed(`The reply was not sent: ${(error as Error).message}.`);
        }
      }
      // Re-read: the reply may have taken a moment, and the record is what the views must show.
      const now = svc.find(id) ?? c;
      const comment = svc.save(
        ctx,
        { ...now, status: 'answered', claimedBy: now.claimedBy ?? who, claimedAt: now.claimedAt ?? ctx.now, answeredAt: ctx.now, responseSeconds: Math.round((ctx.now - now.receivedAt) / 100) / 10, reply },
        now,
      );
      return { comment, sent };
    },

    'comment.dismiss': ({ id, by }, ctx) => {
      const who = person(by, ctx);
      const c = get(id);
      mustBeOpen(c, 'dismiss');
      notHeldByOther(c, who, ctx, 'dismiss');
      return { comment: svc.save(ctx, { ...c, status: 'dismissed', claimedBy: c.claimedBy ?? who, claimedAt: c.claimedAt ?? ctx.now, answeredAt: ctx.now }, c) };
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
      svc.publisher.dirty();
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
      svc.publisher.dirty();
      return { id, secret: r.secret, sources: svc.sources.health() };
    },
  };
}
