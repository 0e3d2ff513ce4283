// What a desk says about a big work item being handled in steps (the comments slice's `answering`):
// who is doing it and how far it is, as the station has committed it — never a guess from time.
import type { GroupWorkProgress } from '../../../../shared/contract/index';
import { formatCount } from '../../ui/format';

const VERB: Record<GroupWorkProgress['action'], string> = { answer: 'answering', dismiss: 'dismissing', escalate: 'escalating' };

/** "Ana is answering 8,000 of 20,000" ("You are …" for the person at this desk); before its first step (an answer's reply being posted) no count. */
export function groupProgressText(p: GroupWorkProgress, me: string): string {
  const who = p.by === me ? 'You are' : `${p.by} is`;
  if (p.total === 0) return `${who} ${VERB[p.action]} a group${p.action === 'answer' ? ': posting the reply' : ''}`;
  return `${who} ${VERB[p.action]} ${formatCount(p.done)} of ${formatCount(p.total)}`;
}

/** The progress of one item, if it is being handled. */
export const progressOf = (answering: readonly GroupWorkProgress[] | undefined, clusterId: string | undefined): GroupWorkProgress | null =>
  (clusterId && answering?.find((p) => p.clusterId === clusterId)) || null;
