// Picks the transport (Electron IPC when the preload bridge is there, else the station's
// WebSocket with the view's token) and the view for this window's path and the caller's role.
import { useEffect, useMemo, useState } from 'react';
import type { BatonClient } from '../../shared/contract/client';
import { StationProvider, useStation } from './state/station.store';
import { ToastProvider } from './ui/toasts';
import { createIpcClient } from './client/ipc-client';
import { createWsClient } from './client/ws-client';
import { forgetToken, rememberToken, takeTokenFromUrl } from './client/token';
import type { Role } from '../../shared/contract/roles';
import { RoleSwitchContext } from './features/roles/RoleSwitcher';
import { roleFromPath, switchTarget, viewFor } from './features/roles/roles.logic';
import { ApproverPage } from './views/ApproverPage';
import { CommercePage } from './views/CommercePage';
import { ServicePage } from './views/ServicePage';
import { ObserverPage } from './views/ObserverPage';
import { ConnectView } from './views/ConnectView';
import { ProducerView } from './views/ProducerView';
import { HostView } from './views/HostView';
import { ModeratorPage } from './views/ModeratorPage';
import { SignoffPage } from './features/signoff/SignoffPage';
import { useEscapeLeavesField } from './ui/hotkeys';

export function App() {
  // A sign-off link is its own credential: the approver needs no station token or live link.
  if (window.location.pathname.startsWith('/signoff')) return <SignoffPage />;
  return <StationApp />;
}

function StationApp() {
  const bridge = window.baton;
  const [token, setToken] = useState<string | null>(() =>
    bridge ? null : takeTokenFromUrl(window.location, window.history, window.sessionStorage),
  );
  // The role this window acts in: none until the station's hello lists the token's roles, then the
  // path's role when the token opens it (the view switcher changes both).
  const [wanted, setWanted] = useState<Role | null>(null);
  const client = useMemo<BatonClient | null>(() => {
    if (bridge) return createIpcClient(bridge);
    if (!token) return null;
    return createWsClient({ origin: window.location.origin, token, role: wanted });
  }, [bridge, token, wanted]);
  const switchTo = (role: Role) => {
    window.history.pushState(window.history.state, '', `/${role}`);
    setWanted(role);
  };
  useEffect(() => () => client?.close(), [client]);

  if (!client) {
    return (
      <ConnectView
        reason={null}
        onToken={(t) => {
          rememberToken(window.sessionStorage, t);
          setToken(t);
        }}
      />
    );
  }
  return (
    <StationProvider client={client}>
      <ToastProvider>
        <RoleSwitchContext.Provider value={bridge ? null : switchTo}>
          <RoutedView
            onSwitch={setWanted}
            onRefused={() => {
              forgetToken(window.sessionStorage);
              setWanted(null);
              setToken(null);
            }}
          />
        </RoleSwitchContext.Provider>
      </ToastProvider>
    </StationProvider>
  );
}

function RoutedView(props: { onRefused(): void; onSwitch(role: Role): void }) {
  useEscapeLeavesField();
  const role = useStation((v) => v.role);
  const roles = useStation((v) => v.roles);
  const { onSwitch } = props;
  const pathRole = roleFromPath(window.location.pathname);
  // A link opened at /commerce by someone who holds commerce among other roles acts as commerce.
  const target = role && roles ? switchTarget(roles, role, pathRole) : null;
  useEffect(() => {
    if (target) onSwitch(target);
  }, [target, onSwitch]);
  const connection = useStation((v) => v.connection);
  const hasState = useStation((v) => v.state !== null);
  const detail = useStation((v) => v.connectionDetail);
  if (connection === 'unauthorised') {
    const revoked = detail !== null && /revoked|re-issued/i.test(detail);
    return <ConnectView reason={revoked ? detail : 'The station refused this view’s token. Paste a current one.'} onToken={() => props.onRefused()} />;
  }
  if (!hasState || !role) {
    return (
      <main className="connect-view" aria-busy="true">
        <h1>Baton</h1>
        <p>Connecting to the station…</p>
      </main>
    );
  }
  // A producer may open any view (to check the host's card); others see their own.
  switch (viewFor(role, pathRole)) {
    case 'producer':
      return <ProducerView />;
    case 'host':
      return <HostView />;
    case 'moderator':
      return <ModeratorPage />;
    case 'approver':
      return <ApproverPage />;
    case 'commerce':
      return <CommercePage />;
    case 'customer-service':
      return <ServicePage />;
    case 'observer':
      return <ObserverPage />;
  }
}
