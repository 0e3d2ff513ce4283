// The one place that touches obs-websocket-js (its JSON build: readable frames, no msgpack). Adds
// what the library leaves out: a connect timeout, a timeout on every request, rejection of
// requests in flight when the socket closes, and failures classified into producer sentences.
import OBSWebSocket, { OBSWebSocketError, type OBSEventTypes, type OBSRequestTypes, type OBSResponseTypes } from 'obs-websocket-js/json';
import { ObsClosedError, ObsConnectError, ObsRequestError, ObsTimeoutError, describeConnectFailure, duration } from './obs.errors';

export interface ObsHello {
  obsWebSocketVersion: string;
  rpcVersion: number;
  /** False when obs-websocket has authentication turned off. */
  authRequired: boolean;
}

export interface ObsCloseInfo {
  code: number;
  reason: string;
}

export interface ObsSession {
  readonly hello: ObsHello;
  readonly closed: boolean;
  call<T extends keyof OBSRequestTypes>(type: T, data?: OBSRequestTypes[T], timeoutMs?: number): Promise<OBSResponseTypes[T]>;
  on<E extends keyof OBSEventTypes>(event: E, listener: (data: OBSEventTypes[E]) => void): void;
  /** Called once, whoever closed it. */
  onClose(listener: (info: ObsCloseInfo) => void): void;
  close(): Promise<void>;
}

export interface ObsConnectOptions {
  url: string;
  /** null: connect without a password. */
  password: string | null;
  timeoutMs: number;
  requestTimeoutMs: number;
}

/** Resolves with an identified session, or rejects with an ObsConnectError. */
export type ObsConnector = (options: ObsConnectOptions) => Promise<ObsSession>;

// The library keeps its socket protected; a connect timeout has to be able to abandon it.
class AbortableObsWebSocket extends OBSWebSocket {
  abort(): void {
    try {
      this.socket?.close();
    } catch {
      // Already closing.
    }
  }
}

const CLOSE_WAIT_MS = 1_000;

export const connectObsWebSocket: ObsConnector = async ({ url, password, timeoutMs, requestTimeoutMs }) => {
  const ws = new AbortableObsWebSocket();
  let authRequired: boolean | null = null;
  let opened = false;
  ws.once('ConnectionOpened', () => (opened = true));
  ws.once('Hello', (hello) => {
    authRequired = hello.authentication !== undefined;
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ws.abort();
      reject(
        opened && authRequired === null
          ? new ObsConnectError('not_obs', `Something answered at ${url}, but it is not obs-websocket 5 (it never said Hello). Check the port.`)
          : new ObsConnectError(
              'timeout',
              `No answer from ${url} within ${duration(timeoutMs)}. Check the address, and that OBS's WebSocket server is on (Tools → WebSocket Server Settings).`,
            ),
      );
    }, timeoutMs);
  });
  try {
    const identified = await Promise.race([ws.connect(url, password ?? undefined, { rpcVersion: 1 }), timedOut]);
    return createSession(ws, {
      obsWebSocketVersion: identified.obsWebSocketVersion,
      rpcVersion: identified.negotiatedRpcVersion,
      authRequired: authRequired ?? false,
    }, requestTimeoutMs);
  } catch (error) {
    if (error instanceof ObsConnectError) throw error;
    throw describeConnectFailure(url, toErrorLike(error), Boolean(password), authRequired);
  } finally {
    clearTimeout(timer);
  }
};

function createSession(ws: AbortableObsWebSocket, hello: ObsHello, requestTimeoutMs: number): ObsSession {
  let closed = false;
  const inFlight = new Set<() => void>();
  const closeListeners: ((info: ObsCloseInfo) => void)[] = [];

  ws.on('ConnectionClosed', (error: OBSWebSocketError) => {
    if (closed) return;
    closed = true;
    for (const abandon of [...inFlight]) abandon();
    inFlight.clear();
    for (const listener of closeListeners) listener({ code: error.code, reason: error.message });
  });

  return {
    hello,
    get closed() {
      return closed;
    },
    call(type, data, timeoutMs = requestTimeoutMs) {
      if (closed) return Promise.reject(new ObsClosedError(type));
      return new Promise((resolve, reject) => {
        const settle = (fn: () => void) => {
          clearTimeout(timer);
          inFlight.delete(abandon);
          fn();
        };
        const abandon = () => settle(() => reject(new ObsClosedError(type)));
        const timer = setTimeout(() => settle(() => reject(new ObsTimeoutError(type, timeoutMs))), timeoutMs);
        inFlight.add(abandon);
        ws.call(type, data).then(
          (response) => settle(() => resolve(response)),
          (error: unknown) => settle(() => reject(toRequestError(type, error))),
        );
      });
    },
    on(event, listener) {
      // obs-websocket-js types its emitter per event; the session's signature carries the same map.
      (ws.on as (event: string, fn: (data: unknown) => void) => void)(event, listener as (data: unknown) => void);
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    async close() {
      if (closed) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        ws.disconnect().catch(() => undefined),
        new Promise<void>((resolve) => {
          timer = setTimeout(() => {
            ws.abort();
            resolve();
          }, CLOSE_WAIT_MS);
        }),
      ]);
      clearTimeout(timer);
    },
  };
}

function toRequestError(type: string, error: unknown): Error {
  if (error instanceof OBSWebSocketError) return new ObsRequestError(type, error.code, error.message);
  // The library throws these when the socket is already gone.
  if (error instanceof Error && /Not connected|not identified/i.test(error.message)) return new ObsClosedError(type);
  return error instanceof Error ? error : new Error(String(error));
}

function toErrorLike(error: unknown): { code?: unknown; message?: unknown } {
  if (error && typeof error === 'object') return error as { code?: unknown; message?: unknown };
  return { message: String(error) };
}
