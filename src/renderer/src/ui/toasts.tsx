// Command errors and confirmations, shown briefly in a corner; the station's own sentence, as is.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
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

const ToastContext = createContext<ToastApi | null>(null);

export function describeError(error: unknown): string {
  if (error instanceof CommandRejection) {
    const fields = error.error.issues?.length ? ` (${error.error.issues.map((i) => i.path || 'payload').join(', ')})` : '';
    return `${error.error.message}${fields}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function ToastProvider(props: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const push = useCallback((kind: Toast['kind'], text: string) => {
    const id = Date.now() + Math.random();
    setToasts((t) => [...t.slice(-3), { id, kind, text }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), kind === 'error' ? 8000 : 3000);
  }, []);
  const api = useMemo<ToastApi>(() => ({ error: (e) => push('error', describeError(e)), ok: (t) => push('ok', t) }), [push]);
  return (
    <ToastContext.Provider value={api}>
      {props.children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((t) => (
          <div key={t.id} className={`toast toast-${t.kind}`} data-testid={`toast-${t.kind}`}>
            {t.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>');
  return api;
}
