// The packaging hook against a binary carrying a real fuse wire (Electron's sentinel and layout,
// as @electron/fuses reads it): every fuse lands where the Electron checklist wants it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

// A fuse is one ASCII byte on the wire: '0' off, '1' on.
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
type AfterPack = ((context: PackContext) => Promise<void>) & {
  FUSES: Record<string, boolean>;
  electronBinaryOf(context: PackContext): string;
};
const afterPack = createRequire(import.meta.url)('./after-pack.cjs') as AfterPack;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's shipped defaults for the eight V1 fuses, in wire order.
const ELECTRON_DEFAULTS = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE];

function fakeElectron(file: string): void {
  const wire = Buffer.from([1, ELECTRON_DEFAULTS.length, ...ELECTRON_DEFAULTS]);
  writeFileSync(file, Buffer.concat([Buffer.alloc(4096, 0x90), Buffer.from(SENTINEL, 'latin1'), wire, Buffer.alloc(4096, 0x90)]));
}

const context = (appOutDir: string, electronPlatformName = 'linux'): PackContext => ({
  appOutDir,
  electronPlatformName,
  packager: { executableName: 'baton', appInfo: { productFilename: 'Baton' } },
});

describe('afterPack fuses', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('decides every fuse the way the Electron security checklist asks', () => {
    expect(afterPack.FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    // Every fuse @electron/fuses knows is decided.
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(afterPack.FUSES).sort()).toEqual(known.sort());
  });

  it('flips the packaged Linux binary', async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-fuses-'));
    fakeElectron(join(dir, 'baton'));
    await afterPack(context(dir));
    const wire = await getCurrentFuseWire(join(dir, 'baton'));
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('fails the packaging run rather than ship a binary it could not fuse', async () => {
    dir = mkdtempSync(join(tmpdir(), 'baton-fuses-'));
    writeFileSync(join(dir, 'baton'), Buffer.alloc(1024, 0x90));
    await expect(afterPack(context(dir))).rejects.toThrow(/sentinel/);
    await expect(afterPack(context(dir, 'freebsd'))).rejects.toThrow(/refusing to ship an unfused binary/);
  });

  it('finds the binary on each platform', () => {
    expect(afterPack.electronBinaryOf(context('/o', 'darwin'))).toBe(join('/o', 'Baton.app'));
    expect(afterPack.electronBinaryOf(context('/o', 'win32'))).toBe(join('/o', 'Baton.exe'));
    expect(afterPack.electronBinaryOf(context('/o', 'linux'))).toBe(join('/o', 'baton'));
  });
});
