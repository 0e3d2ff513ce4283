// A fake obs-websocket 5 server on port 0 for unit tests, in the manner of obs-websocket-js's own
// tests: the real protocol (Hello/Identify with the SHA-256 challenge, requests, events) over a real
// WebSocket, a small OBS model behind it, a record of every request, and switches for the faults
// the recipe lists (silence, abrupt drops, failed starts, swallowed StartStreams).
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeObsModel {
  /** Top of OBS's dock first (the server lists them bottom-up, like obs-websocket does). */
  scenes: string[];
  program: string;
  preview: string | null;
  studioMode: boolean;
  stream: { active: boolean; reconnecting: boolean; bytes: number; skipped: number; total: number; durationMs: number; congestion: number };
  record: boolean;
  service: { type: string; settings: Record<string, unknown> };
  stats: { cpuUsage: number; memoryUsage: number; activeFps: number; renderSkippedFrames: number; renderTotalFrames: number; outputSkippedFrames: number; outputTotalFrames: number };
  fps: number;
}

export interface FakeObsOptions {
  /** null: authentication off. */
  password?: string | null;
  scenes?: string[];
}

export interface ReceivedRequest {
  type: string;
  data: Record<string, unknown> | undefined;
  at: number;
}

type RequestResult = { ok: true; data?: Record<string, unknown> } | { ok: false; code: number; comment?: string };

