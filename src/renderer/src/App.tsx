// Picks the transport (Electron IPC when the preload bridge is there, else the station's
// WebSocket with the view's token) and the view for this window's path and the caller's role.
import { useEffect, useMemo, useState } from 'react';
import type { BatonClient } from '../../shared/contract/client';
import { StationProvider, useStation } from './state/station.store';
import { ToastProvider } from './ui/toasts';
import { createIpcClient } from './client/ipc-client';
import { createWsClient } from './client/ws-client';
import { forgetToken, rememberToken, takeTokenFromUrl } from './client/token';
import { viewFromPath, type ViewName } from './views/route';
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
  const client = useMemo<BatonClient | null>(() => {
    if (bridge) return createIpcClient(bridge);
    if (!token) return null;
    return createWsClient({ origin: window.location.origin, token });
  }, [bridge, token]);
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
        <RoutedView
          onRefused={() => {
            forgetToken(window.sessionStorage);
            setToken(null);
          }}
        />
      </ToastProvider>
    </StationProvider>
  );
}

function RoutedView(props: { onRefused(): void }) {
  useEscapeLeavesField();
  const role = useStation((v) => v.role);
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
  const requested = viewFromPath(window.location.pathname, role);
  // A producer may open any view (to check the host's card); others see their own.
  const view: ViewName = role === 'producer' ? requested : role;
  switch (view) {
    case 'producer':
      return <ProducerView />;
    case 'host':
      return <HostView />;
    case 'moderator':
      return <ModeratorPage />;
  }
}
