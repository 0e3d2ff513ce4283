// electron-builder's afterPack hook: flips Electron's fuses in the packaged binary before it is
// signed, so the shipped app cannot be turned into a plain Node (RunAsNode, NODE_OPTIONS,
// --inspect) or made to load code from outside its integrity-checked app.asar.
const { join } = require('node:path');
const { flipFuses, FuseV1Options, FuseVersion } = require('@electron/fuses');

/**
 * Every fuse decided, with its reason. Electron's checklist, row by row; a fuse Electron adds later
 * keeps its default until it is listed here (the unit test pins this list).
 */
const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would make the signed binary a general-purpose Node.
  RunAsNode: false,
  // Cookies and local storage encrypted at rest with the OS keychain's key.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could preload any script into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and friends would open a debugger on the main process (tokens, secrets).
  EnableNodeCliInspectArguments: false,
  // app.asar is checked against the hash embedded at packaging (macOS and Windows; Linux ignores it).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded: no unpacked `app/` folder placed beside it can take over.
  OnlyLoadAppFromAsar: true,
  // The ordinary V8 snapshot; Baton ships no custom one.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The views are served over http from the station, never from file://, so file:// needs no extra powers.
  GrantFileProtocolExtraPrivileges: false,
});

/** The @electron/fuses config for FUSES. */
function fuseConfig(platform) {
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, value] of Object.entries(FUSES)) config[FuseV1Options[name]] = value;
  return config;
}

/** Where electron-builder put the Electron binary (or the macOS app bundle) for this target. */
function electronBinaryOf(context) {
  const product = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${product}.app`);
    case 'win32':
      return join(context.appOutDir, `${product}.exe`);
    case 'linux':
      return join(context.appOutDir, context.packager.executableName);
    default:
      throw new Error(`afterPack: no fuse rule for platform "${context.electronPlatformName}"; refusing to ship an unfused binary`);
  }
}

/** The hook. A binary without a fuse wire fails the packaging run (flipFuses throws). */
async function afterPack(context, flip = flipFuses) {
  const binary = electronBinaryOf(context);
  await flip(binary, fuseConfig(context.electronPlatformName));
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.fuseConfig = fuseConfig;
module.exports.electronBinaryOf = electronBinaryOf;
