// A list the station answers on request (people, devices) rather than pushes as patches: read at mount, re-read
// every `everyMs`, and on demand after an action changed it. A failed read keeps what was shown.
import { useCallback, useEffect, useState } from 'react';

export function usePolled<T>(read: () => Promise<T | null | undefined>, initial: T, everyMs: number): [T, () => Promise<void>] {
  const [value, setValue] = useState<T>(initial);
  const refresh = useCallback(async () => {
    const next = await read();
    if (next !== null && next !== undefined) setValue(next);
  }, [read]);
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), everyMs);
    return () => clearInterval(timer);
  }, [refresh, everyMs]);
  return [value, refresh];
}
