// "?" shows the view's keys; Esc or "?" again closes it.
import { useEffect, useRef, useState } from 'react';
import { useHotkeys } from './hotkeys';
import { HOTKEYS } from './hotkey-help';

export function HotkeyOverlay(props: { view: keyof typeof HOTKEYS }) {
  const [open, setOpen] = useState(false);
  const toggle = () => setOpen((o) => !o);
  useHotkeys({ '?': toggle, 'shift+?': toggle, ...(open ? { Escape: () => setOpen(false) } : {}) });
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) box.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="hotkey-overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="hotkey-overlay" tabIndex={-1} ref={box} onClick={() => setOpen(false)}>
      <div className="hotkey-card" onClick={(e) => e.stopPropagation()}>
        <h2>Keys</h2>
        <dl>
          {HOTKEYS[props.view].map((k) => (
            <div key={k.keys}>
              <dt className="mono">{k.keys}</dt>
              <dd>{k.what}</dd>
            </div>
          ))}
        </dl>
        <p className="muted small">Press ? or Esc to close.</p>
      </div>
    </div>
  );
}
