// Secrets (OBS password, store tokens, API tokens) live here and never in SQLite or logs.
// Headless: a JSON file readable only by its owner (0600). Electron passes its own store backed
// by safeStorage (see src/main/secret-store.electron.ts).
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface SecretStore {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  /** Where the secrets are kept, in words, for the README and the console. */
  readonly description: string;
}

export function createFileSecretStore(file: string): SecretStore {
  let cache: Record<string, string> = existsSync(file) ? parse(readFileSync(file, 'utf8'), file) : {};
  const persist = () => {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(cache, null, 2), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  };
  if (existsSync(file)) chmodSync(file, 0o600);
  return {
    description: `${file} (mode 0600)`,
    get: (name) => cache[name] ?? null,
    set(name, value) {
      cache = { ...cache, [name]: value };
      persist();
    },
    delete(name) {
      if (!(name in cache)) return;
      const { [name]: _removed, ...rest } = cache;
      cache = rest;
      persist();
    },
  };
}

export function createMemorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const map = new Map(Object.entries(initial));
  return {
    description: 'memory (tests)',
    get: (n) => map.get(n) ?? null,
    set: (n, v) => void map.set(n, v),
    delete: (n) => void map.delete(n),
  };
}

function parse(text: string, file: string): Record<string, string> {
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file} is not a secrets file`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}
