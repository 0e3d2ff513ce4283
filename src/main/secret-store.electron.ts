// Secrets in Electron: encrypted with the OS keychain through safeStorage, kept in one file in the
// user-data folder. Falls back to refusing (not to plain text) when no keychain is available.
import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretStore } from '../core/platform/secret-store';

export function createSafeStorageSecretStore(file: string): SecretStore {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new Error('The OS keychain is not available, so Baton cannot store secrets safely. Run headless (npm start -- --headless) to use a 0600 file instead.');
  }
  let cache: Record<string, string> = {};
  if (existsSync(file)) {
    const plain = safeStorage.decryptString(readFileSync(file));
    cache = JSON.parse(plain) as Record<string, string>;
  }
  const persist = () => {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, safeStorage.encryptString(JSON.stringify(cache)), { mode: 0o600 });
    renameSync(tmp, file);
  };
  return {
    description: `${file} (encrypted with the OS keychain)`,
    get: (name) => cache[name] ?? null,
    set(name, value) {
      cache = { ...cache, [name]: value };
      persist();
    },
    delete(name) {
      const { [name]: _gone, ...rest } = cache;
      cache = rest;
      persist();
    },
  };
}
