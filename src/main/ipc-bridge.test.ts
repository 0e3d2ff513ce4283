// The IPC bridge with Electron's modules faked and a real core behind it: only Baton's own windows,
// showing the station's origin, reach the core, and each acts as the role its window was opened for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/platform/logger';
import { IPC } from '../shared/contract/ipc-channels';
import type { ServerMessage } from '../shared/contract/messages';
import { createCore, type Core } from '../core/core';
import { createMemorySecretStore } from '../core/platform/secret-store';
import { createDefaultPorts } from '../station/default-ports';
import { createIpcBridge, type IpcBridge } from './ipc-bridge';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    handlers,
    listeners,
    ipcMain: {
      handle: (channel: string, h: (event: unknown, ...args: unknown[]) => unknown) => void handlers.set(channel, h),
      on: (channel: string, l: (event: unknown, ...args: unknown[]) => unknown) => void listeners.set(channel, l),
      removeHandler: (channel: string) => void handlers.delete(channel),
      removeAllListeners: (channel: string) => void listeners.delete(channel),
    },
  };
});
vi.mock('electron', () => ({ ipcMain: fake.ipcMain }));

const ORIGIN = 'http://127.0.0.1:4321';

class FakeContents {
  sent: ServerMessage[] = [];
  private onDestroyed: (() => void) | null = null;
  constructor(readonly id: number) {}
  isDestroyed() {
    return false;
  }
  send(_channel: string, m: ServerMessage) {
    this.sent.push(m);
  }
  once(_event: 'destroyed', l: () => void) {
    this.onDestroyed = l;
    return this;
  }
  destroy() {
    this.onDestroyed?.();
  }
}

const event = (contents: FakeContents, url: string | undefined) => ({ sender: contents, senderFrame: url === undefined ? undefined : { url } });
const invoke = (e: unknown, name: unknown, args: unknown) => (fake.handlers.get(IPC.command) as Handler)(e, name, args) as Promise<{ ok: boolean; error?: { code: string } }>;

// The shell's tests may not import test support: the same in-memory core, built here.
function createMemoryCore(): Core {
  return createCore({
    dataDir: ':memory:',
    clock: { now: () => Date.UTC(2026, 11, 3, 19, 0, 0), monotonic: () => Date.UTC(2026, 11, 3, 19, 0, 0) },
    log: silentLogger,
    secrets: createMemorySecretStore({}),
    station: { version: 'test', mode: 'electron', url: ORIGIN, lan: false },
    cwd: process.cwd(),
    showFolders: () => ['resources/demo-show'],
    nativeBinding: null,
    ports: createDefaultPorts(),
  });
}

let core: Core;
let bridge: IpcBridge;
let producerWin: FakeContents;
let hostWin: FakeContents;

beforeEach(() => {
  core = createMemoryCore();
  core.show.loadFile('resources/demo-show/show.json');
  bridge = createIpcBridge(core, ORIGIN, silentLogger);
  producerWin = new FakeContents(1);
  hostWin = new FakeContents(2);
  bridge.attach(producerWin as never, 'producer', 'producer (this computer)');
  bridge.attach(hostWin as never, 'host', 'host (this computer)');
});
afterEach(async () => {
  bridge.close();
  await core.close();
});

describe('IPC bridge: who may send', () => {
  it('answers a command from a Baton window showing the station’s origin', async () => {
    expect(await invoke(event(producerWin, `${ORIGIN}/producer`), 'show.clock', { action: 'start' })).toMatchObject({ ok: true });
  });

  it('refuses a frame whose origin is not the station’s, whatever window it sits in', async () => {
    for (const url of ['https://evil.example/producer', 'http://127.0.0.1:4322/producer', 'https://127.0.0.1:4321/producer', 'file:///etc/passwd', 'about:blank', 'not a url', '', undefined]) {
      expect(await invoke(event(producerWin, url), 'show.clock', { action: 'start' })).toEqual({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/not one of Baton/) } });
    }
  });

  it('refuses a web contents that is not one of Baton’s windows, and one that was closed', async () => {
    const stranger = new FakeContents(99);
    expect(await invoke(event(stranger, `${ORIGIN}/producer`), 'show.clock', { action: 'start' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    producerWin.destroy();
    expect(await invoke(event(producerWin, `${ORIGIN}/producer`), 'show.clock', { action: 'start' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('sends the stream only to a window that qualifies', () => {
    const ready = fake.listeners.get(IPC.ready) as Handler;
    ready(event(hostWin, 'https://evil.example/'));
    expect(hostWin.sent).toEqual([]);
    ready(event(hostWin, `${ORIGIN}/host`));
    expect(hostWin.sent[0]).toMatchObject({ t: 'hello', role: 'host' });
  });
});

describe('IPC bridge: the window’s role, not the one asked for', () => {
  it('a host window asking for the producer’s page, role or command is still the host', async () => {
    // The path, a role field in the arguments and the command name are all the page's own words.
    expect(await invoke(event(producerWin, `${ORIGIN}/producer`), 'show.clock', { action: 'start' })).toMatchObject({ ok: true });
    expect(core.snapshot().state.audit.count).toBeGreaterThan(0);
    const asProducer = event(hostWin, `${ORIGIN}/producer?role=producer`);
    expect(await invoke(asProducer, 'show.clock', { action: 'start', role: 'producer' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await invoke(asProducer, 'audit.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const ready = fake.listeners.get(IPC.ready) as Handler;
    ready(asProducer);
    expect(hostWin.sent[0]).toMatchObject({ t: 'hello', role: 'host' });
    const snapshot = hostWin.sent.find((m) => m.t === 'snapshot');
    // The producer's audit trail is not in the host's view.
    expect(snapshot && 'state' in snapshot ? snapshot.state.audit : null).toEqual({ recent: [], count: 0, headHash: null });
  });

  it('re-attaching a window replaces its role instead of adding one', async () => {
    bridge.attach(producerWin as never, 'moderator', 'moderator (this computer)');
    expect(await invoke(event(producerWin, `${ORIGIN}/moderator`), 'show.clock', { action: 'start' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('answers a hostile name or arguments as an error, not a throw', async () => {
    for (const [name, args] of [[null, null], [42, {}], ['\ud800.x', {}], ['show.clock', 'x'], ['show.clock', { a: { b: { c: [] } } }]] as const) {
      const r = await invoke(event(producerWin, `${ORIGIN}/producer`), name, args);
      expect(r.ok).toBe(false);
    }
  });
});
