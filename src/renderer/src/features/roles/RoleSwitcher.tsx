// The view switcher: one button per role the signed-in token opens (never the others). A session
// acts in one role at a time; switching reconnects in the chosen role and changes the address.
import { createContext, useContext } from 'react';
import { ROLE_LABEL, type Role } from '../../../../shared/contract/roles';
import { ROLE_POLICY } from '../../../../shared/contract/role-policy';
import { useStation } from '../../state/station.store';
import { Button } from '../../ui/Button';

/** Reconnects the window in another of the token's roles (null in the Electron window: one role). */
export const RoleSwitchContext = createContext<((role: Role) => void) | null>(null);

export function RoleSwitcher() {
  const switchTo = useContext(RoleSwitchContext);
  const role = useStation((v) => v.role);
  const roles = useStation((v) => v.roles ?? []);
  if (!switchTo || !role || roles.length < 2) return null;
  return (
    <nav className="role-switcher" aria-label="Your roles" data-testid="role-switcher">
      {roles.map((r) => (
        <Button
          key={r}
          variant={r === role ? 'selected' : 'ghost'}
          aria-current={r === role ? 'page' : undefined}
          title={ROLE_POLICY[r].job}
          data-testid={`role-${r}`}
          onClick={() => r !== role && switchTo(r)}
        >
          {ROLE_LABEL[r]}
        </Button>
      ))}
    </nav>
  );
}
