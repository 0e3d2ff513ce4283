// Who may do what. A token, an Electron window and a test caller each carry exactly one role;
// the dispatcher checks it against the command's `roles` before any handler runs.
export const ROLES = ['producer', 'host', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
