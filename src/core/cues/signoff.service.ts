// Sign-off links: the approver signs in person. The producer creates a one-time link for a legal
// or brand person of the show; it opens the exact version (text and hash) on the station's
// /signoff page, and the approver's approve or return goes through the same rules as any other
// (hash must match, stored text intact, approver of this show). A link works once, for one
// version, until the show's approval SLA runs out; only its SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { Handlers } from '../dispatch/handler';
import { conflict } from '../dispatch/command-failure';
import type { ModuleContext } from '../module';
import type { ScriptRepo } from './script.repo';
import { requireApprover, type ScriptService } from './script.service';
import { shortHash } from './script.hash';
import type { SignoffLink, SignoffRepo } from './signoff.repo';

export const SIGNOFF_PAGE = '/signoff';

export interface SignoffService {
  handlers: Handlers<'script.signoffLink' | 'script.signoffView' | 'script.signoff'>;
}

const hashOf = (code: string) => createHash('sha256').update(code).digest('hex');

export function createSignoffService(ctx: ModuleContext, scripts: ScriptService, repo: ScriptRepo, links: SignoffRepo): SignoffService {
  const when = (ms: number) => scripts.formatTime(ms);

  /** The link behind a code, still usable now; otherwise a refusal that says exactly why. */
  const usable = (code: string, now: number): SignoffLink => {
    const link = links.byHash(hashOf(code));
    if (!link) throw conflict('This sign-off link is not valid: it may have been mistyped or belong to another station. Ask the producer for a new one.');
    if (link.usedAt !== null) {
      throw conflict(`This sign-off link was already used: version ${repo.version(link.versionId)?.number ?? '?'} was ${link.usedFor === 'approve' ? 'approved' : 'returned'} on ${when(link.usedAt)}. Each link works once.`);
    }
    if (now > link.expiresAt) throw conflict(`This sign-off link expired on ${when(link.expiresAt)}. Ask the producer for a new one.`);
    return link;
  };

  // Links whose decision is being made: the check above and the link's mark (a queued write) are
  // a turn apart, so a second decision arriving meanwhile (two WebSocket frames read together)
  // passed the check too, and one link both returned and approved the version.
  const deciding = new Set<string>();

  return {
    handlers: {
      'script.signoffLink': async ({ versionId, approver }, hc) => {
        const show = scripts.requireShow();
        const v = repo.version(versionId);
        if (!v || v.showId !== show.id) throw conflict(`There is no script version "${versionId}" in the loaded show.`);
        const approval = repo.approval(v.id);
        if (approval) throw conflict(`Version ${v.number} is already approved by ${approval.approver}: there is nothing left to sign.`);
        const person = requireApprover(show, approver);
        const code = randomBytes(24).toString('base64url');
        const expiresAt = hc.now + show.approvals.slaHours * 3_600_000;
        const link: SignoffLink = {
          tokenHash: hashOf(code),
          versionId: v.id,
          approver: person.name,
          approverRole: person.role,
          createdBy: hc.caller.actor,
          createdAt: hc.now,
          expiresAt,
          usedAt: null,
          usedFor: null,
        };
        // Sending the link is the approval request: it starts the SLA clock the producer watches.
        await scripts.handlers['script.requestApproval']({ versionId: v.id }, hc);
        hc.write(() => links.insert(link));
        return { path: `${SIGNOFF_PAGE}?link=${code}`, approver: person.name, expiresAt };
      },
      'script.signoffView': ({ link: code }, hc) => {
        const link = usable(code, hc.now);
        const v = repo.version(link.versionId);
        const show = ctx.show.current()?.show;
        if (!v || !show || v.showId !== show.id) throw conflict('The show this link was made for is not loaded on the station right now. Ask the producer.');
        return {
          show: { title: show.title, brand: show.brand },
          approver: link.approver,
          approverRole: link.approverRole,
          versionId: v.id,
          number: v.number,
          hash: v.hash,
          shortHash: shortHash(v.hash),
          content: v.content,
          createdBy: link.createdBy,
          expiresAt: link.expiresAt,
          evidence: scripts.evidence(v),
        };
      },
      'script.signoff': async ({ link: code, decision, note, comments }, hc) => {
        const link = usable(code, hc.now);
        if (deciding.has(link.tokenHash)) throw conflict('This sign-off link is being used right now: each link works once.');
        const v = repo.version(link.versionId);
        if (!v) throw conflict('The version this link was made for is gone from the station.');
        if (decision === 'return' && comments.length === 0) {
          throw conflict('A return needs at least one comment on a cue, so the producer knows what to change.');
        }
        deciding.add(link.tokenHash);
        try {
          const result =
            decision === 'approve'
              ? scripts.signOwn({ versionId: v.id, approver: link.approver, note }, hc)
              : await scripts.handlers['script.return']({ versionId: v.id, reviewer: link.approver, comments }, hc);
          hc.write(() => links.markUsed(link.tokenHash, hc.now, decision));
          // The mark is committed in the turn this handler settles in; the claim is let go after
          // that turn, so a link whose commit failed can be used again.
          setImmediate(() => deciding.delete(link.tokenHash));
          return result;
        } catch (error) {
          deciding.delete(link.tokenHash);
          throw error;
        }
      },
    },
  };
}
