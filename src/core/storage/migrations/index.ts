// Numbered migrations, applied in order at start-up. Never edit one that has shipped: add the next.
import type { Migration } from './migration';
import { m001Foundation } from './001-foundation';
import { m002Obs } from './002-obs';
import { m003Comments } from './003-comments';
import { m004Scripts } from './004-scripts';
import { m005Offers } from './005-offers';
import { m006Preflight } from './006-preflight';
import { m007SignoffLinks } from './007-signoff-links';
import { m008Showday } from './008-showday';
import { m009HqOutbox } from './009-hq-outbox';
import { m010People } from './010-people';
import { m011DeskClusters } from './011-desk-clusters';
import { m012ApprovalVia } from './012-approval-via';
import { m013CommentSkuCandidates } from './013-comment-sku-candidates';
import { m014CommentGroupJobs } from './014-comment-group-jobs';
import { m015CommentReplyLedger } from './015-comment-reply-ledger';
import { m016CommentReplyIntents } from './016-comment-reply-intents';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [m001Foundation, m002Obs, m003Comments, m004Scripts, m005Offers, m006Preflight, m007SignoffLinks, m008Showday, m009HqOutbox, m010People, m011DeskClusters, m012ApprovalVia, m013CommentSkuCandidates, m014CommentGroupJobs, m015CommentReplyLedger, m016CommentReplyIntents];
