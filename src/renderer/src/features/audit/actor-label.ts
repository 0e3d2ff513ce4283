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
