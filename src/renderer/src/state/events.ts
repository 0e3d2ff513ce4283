// Subscribe a component to one kind of station event (comments.changed, audit.appended, …).
import { useEffect, useRef } from 'react';
import type { StationEvent } from '../../../shared/contract/index';
import { useStationEvents } from './station.store';

export function useStationEvent<N extends StationEvent['name']>(
  name: N,
  handler: (event: Extract<StationEvent, { name: N }>) => void,
): void {
  const onEvent = useStationEvents();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(
    () =>
      onEvent((e) => {
        if (e.name === name) ref.current(e as Extract<StationEvent, { name: N }>);
      }),
    [onEvent, name],
  );
}
