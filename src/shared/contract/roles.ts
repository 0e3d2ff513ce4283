// Who may do what. A token, an Electron window and a test caller each act in exactly one role at a
// time; the dispatcher checks it against the command's `roles` before any handler runs. A person
// may hold several roles and picks one per view (the view switcher); the audit row names it.
export const ROLES = ['producer', 'host', 'moderator', 'approver', 'commerce', 'customer-service', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** What each role is called in views and refusals. */
export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  producer: 'Producer',
  host: 'Host',
  moderator: 'Moderator',
  approver: 'Approver (legal/brand)',
  commerce: 'Commerce',
  'customer-service': 'Customer service',
  observer: 'Observer',
};
