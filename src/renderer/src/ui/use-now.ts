import { useContext, useEffect, useState } from 'react';
import { stationNow } from '../state/station-clock';
import { StationContext } from '../state/station.store';

/**
 * Re-renders every `ms` with the station's current time, for clocks and "lost for N s" counters.
 * The time is this machine's clock corrected by the offset the station sent in its hello: the host
 * reads the show clock on a laptop whose clock may be minutes off, and timestamps come from the station.
 */
export function useNow(ms = 1000): number {
  const store = useContext(StationContext)?.store ?? null;
  const [now, setNow] = useState(() => stationNow(store?.getState().clockOffsetMs ?? 0));
  useEffect(() => {
    const t = setInterval(() => setNow(stationNow(store?.getState().clockOffsetMs ?? 0)), ms);
    return () => clearInterval(t);
  }, [ms, store]);
  return now;
}
