// Secrets in Electron: encrypted with the OS keychain through safeStorage, kept in one file in the
// user-data folder. Refuses (never falls back to plain text) when no real keychain is there.
import { safeStorage } from 'electron';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { SecretStore } from '../core/platform/secret-store';

/** Why the OS keychain cannot protect Baton's secrets here, or null when it can. */
export function keychainProblem(platform: NodeJS.Platform): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'The OS keychain is not available, so Baton cannot store secrets safely.';
  }
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    // basic_text encrypts with a password hard-coded in Chromium: anyone with the file reads the secrets.
    if (backend === 'basic_text' || backend === 'unknown') {
      return `No desktop keyring (GNOME Keyring/libsecret or KWallet) answered (safeStorage backend: ${backend}), so Baton's secrets would be stored effectively in clear text.`;
    }
  }
  return null;
}

const WAY_OUT =
  ' Either start a keyring and restart Baton (for example install gnome-keyring and log in to the desktop session, or pass --password-store=gnome-libsecret or --password-store=kwallet5),' +
  ' or run the headless station (npm start -- --headless), which keeps secrets in a file only your user can read. See docs/electron-security.md.';

export function createSafeStorageSecretStore(file: string, platform: NodeJS.Platform = process.platform): SecretStore {
  const problem = keychainProblem(platform);
  if (problem !== null) throw new Error(problem + WAY_OUT);
  let cache: Record<string, string> = {};
  if (existsSync(file)) cache = readSecrets(file);
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

function readSecrets(file: string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(safeStorage.decryptString(readFileSync(file)));
  } catch {
    throw new Error(`Baton's secrets file ${file} cannot be decrypted with this computer's keychain (another user, another keyring, or damaged). Move it aside to start with no stored secrets.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) {
    throw new Error(`Baton's secrets file ${file} does not hold name → text pairs. Move it aside to start with no stored secrets.`);
  }
  return parsed as Record<string, string>;
}
