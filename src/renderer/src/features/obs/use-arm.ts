// Two-step confirmation shared by a button and its hotkey: the first press arms an action for a
// few seconds, a second press of the same one carries it out. Going live is never one keystroke.
import { useCallback, useEffect, useState } from 'react';

export interface Arm {
  armed: string | null;
  press(key: string, run: () => void): void;
  disarm(): void;
}

export function useArm(timeoutMs = 4_000): Arm {
  const [armed, setArmed] = useState<string | null>(null);
  useEffect(() => {
    if (armed === null) return;
    const t = setTimeout(() => setArmed(null), timeoutMs);
    return () => clearTimeout(t);
  }, [armed, timeoutMs]);
  const press = useCallback(
    (key: string, run: () => void) => {
      if (armed === key) {
        setArmed(null);
        run();
      } else setArmed(key);
    },
    [armed],
  );
  const disarm = useCallback(() => setArmed(null), []);
  return { armed, press, disarm };
}
