// A view's WebSocket to a station, as the producer's browser view holds it: one socket kept open,
// commands sent as `{t:"command"}` frames and answered by `{t:"result"}` frames, every patch read.
import WebSocket from 'ws';

export interface WsCommands {
  /**
   * Sends one command and resolves with its result frame; `parsedAt` (performance.now()) is when
   * its frame was parsed, before any frame that came in the same read (patches) is handled.
   */
  send(name: string, args: unknown): Promise<{ ok: boolean; result?: unknown; error?: unknown; parsedAt: number }>;
  /** Resolves once a patch of `domain` arrives whose value passes `test` (the view shows the change). */
  patch(domain: string, test: (value: unknown) => boolean): Promise<void>;
  close(): Promise<void>;
}

type Frame = { t: string; id?: string; ok?: boolean; result?: unknown; error?: unknown; domain?: string; value?: unknown };

export async function openWsCommands(stationUrl: string, token: string): Promise<WsCommands> {
  const url = `${stationUrl.replace(/^http/, 'ws')}/api/events?token=${encodeURIComponent(token)}`;
  const ws = new WebSocket(url);
  const pending = new Map<string, (frame: Frame, parsedAt: number) => void>();
  const watchers = new Set<{ domain: string; test: (v: unknown) => boolean; done: () => void }>();
  let seq = 0;
  // Like the view: every frame is parsed; results go to their command, patches to their watchers.
  ws.on('message', (data: Buffer) => {
    const frame = JSON.parse(data.toString('utf8')) as Frame;
    if (frame.t === 'result' && frame.id !== undefined) {
      pending.get(frame.id)?.(frame, performance.now());
      pending.delete(frame.id);
      return;
    }
    if (frame.t === 'patch') {
      for (const w of watchers) {
        if (w.domain === frame.domain && w.test(frame.value)) {
          watchers.delete(w);
          w.done();
        }
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    send(name, args) {
      seq += 1;
      const id = `b${seq}`;
      return new Promise((resolve) => {
        pending.set(id, (f, parsedAt) => resolve({ ok: f.ok === true, result: f.result, error: f.error, parsedAt }));
        ws.send(JSON.stringify({ t: 'command', id, name, args }));
      });
    },
    patch(domain, test) {
      return new Promise((done) => watchers.add({ domain, test, done }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close(1000, 'bench done');
      }),
  };
}
