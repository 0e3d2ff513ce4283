// The Electron secret store with safeStorage faked: it refuses Linux's basic_text backend (and no
// keychain at all) with a way out, and round-trips secrets through the keychain's encryption.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const keychain = vi.hoisted(() => ({
  available: true,
  backend: 'gnome_libsecret' as string,
}));

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => keychain.available,
    getSelectedStorageBackend: () => keychain.backend,
    // A reversible stand-in for the OS cipher: what is on disk is not the plain JSON.
    encryptString: (s: string) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (b: Buffer) => {
      const plain = Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8');
      if (!plain.startsWith('{')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return plain;
    },
  },
}));

const { createSafeStorageSecretStore } = await import('./secret-store.electron');

describe('Electron secret store', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'baton-secrets-'));
    keychain.available = true;
    keychain.backend = 'gnome_libsecret';
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses Linux’s basic_text backend, naming the way out', () => {
    keychain.backend = 'basic_text';
    expect(() => createSafeStorageSecretStore(join(dir, 'secrets.bin'), 'linux')).toThrow(/clear text.*gnome-keyring.*--password-store.*npm start -- --headless/s);
    keychain.backend = 'unknown';
    expect(() => createSafeStorageSecretStore(join(dir, 'secrets.bin'), 'linux')).toThrow(/safeStorage backend: unknown/);
  });

  it('refuses when no keychain is available on any platform', () => {
    keychain.available = false;
    expect(() => createSafeStorageSecretStore(join(dir, 'secrets.bin'), 'darwin')).toThrow(/keychain is not available/);
  });

  it('keeps secrets encrypted on disk and reads them back', () => {
    for (const backend of ['gnome_libsecret', 'kwallet5']) {
      keychain.backend = backend;
      const file = join(dir, `${backend}.bin`);
      const store = createSafeStorageSecretStore(file, 'linux');
      store.set('obs.password', 'hunter2-obs');
      expect(readFileSync(file).toString('utf8')).not.toContain('hunter2-obs');
      expect(createSafeStorageSecretStore(file, 'linux').get('obs.password')).toBe('hunter2-obs');
    }
    // macOS and Windows have no backend choice to check.
    keychain.backend = 'basic_text';
    expect(() => createSafeStorageSecretStore(join(dir, 'mac.bin'), 'darwin')).not.toThrow();
  });

  it('answers a secrets file it cannot read with a sentence, not a crash', () => {
    const file = join(dir, 'secrets.bin');
    writeFileSync(file, 'garbage');
    expect(() => createSafeStorageSecretStore(file, 'linux')).toThrow(/cannot be decrypted.*Move it aside/);
  });
});
