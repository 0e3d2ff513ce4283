// A core for tests: in-memory SQLite, in-memory secrets, a controllable clock, silent logs.
// Pass `ports` to substitute a module's outside world (fake or pointed at a local test server).
import { resolve } from 'node:path';
import { createCore, type Core } from '../../src/core/core';
import { createDefaultPorts } from '../../src/station/default-ports';
import type { DeviceRegistry } from '../../src/core/people/devices.port';
import type { CorePorts } from '../../src/core/ports';
import { silentLogger } from '../../src/core/platform/logger';
import { createMemorySecretStore } from '../../src/core/platform/secret-store';
import type { Caller } from '../../src/core/dispatch/handler';
import type { Clock } from '../../src/core/platform/clock';

/** `advance` is time passing (both readings move); `set` is the wall clock stepped (NTP, a producer), which a monotonic reading never sees. */
export interface TestClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function createTestClock(start = Date.UTC(2026, 11, 3, 19, 0, 0)): TestClock {
  let t = start;
  let elapsed = 0;
  return {
    now: () => t,
    monotonic: () => elapsed,
    advance: (ms) => {
      t += ms;
      elapsed += ms;
    },
    set: (ms) => void (t = ms),
  };
}

export interface TestCoreOptions {
  dataDir?: string;
  clock?: Clock;
  ports?: Partial<CorePorts>;
  secrets?: Record<string, string>;
  /** The station's device registry (named machine-client tokens). */
  devices?: DeviceRegistry;
  /** Folders `show.load` may read (default: the demo show's). */
  showFolders?: string[];
}

export function createTestCore(options: TestCoreOptions = {}): Core {
  return createCore({
    dataDir: options.dataDir ?? ':memory:',
    clock: options.clock ?? createTestClock(),
    log: silentLogger,
    secrets: createMemorySecretStore(options.secrets ?? {}),
    station: { version: 'test', mode: 'headless', url: 'http://127.0.0.1:0', lan: false },
    cwd: process.cwd(),
    showFolders: () => options.showFolders ?? [resolve(DEMO_SHOW, '..')],
    nativeBinding: null,
    ports: { ...createDefaultPorts(), ...options.ports },
    ...(options.devices ? { devices: options.devices } : {}),
  });
}

export const producer: Caller = { actor: 'Maya (producer)', role: 'producer', via: 'test' };
export const host: Caller = { actor: 'Leo (host)', role: 'host', via: 'test' };
export const moderator: Caller = { actor: 'Ana (moderator)', role: 'moderator', via: 'test' };
export const moderator2: Caller = { actor: 'Dewi (moderator)', role: 'moderator', via: 'test' };

export const DEMO_SHOW = 'resources/demo-show/show.json';