export interface FakeObs {
  readonly url: string;
  readonly port: number;
  readonly model: FakeObsModel;
  readonly received: ReceivedRequest[];
  /** Identified clients right now. */
  clients(): number;
  emit(eventType: string, eventData?: Record<string, unknown>): void;
  /** Requests of these types are never answered (obs-websocket-js would wait forever). */
  silence(...types: string[]): void;
  unsilence(): void;
  /** StartStream succeeds but the output goes STARTING → STOPPED, as with the ingest down. */
  failStarts: boolean;
  /** The next N StartStreams are answered but do nothing at all (OBS 29 after STOPPED). */
  swallowStarts: number;
  /** Delay before a request is answered (ms). */
  latencyMs: number;
  /** Ends every connection without a close frame (clients see 1006). */
  dropAll(): void;
  /** Sends ExitStarted, then closes every connection with 1001, like OBS quitting. */
  quit(): void;
  /** Stops listening (clients get ECONNREFUSED) and drops everyone. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const OP = { hello: 0, identify: 1, identified: 2, event: 5, request: 6, response: 7 } as const;

export async function startFakeObs(options: FakeObsOptions = {}): Promise<FakeObs> {
  const password = options.password === undefined ? 'secret' : options.password;
  const scenes = options.scenes ?? ['Intro', 'Host Cam', 'Product Demo', 'Offer', 'Be Right Back'];
  const model: FakeObsModel = {
    scenes: [...scenes],
    program: scenes[0] ?? '',
    preview: null,
    studioMode: false,
    stream: { active: false, reconnecting: false, bytes: 0, skipped: 0, total: 0, durationMs: 0, congestion: 0 },
    record: false,
    service: { type: 'rtmp_custom', settings: { server: 'rtmp://127.0.0.1:19350/live', key: 'test' } },
    stats: { cpuUsage: 7, memoryUsage: 200, activeFps: 30, renderSkippedFrames: 0, renderTotalFrames: 1000, outputSkippedFrames: 0, outputTotalFrames: 0 },
    fps: 30,
  };
  const received: ReceivedRequest[] = [];
  const identified = new Set<WebSocket>();
  const silenced = new Set<string>();
  let port = 0;
  let wss: WebSocketServer;

  const send = (ws: WebSocket, op: number, d: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ op, d }));
  };
  const emit = (eventType: string, eventData?: Record<string, unknown>) => {
    for (const ws of identified) send(ws, OP.event, { eventType, eventIntent: 1, ...(eventData ? { eventData } : {}) });
  };
  const streamState = (state: string, active: boolean) => emit('StreamStateChanged', { outputActive: active, outputState: `OBS_WEBSOCKET_OUTPUT_${state}` });

  const fake: FakeObs = {
    get url() {
      return `ws://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    model,
    received,
    clients: () => identified.size,
    emit,
    silence: (...types) => types.forEach((t) => silenced.add(t)),
    unsilence: () => silenced.clear(),
    failStarts: false,
    swallowStarts: 0,
    latencyMs: 0,
    dropAll() {
      for (const ws of wss.clients) ws.terminate();
    },
    quit() {
      emit('ExitStarted');
      for (const ws of wss.clients) ws.close(1001, '');
    },
    async stop() {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    async restart() {
      await listen(port);
    },
    async close() {
      await fake.stop();
    },
  };

  const handle = (type: string, data: Record<string, unknown> | undefined): RequestResult => {
    const name = typeof data?.['sceneName'] === 'string' ? data['sceneName'] : '';
    switch (type) {
      case 'GetVersion':
        return { ok: true, data: { obsVersion: '29.0.2', obsWebSocketVersion: '5.1.0', rpcVersion: 1, availableRequests: [], supportedImageFormats: [], platform: 'fake', platformDescription: 'fake' } };
      case 'GetSceneList':
        return {
          ok: true,
          data: {
            currentProgramSceneName: model.program,
            currentPreviewSceneName: model.studioMode ? model.preview : null,
            scenes: [...model.scenes].reverse().map((sceneName, sceneIndex) => ({ sceneIndex, sceneName })),
          },
        };
      case 'GetStudioModeEnabled':
        return { ok: true, data: { studioModeEnabled: model.studioMode } };
      case 'GetStreamStatus':
        return {
          ok: true,
          data: {
            outputActive: model.stream.active,
            outputReconnecting: model.stream.reconnecting,
            outputTimecode: '00:00:00.000',
            outputDuration: model.stream.durationMs,
            outputCongestion: model.stream.congestion,
            outputBytes: model.stream.bytes,
            outputSkippedFrames: model.stream.skipped,
            outputTotalFrames: model.stream.total,
          },
        };
      case 'GetRecordStatus':
        return { ok: true, data: { outputActive: model.record, outputPaused: false, outputTimecode: '00:00:00.000', outputDuration: 0, outputBytes: 0 } };
      case 'GetVideoSettings':
        return { ok: true, data: { fpsNumerator: model.fps, fpsDenominator: 1, baseWidth: 640, baseHeight: 360, outputWidth: 640, outputHeight: 360 } };
      case 'GetStreamServiceSettings':
        return { ok: true, data: { streamServiceType: model.service.type, streamServiceSettings: { ...model.service.settings } } };
      case 'GetStats':
        return { ok: true, data: { ...model.stats, availableDiskSpace: 1000, averageFrameRenderTime: 3, webSocketSessionIncomingMessages: 0, webSocketSessionOutgoingMessages: 0 } };
      case 'SetCurrentProgramScene':
        if (!model.scenes.includes(name)) return { ok: false, code: 600, comment: `No source was found by the name of \`${name}\`.` };
        model.program = name;
        emit('CurrentProgramSceneChanged', { sceneName: name });
        return { ok: true };
      case 'SetCurrentPreviewScene':
        if (!model.studioMode) return { ok: false, code: 506 };
        if (!model.scenes.includes(name)) return { ok: false, code: 600, comment: `No source was found by the name of \`${name}\`.` };
        model.preview = name;
        emit('CurrentPreviewSceneChanged', { sceneName: name });
        return { ok: true };
      case 'TriggerStudioModeTransition': {
        if (!model.studioMode || model.preview === null) return { ok: false, code: 506 };
        const old = model.program;
        model.program = model.preview;
        model.preview = old;
        emit('CurrentPreviewSceneChanged', { sceneName: old });
        emit('CurrentProgramSceneChanged', { sceneName: model.program });
        return { ok: true };
      }
      case 'StartStream':
        if (model.stream.active) return { ok: false, code: 500 };
        if (fake.swallowStarts > 0) {
          fake.swallowStarts -= 1;
          return { ok: true };
        }
        streamState('STARTING', false);
        // As OBS 29 does with the ingest down: STARTING and STOPPED both before the answer.
        if (fake.failStarts) {
          streamState('STOPPED', false);
          return { ok: true };
        }
        setTimeout(() => {
          Object.assign(model.stream, { active: true, reconnecting: false, bytes: 0, skipped: 0, total: 0, durationMs: 0 });
          streamState('STARTED', true);
        }, 20);
        return { ok: true };
      case 'StopStream':
        if (!model.stream.active) return { ok: false, code: 501 };
        streamState('STOPPING', false);
        setTimeout(() => {
          Object.assign(model.stream, { active: false, reconnecting: false });
          streamState('STOPPED', false);
        }, 20);
        return { ok: true };
      case 'SetStreamServiceSettings': {
        if (model.stream.active) return { ok: false, code: 500, comment: 'You cannot change stream service settings while streaming.' };
        const settings = (data?.['streamServiceSettings'] ?? {}) as Record<string, unknown>;
        const type = data?.['streamServiceType'];
        model.service = { type: typeof type === 'string' ? type : model.service.type, settings: { ...model.service.settings, ...settings } };
        return { ok: true };
      }
      default:
        return { ok: false, code: 204, comment: `fake OBS does not know ${type}` };
    }
  };

  const onConnection = (ws: WebSocket) => {
    const challenge = randomBytes(16).toString('base64');
    const salt = randomBytes(16).toString('base64');
    send(ws, OP.hello, {
      obsWebSocketVersion: '5.1.0',
      rpcVersion: 1,
      ...(password !== null ? { authentication: { challenge, salt } } : {}),
    });
    ws.on('close', () => identified.delete(ws));
    ws.on('message', (raw: Buffer) => {
      const { op, d } = JSON.parse(raw.toString('utf8')) as { op: number; d: Record<string, unknown> };
      if (op === OP.identify) {
        if (password !== null) {
          const secret = createHash('sha256').update(password + salt).digest('base64');
          const expected = createHash('sha256').update(secret + challenge).digest('base64');
          if (d['authentication'] !== expected) return ws.close(4009, 'Authentication failed.');
        }
        identified.add(ws);
        return send(ws, OP.identified, { negotiatedRpcVersion: 1 });
      }
      if (op !== OP.request || !identified.has(ws)) return;
      const type = String(d['requestType']);
      const data = d['requestData'] as Record<string, unknown> | undefined;
      received.push({ type, data, at: Date.now() });
      if (silenced.has(type)) return;
      const answer = () => {
        const result = handle(type, data);
        send(ws, OP.response, {
          requestType: type,
          requestId: d['requestId'],
          requestStatus: result.ok ? { result: true, code: 100 } : { result: false, code: result.code, ...(result.comment ? { comment: result.comment } : {}) },
          ...(result.ok && result.data ? { responseData: result.data } : {}),
        });
      };
      if (fake.latencyMs > 0) setTimeout(answer, fake.latencyMs);
      else answer();
    });
  };

  const listen = (at: number) =>
    new Promise<void>((resolve, reject) => {
      wss = new WebSocketServer({
        host: '127.0.0.1',
        port: at,
        handleProtocols: (protocols) => (protocols.has('obswebsocket.json') ? 'obswebsocket.json' : false),
      });
      wss.once('listening', () => {
        port = (wss.address() as AddressInfo).port;
        resolve();
      });
      wss.once('error', reject);
      wss.on('connection', onConnection);
    });

  await listen(0);
  return fake;
}
