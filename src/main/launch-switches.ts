// Command-line switches that would open a debugger on Baton or switch off the page sandbox or web
// security. The shell refuses to start with any of them (they act before our code runs, so
// stripping alone is too late) and strips them from what Chromium passes to child processes.
/** Switch names (without dashes) that are refused, each family with its reason. */
export const FORBIDDEN_SWITCHES: readonly string[] = Object.freeze([
  // A debugger on the main process reads every token and secret (the inspect fuse also blocks these).
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'js-flags',
  // DevTools protocol on a port or pipe: remote control of every window.
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  // The renderer sandbox and web security are what keep a view's page away from the machine.
  'no-sandbox',
  'disable-setuid-sandbox',
  'disable-gpu-sandbox',
  'no-zygote',
  'disable-web-security',
  'disable-site-isolation-trials',
  'allow-running-insecure-content',
  'ignore-certificate-errors',
  'allow-file-access-from-files',
  'load-extension',
  // Would point the station's own name at another server.
  'host-rules',
  'host-resolver-rules',
]);

const forbidden = new Set(FORBIDDEN_SWITCHES);

/** The switch name of one argument (`--no-sandbox`, `-inspect=9229`, `/no-sandbox` on Windows), or null. */
export function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const m = /^(?:--?|\/)([A-Za-z0-9][A-Za-z0-9-_]*)(?:=.*)?$/s.exec(arg);
  if (!m || (arg.startsWith('/') && platform !== 'win32')) return null;
  return m[1]!.toLowerCase().replace(/_/g, '-');
}

/** The refused switches present in argv (every argument, also after `--`: no switch is ours to pass on). */
export function refusedSwitches(argv: readonly string[], platform: NodeJS.Platform): string[] {
  const found = new Set<string>();
  for (const arg of argv) {
    const name = switchName(arg, platform);
    if (name !== null && forbidden.has(name)) found.add(name);
  }
  return [...found];
}

/** Node's own debug options, which Electron honours when its fuse allows (and unpackaged builds do). */
export function refusedNodeOptions(nodeOptions: string | undefined): string[] {
  if (!nodeOptions) return [];
  return refusedSwitches(nodeOptions.split(/\s+/).filter(Boolean), 'linux');
}

export interface CommandLineLike {
  hasSwitch(name: string): boolean;
  removeSwitch(name: string): void;
}

export interface LaunchCheck {
  refused: string[];
  message: string | null;
}

/**
 * Checks argv and NODE_OPTIONS, strips every refused switch from Chromium's command line, and says
 * why Baton will not start when any was given.
 */
export function checkLaunchSwitches(input: { argv: readonly string[]; env: NodeJS.ProcessEnv; platform: NodeJS.Platform; commandLine: CommandLineLike }): LaunchCheck {
  const refused = [...new Set([...refusedSwitches(input.argv, input.platform), ...refusedNodeOptions(input.env.NODE_OPTIONS)])];
  for (const name of FORBIDDEN_SWITCHES) if (input.commandLine.hasSwitch(name)) input.commandLine.removeSwitch(name);
  if (refused.length === 0) return { refused, message: null };
  return {
    refused,
    message:
      `Baton does not start with ${refused.map((n) => `--${n}`).join(', ')}: ` +
      'these open a debugger on the station or switch off the page sandbox, and a live show must not run that way. ' +
      'Start Baton without them (check the shortcut and NODE_OPTIONS). To debug Baton, run the headless station from source: npm start -- --headless.',
  };
}
