// Installs the Debian packages the integration and end-to-end tests drive (OBS under Xvfb,
// nginx-rtmp, InspIRCd, Chromium). Checks files, not dpkg, so the all-present case takes milliseconds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Debian package → a file it ships that the tests use. The README quotes this list.
 * Mesa is listed piecewise because --no-install-recommends does not pull it in with obs-studio.
 */
export const SYSTEM_PACKAGES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  chromium: ['/usr/bin/chromium'],
  'obs-studio': ['/usr/bin/obs'],
  xvfb: ['/usr/bin/Xvfb'],
  xauth: ['/usr/bin/xauth'],
  trayer: ['/usr/bin/trayer'],
  'x11-utils': ['/usr/bin/xwininfo'],
  'libgl1-mesa-dri': ['{multiarch}/dri/swrast_dri.so'],
  'libegl-mesa0': ['{multiarch}/libEGL_mesa.so.0'],
  'libglx-mesa0': ['{multiarch}/libGLX_mesa.so.0'],
  nginx: ['/usr/sbin/nginx'],
  'libnginx-mod-rtmp': ['/usr/lib/nginx/modules/ngx_rtmp_module.so'],
  inspircd: ['/usr/sbin/inspircd', '/usr/lib/inspircd/modules/m_ircv3_ctctags.so'],
  postgresql: ['/usr/lib/postgresql/15/bin/initdb', '/usr/lib/postgresql/15/bin/pg_ctl'],
  // Chromium draws emoji in comments and the page title from this font; without it the screenshots
  // and the views show empty boxes where viewers typed emoji.
  'fonts-noto-color-emoji': ['/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf'],
});

function multiarchDirs(): string[] {
  try {
    return readdirSync('/usr/lib')
      .filter((name) => /-linux-gnu/.test(name))
      .map((name) => join('/usr/lib', name));
  } catch {
    return [];
  }
}

function isPresent(paths: readonly string[], archDirs: readonly string[]): boolean {
  return paths.every((path) =>
    path.includes('{multiarch}')
      ? archDirs.some((dir) => existsSync(path.replace('{multiarch}', dir)))
      : existsSync(path),
  );
}

export function missingPackages(): string[] {
  const archDirs = multiarchDirs();
  return Object.entries(SYSTEM_PACKAGES)
    .filter(([, paths]) => !isPresent(paths, archDirs))
    .map(([name]) => name);
}

function run(command: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed with ${result.status ?? result.signal}`);
  }
}

function install(packages: string[]): void {
  // nginx and inspircd postinst scripts would start system daemons on :80 and :6667; the tests run
  // their own on loopback, and a system inspircd would take the port @twurple/chat insists on.
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy) writeFileSync(policy, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    run('apt-get', ['update'], {});
    run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
      DEBIAN_FRONTEND: 'noninteractive',
    });
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
}

function main(): number {
  const missing = missingPackages();
  const all = Object.keys(SYSTEM_PACKAGES);
  if (missing.length === 0) {
    console.log(`setup-system: all ${all.length} system packages present (${all.join(', ')})`);
    return 0;
  }
  const command = `DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    console.error(
      `setup-system: missing ${missing.join(', ')}; as root run:\n  apt-get update && ${command}`,
    );
    return 1;
  }
  install(missing);
  const stillMissing = missingPackages();
  if (stillMissing.length > 0) {
    console.error(
      `setup-system: installed ${missing.join(', ')} but still missing files of ${stillMissing.join(', ')}`,
    );
    return 1;
  }
  console.log(
    `setup-system: installed ${missing.join(', ')}; all ${all.length} system packages present`,
  );
  return 0;
}

// Importable (for the README's package list or a test) without side effects.
if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href
) {
  process.exitCode = main();
}
