// Command errors and confirmations, shown briefly; the station's own sentence, as is. They float in a
// corner unless the view gives them a place of their own (<ToastSlot/>, in the flow): on the
// moderator's desk the corner was the comment detail the moderator was reading.
import { createContext, useCallback, useContext, useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { CommandRejection } from '../../../shared/contract/client';

interface Toast {
  id: number;
  kind: 'error' | 'ok';
  text: string;
}
interface ToastApi {
  error(error: unknown): void;
  ok(text: string): void;
}
interface ToastShelf {
  toasts: readonly Toast[];
  /** A mounted slot takes the toasts out of the corner; returns its unmount. */
  claim(): () => void;
}

const ToastContext = createContext<ToastApi | null>(null);
const ShelfContext = createContext<ToastShelf | null>(null);

export function describeError(error: unknown): string {
  if (error instanceof CommandRejection) {
    const fields = error.error.issues?.length ? ` (${error.error.issues.map((i) => i.path || 'payload').join(', ')})` : '';
    return `${error.error.message}${fields}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ToastProvider(props: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [slots, setSlots] = useState(0);
  const push = useCallback((kind: Toast['kind'], text: string) => {
    const id = Date.now() + Math.random();
    setToasts((t) => [...t.slice(-3), { id, kind, text }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), kind === 'error' ? 8000 : 3000);
  }, []);
  const api = useMemo<ToastApi>(() => ({ error: (e) => push('error', describeError(e)), ok: (t) => push('ok', t) }), [push]);
  const claim = useCallback(() => {
    setSlots((n) => n + 1);
    return () => setSlots((n) => n - 1);
  }, []);
  const shelf = useMemo<ToastShelf>(() => ({ toasts, claim }), [toasts, claim]);
  return (
    <ToastContext.Provider value={api}>
      <ShelfContext.Provider value={shelf}>
        {props.children}
        {slots === 0 ? <ToastList toasts={toasts} className="toasts" /> : null}
      </ShelfContext.Provider>
    </ToastContext.Provider>
  );
}

/** Where this view's toasts go, in the page's flow (they push, never cover). */
export function ToastSlot(props: { className?: string }) {
  const shelf = useContext(ShelfContext);
  if (!shelf) throw new Error('ToastSlot must be used inside <ToastProvider>');
  const { claim } = shelf;
  useLayoutEffect(() => claim(), [claim]);
  return <ToastList toasts={shelf.toasts} className={`toasts-inline ${props.className ?? ''}`} />;
}

function ToastList(props: { toasts: readonly Toast[]; className: string }) {
  return (
    <div className={props.className} role="status" aria-live="polite">
      {props.toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} data-testid={`toast-${t.kind}`}>
          {t.text}
        </div>
      ))}
    </div>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
