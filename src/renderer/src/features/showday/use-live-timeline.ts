// The show's incident timeline, kept fresh while live: re-read (show.timeline, the same builder as
// the package's timeline) after audit rows and alert changes, at most once a second, and every 5 s
// for the stream's health.
import { useEffect, useRef, useState } from 'react';
import type { Timeline } from '../../../../shared/contract/index';
import { useSend, useSlice } from '../../state/station.store';
import { useStationEvent } from '../../state/events';

const MIN_GAP_MS = 1000;
const POLL_MS = 5000;

export function useLiveTimeline(): Timeline | null {
  const send = useSend();
  const day = useSlice('showday');
  const alerts = useSlice('alerts');
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastAt = useRef(0);
  const live = day?.phase === 'live';
  const goAt = day?.go?.at ?? null;
  const endAt = day?.end?.at ?? null;

  const refreshRef = useRef<() => void>(() => undefined);
  refreshRef.current = () => {
    if (pending.current) return;
    const wait = Math.max(0, lastAt.current + MIN_GAP_MS - Date.now());
    pending.current = setTimeout(() => {
      pending.current = null;
      lastAt.current = Date.now();
      send('show.timeline', {}).then(
        (r) => setTimeline(r.timeline),
        () => undefined, // keep the last timeline; the status bar shows a lost link
      );
    }, wait);
  };

  useEffect(() => {
    if (goAt === null) {
      setTimeline(null);
      return;
    }
    refreshRef.current();
  }, [goAt, endAt, alerts]);
  useEffect(() => {
    if (!live) return;
    const id = setInterval(() => refreshRef.current(), POLL_MS);
    return () => clearInterval(id);
  }, [live]);
  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );
  useStationEvent('audit.appended', () => {
    if (goAt !== null) refreshRef.current();
  });
  return timeline;
}
