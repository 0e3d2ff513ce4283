// A core for in-process benches: a real data folder (disk, WAL) and the real clock, with silent
// logs and in-memory secrets, so figures measure the command chain and not the console.
import { createCore, type Core } from '../../src/core/core';
import { createDefaultPorts } from '../../src/station/default-ports';
import { silentLogger } from '../../src/core/platform/logger';
import { createMemorySecretStore } from '../../src/core/platform/secret-store';
import type { Caller } from '../../src/core/dispatch/handler';

export function createBenchCore(dataDir: string): Core {
  return createCore({
    dataDir,
    clock: { now: () => Date.now(), monotonic: () => performance.now() },
    log: silentLogger,
    secrets: createMemorySecretStore({}),
    station: { version: 'bench', mode: 'headless', url: 'http://127.0.0.1:0', lan: false },
    cwd: process.cwd(),
    showFolders: () => ['resources/demo-show'],
    nativeBinding: null,
    ports: createDefaultPorts(),
  });
}

/** The producer at the bench: every command is allowed, as in a show. */
export const benchProducer: Caller = { actor: 'Maya (producer)', role: 'producer', via: 'test' };
