// One role's view of each patch, computed once and shared by every session of that role: fifty
// views of three roles cost three redactions of a patch, not fifty.
import type { Domain, Patch, Role, StationState } from '../../shared/contract/index';
import { domainView } from '../../shared/contract/role-policy';

export interface RoleViews {
  /** `patch.value` as `role` may see it; the same object for every caller with that role. */
  of(role: Role, patch: Patch): StationState[Domain];
}

export function createRoleViews(): RoleViews {
  // Keyed by the published patch (a fresh object per publish), so an entry dies with the patch.
  const memo = new WeakMap<Patch, Map<Role, StationState[Domain]>>();
  return {
    of(role, patch) {
      let perRole = memo.get(patch);
      if (!perRole) {
        perRole = new Map();
        memo.set(patch, perRole);
      }
      if (!perRole.has(role)) perRole.set(role, domainView(role, patch.domain, patch.value));
      return perRole.get(role) as StationState[Domain];
    },
  };
}
