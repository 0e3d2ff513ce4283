// The views a window opens only for some roles, each its own chunk: a moderator's desk (the one
// view that must open 100,000 comments in under a second) then fetches, parses and compiles none of
// the producer's console, the host's card, the setup screens or their charts. The moderator's page
// stays in the entry bundle: its cold open never waits on a second request.
// React.lazy wants one component per chunk for the page's lifetime, so these are module constants
// (stateless: the browser caches each import), not per-render values.
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { Role } from '../../../shared/contract/roles';
import { Button } from '../ui/Button';

type LazyRole = Exclude<Role, 'moderator'>;

const loaders: Record<LazyRole, () => Promise<{ default: ComponentType }>> = {
  producer: () => import('./ProducerView').then((m) => ({ default: m.ProducerView })),
  host: () => import('./HostView').then((m) => ({ default: m.HostView })),
  approver: () => import('./ApproverPage').then((m) => ({ default: m.ApproverPage })),
  commerce: () => import('./CommercePage').then((m) => ({ default: m.CommercePage })),
  'customer-service': () => import('./ServicePage').then((m) => ({ default: m.ServicePage })),
  observer: () => import('./ObserverPage').then((m) => ({ default: m.ObserverPage })),
};

const views: Record<LazyRole, ComponentType> = {
  producer: lazy(loaders.producer),
  host: lazy(loaders.host),
  approver: lazy(loaders.approver),
  commerce: lazy(loaders.commerce),
  'customer-service': lazy(loaders['customer-service']),
  observer: lazy(loaders.observer),
};

export const LazySignoffPage = lazy(() => import('../features/signoff/SignoffPage').then((m) => ({ default: m.SignoffPage })));

/**
 * Starts fetching a view's chunk before the station's hello says which view to show (the window's
 * path names it), so the chunk arrives while the WebSocket connects rather than after.
 */
export function preloadView(role: Role): void {
  if (role !== 'moderator') void loaders[role]().catch(() => undefined);
}

/** A role's view, loaded on first use; a chunk that fails to load is said, with a way to retry. */
export function LazyView(props: { role: LazyRole }) {
  const View = views[props.role];
  return (
    <ChunkBoundary>
      <Suspense fallback={<ViewLoading />}>
        <View />
      </Suspense>
    </ChunkBoundary>
  );
}

export function ViewLoading() {
  return (
    <main className="connect-view" aria-busy="true">
      <h1>Baton</h1>
      <p>Loading the view…</p>
    </main>
  );
}

/**
 * A view's code that could not be fetched (the station restarted with a new build, the link dropped
 * mid-load) is an answer on screen, not a blank window: React.lazy rethrows the failed import here.
 */
export class ChunkBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <main className="connect-view" role="alert" data-testid="view-load-failed">
        <h1>Baton</h1>
        <p>This view’s code could not be loaded ({this.state.error}). Reload the window to try again.</p>
        <Button onClick={() => window.location.reload()}>Reload</Button>
      </main>
    );
  }
}
