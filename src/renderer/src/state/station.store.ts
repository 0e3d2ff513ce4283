// The view's mirror of the station in zustand, fed by the client's snapshot + patches. One store
// per client (created in StationProvider), never a module-level singleton.
import { createContext, createElement, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { ArgsOf, CommandName, ResultOf, ServerMessage, StationEvent, StationState, Role } from '../../../shared/contract/index';
import type { BatonClient, ConnectionStatus } from '../../../shared/contract/client';
import { applyMessage, type Mirror } from './apply-message';
import { browserFrame, createFrameBatch } from './frame-batch';
import { localClock, stationNow } from './station-clock';

export interface StationView extends Mirror {
  connection: ConnectionStatus;
  connectionDetail: string | null;
  /** When the connection last dropped; views count "reconnecting — Ns" from it. */
  lostAt: number | null;
  /** When the client tries the station again by itself (station time), null while linked or trying. */
  retryAt: number | null;
}

type EventListener = (event: StationEvent) => void;

interface StationContextValue {
  store: StoreApi<StationView>;
  client: BatonClient;
  onEvent(listener: EventListener): () => void;
}

export const StationContext = createContext<StationContextValue | null>(null);

export function StationProvider(props: { client: BatonClient; children: ReactNode }) {
  const { client } = props;
  const listeners = useRef(new Set<EventListener>());
  const value = useMemo<StationContextValue>(() => {
    const store = createStore<StationView>(() => ({
      state: null,
      rev: 0,
      role: null,
      actor: null,
      clockOffsetMs: 0,
      offsetShiftMs: null,
      connection: 'connecting',
      connectionDetail: null,
      lostAt: null,
      retryAt: null,
    }));
    return {
      store,
      client,
      onEvent(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
    };
  }, [client]);

  useEffect(() => {
    const { store } = value;
    // One store update per frame however many patches arrived since the last one.
    const batch = createFrameBatch<ServerMessage>((messages) => {
      const current = store.getState();
      let mirror: Mirror = current;
      let resync = false;
      const now = localClock();
      for (const m of messages) {
        const out = applyMessage(mirror, m, now);
        mirror = out.mirror;
        resync ||= out.resync;
      }
      if (mirror !== current) store.setState(mirror);
      if (resync) client.resync();
    }, browserFrame());
    const offMsg = client.onMessage((m) => {
      if (m.t === 'event') {
        // A listener may read the store: it sees every patch that came before its event.
        batch.flush();
        for (const l of listeners.current) l(m.event);
        return;
      }
      batch.push(m);
    });
    const offStatus = client.onStatus((connection, detail, retryAt) => {
      batch.flush();
      const prev = store.getState();
      store.setState({
        connection,
        connectionDetail: detail,
        // Both in station time, like useNow, so "lost for 12 s" and "next try in 4 s" count on the clock
        // they are read against (the client's retry times are on localClock).
        lostAt: connection === 'open' ? null : (prev.lostAt ?? stationNow(prev.clockOffsetMs)),
        retryAt: retryAt === null ? null : retryAt + prev.clockOffsetMs,
      });
    });
    return () => {
      offMsg();
      offStatus();
      batch.dispose();
    };
  }, [client, value]);

  return createElement(StationContext.Provider, { value }, props.children);
}

function useStationContext(): StationContextValue {
  const ctx = useContext(StationContext);
  if (!ctx) throw new Error('useStation must be used inside <StationProvider>');
  return ctx;
}

export function useStation<T>(selector: (view: StationView) => T): T {
  return useStore(useStationContext().store, selector);
}

/** The domain slice, or null before the first snapshot. */
export function useSlice<K extends keyof StationState>(key: K): StationState[K] | null {
  return useStation((v) => (v.state ? v.state[key] : null));
}

export function useRole(): Role | null {
  return useStation((v) => v.role);
}

export type Send = <N extends CommandName>(name: N, args: ArgsOf<N>) => Promise<ResultOf<N>>;

export function useSend(): Send {
  const { client } = useStationContext();
  return useMemo<Send>(() => (name, args) => client.send(name, args), [client]);
}

/** Tries the station now instead of waiting out the client's backoff ("Reconnect now"). */
export function useReconnectNow(): () => boolean {
  const { client } = useStationContext();
  return useMemo(() => () => client.reconnectNow(), [client]);
}

export function useStationEvents(): StationContextValue['onEvent'] {
  return useStationContext().onEvent;
}
