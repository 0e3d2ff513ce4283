// How an audit row's actor is shown: rows written before keys were named in words keep their stored
// text (the chain hashes it), and are shown with today's wording instead of a variable's name.
const LEGACY = /^(producer|host|moderator|approver|commerce|customer-service|observer) \((BATON_PRODUCER_TOKEN|default|station owner's bootstrap)\)$/;
const ROLE_WORDS: Record<string, string> = {
  producer: 'Producer',
  host: 'Host',
  moderator: 'Moderator',
  approver: 'Approver',
  commerce: 'Commerce',
  'customer-service': 'Customer service',
  observer: 'Observer',
};

export function plainActor(actor: string): string {
  const m = LEGACY.exec(actor);
  if (!m) return actor;
  const role = ROLE_WORDS[m[1] as string] ?? (m[1] as string);
  return m[2] === 'BATON_PRODUCER_TOKEN' ? `${role} (station automation key)` : `${role} (station bootstrap key)`;
}

/** What a narrow header shows for the signed-in actor: the person's name when the label names one
 *  ("Maya Okafor (maya) via Producer (station automation key)" → "Maya Okafor"), else the whole
 *  label in words. `full` is kept for the tooltip and screen readers, so the key never disappears. */
export function headerActor(actor: string): { name: string; full: string } {
  const full = plainActor(actor);
  const person = /^(.+?) \(([\w.-]+)\)(?: via (.+))?$/.exec(full);
  return { name: person ? (person[1] as string) : full, full };
}
