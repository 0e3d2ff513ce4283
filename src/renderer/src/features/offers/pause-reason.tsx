// The reason chosen for each offer's next pause, shared by the offer card (where it is picked),
// the status bar's PAUSE buttons and Shift+P, so every way of pausing uses the same words.
import { createContext, createElement, useContext, useMemo, useState, type ReactNode } from 'react';

interface PauseReasons {
  get(offerId: string): string;
  set(offerId: string, reason: string): void;
}

const Ctx = createContext<PauseReasons | null>(null);

export function PauseReasonProvider(props: { children: ReactNode }) {
  const [map, setMap] = useState<Record<string, string>>({});
  const value = useMemo<PauseReasons>(
    () => ({
      get: (id) => map[id] ?? '',
      set: (id, reason) => setMap((m) => ({ ...m, [id]: reason })),
    }),
    [map],
  );
  return createElement(Ctx.Provider, { value }, props.children);
}

/** Outside a provider (a view without the status bar) each card keeps its own reason. */
export function usePauseReason(offerId: string): [string, (reason: string) => void] {
  const ctx = useContext(Ctx);
  const [local, setLocal] = useState('');
  if (!ctx) return [local, setLocal];
  return [ctx.get(offerId), (r) => ctx.set(offerId, r)];
}
