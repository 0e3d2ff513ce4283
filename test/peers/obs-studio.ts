// A real OBS Studio (29.x, obs-websocket 5.1) under its own Xvfb display with a private HOME,
// streaming to a loopback RTMP ingest. Each OBS quirk it relies on is stated where it is used.
import { mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  delay,
  findFreePort,
  spawnManaged,
  waitUntil,
  webSocketUpgrades,
  type Disposable,
  type ManagedProcess,
} from './process-control.js';

export const OBS_BINARY = '/usr/bin/obs';
export const XVFB_BINARY = '/usr/bin/Xvfb';
export const TRAYER_BINARY = '/usr/bin/trayer';
export const DEFAULT_SCENES: readonly string[] = [
  'Intro',
  'Host Cam',
  'Product Demo',
  'Offer',
  'Be Right Back',
];
export const OBS_STREAM_KEY = 'test';
const PROFILE = 'Baton';
const COLLECTION = 'Baton';

export interface ObsStudioOptions {
  readonly workDir: string;
  // null turns obs-websocket auth off, as a producer might on a closed studio network.
  readonly password: string | null;
  readonly rtmpUrl: string;
  readonly scenes?: readonly string[];
  readonly startTimeoutMs?: number;
}

export interface ObsStudio extends Disposable {
  readonly url: string;
  readonly port: number;
  readonly password: string | null;
  // PID of the current OBS; changes after restart().
  readonly pid: number;
  readonly scenes: readonly string[];
  readonly streamKey: string;
  readonly display: string;
  readonly workDir: string;
  // Milliseconds from spawning OBS to a successful WebSocket upgrade, for the last (re)start.
  readonly lastStartMs: number;
  isRunning(): boolean;
  // Every process this harness started and that is still alive (OBS, Xvfb, trayer).
  livePids(): number[];
  readLog(): string;
  // SIGINT: OBS's clean exit (it saves state; clients see ExitStarted then close code 1001).
  // Also ends the X display and tray, so nothing is left running.
  stop(): Promise<void>;
  // SIGKILL OBS only, like a crash: the display stays, clients see close code 1006.
  kill(): Promise<void>;
  // Starts OBS again on the same port with the config on disk (as OBS itself last saved it).
  restart(): Promise<void>;
}

interface Display {
  readonly name: string;
  readonly xvfb: ManagedProcess;
  readonly trayer: ManagedProcess;
}

// Colours are ABGR, as color_source_v3 stores them.
const SCENE_COLOURS = [0xff3a2a8c, 0xff2f7d32, 0xffb06c1e, 0xff1e5bd6, 0xff555555];

function ini(sections: Record<string, Record<string, string | number | boolean>>): string {
  return Object.entries(sections)
    .map(
      ([section, values]) =>
        `[${section}]\n${Object.entries(values)
          .map(([key, value]) => `${key}=${String(value)}`)
          .join('\n')}\n`,
    )
    .join('\n');
}

function sceneCollection(scenes: readonly string[]): unknown {
  const sources = scenes.flatMap((scene, index) => {
    const colourName = `${scene} Colour`;
    return [
      {
        id: 'color_source',
        versioned_id: 'color_source_v3',
        name: colourName,
        enabled: true,
        flags: 0,
        mixers: 0,
        settings: { color: SCENE_COLOURS[index % SCENE_COLOURS.length], width: 640, height: 360 },
      },
      {
        id: 'scene',
        versioned_id: 'scene',
        name: scene,
        enabled: true,
        flags: 0,
        mixers: 0,
        settings: {
          id_counter: 1,
          custom_size: false,
          items: [
            {
              name: colourName,
              id: 1,
              visible: true,
              locked: false,
              pos: { x: 0, y: 0 },
              scale: { x: 1, y: 1 },
              rot: 0,
              align: 5,
              bounds_type: 0,
              bounds_align: 0,
              bounds: { x: 0, y: 0 },
              crop_left: 0,
              crop_top: 0,
              crop_right: 0,
              crop_bottom: 0,
            },
          ],
        },
      },
    ];
  });
  const first = scenes[0] ?? '';
  return {
    name: COLLECTION,
    current_scene: first,
    current_program_scene: first,
    scene_order: scenes.map((name) => ({ name })),
    sources,
    groups: [],
    current_transition: 'Cut',
    transition_duration: 300,
    transitions: [],
    quick_transitions: [],
    modules: {},
    preview_locked: false,
    scaling_enabled: false,
  };
}

function writeObsConfig(
  configHome: string,
  options: Required<Pick<ObsStudioOptions, 'password' | 'rtmpUrl'>> & {
    port: number;
    scenes: readonly string[];
  },
): void {
  const obsDir = join(configHome, 'obs-studio');
  const profileDir = join(obsDir, 'basic', 'profiles', PROFILE);
  const scenesDir = join(obsDir, 'basic', 'scenes');
  const wsDir = join(obsDir, 'plugin_config', 'obs-websocket');
  for (const dir of [profileDir, scenesDir, wsDir]) mkdirSync(dir, { recursive: true });

  const authRequired = options.password !== null;
  const password = options.password ?? '';
  writeFileSync(
    join(obsDir, 'global.ini'),
    ini({
      // FirstRun=true means "the first run already happened": without it the modal
      // auto-configuration wizard blocks the UI thread and the WebSocket server never answers.
      General: {
        FirstRun: true,
        ConfirmOnExit: false,
        WarnBeforeStartingStream: false,
        WarnBeforeStoppingStream: false,
        WarnBeforeStartingRecord: false,
        EnableAutoUpdates: false,
      },
      BasicWindow: { PreviewEnabled: false, SysTrayEnabled: true, SysTrayWhenStarted: true },
      Basic: {
        Profile: PROFILE,
        ProfileDir: PROFILE,
        SceneCollection: COLLECTION,
        SceneCollectionFile: COLLECTION,
      },
      // obs-websocket 5.1 (OBS 29.0) reads this section; without ServerEnabled=true it writes
      // false plus a random password and ignores the --websocket_* flags.
      OBSWebSocket: {
        FirstLoad: false,
        ServerEnabled: true,
        ServerPort: options.port,
        AlertsEnabled: false,
        AuthRequired: authRequired,
        ServerPassword: password,
      },
    }),
  );
  // obs-websocket 5.2+ (OBS 29.1+) reads this file instead; harmless for 5.1.
  writeFileSync(
    join(wsDir, 'config.json'),
    JSON.stringify({
      alerts_enabled: false,
      auth_required: authRequired,
      first_load: false,
      server_enabled: true,
      server_password: password,
      server_port: options.port,
    }),
  );
  writeFileSync(
    join(profileDir, 'basic.ini'),
    ini({
      General: { Name: PROFILE },
      Video: {
        BaseCX: 640,
        BaseCY: 360,
        OutputCX: 640,
        OutputCY: 360,
        FPSType: 0,
        FPSCommon: 30,
        ScaleType: 'bilinear',
      },
      Output: { Mode: 'Simple', Reconnect: true, RetryDelay: 2, MaxRetries: 20 },
      SimpleOutput: {
        StreamEncoder: 'x264',
        VBitrate: 300,
        ABitrate: 64,
        UseAdvanced: true,
        Preset: 'ultrafast',
        RecFormat: 'mkv',
      },
      Audio: { SampleRate: 44100, ChannelSetup: 'Stereo' },
    }),
  );
  writeFileSync(
    join(profileDir, 'service.json'),
    JSON.stringify({
      type: 'rtmp_custom',
      settings: { server: options.rtmpUrl, key: OBS_STREAM_KEY, use_auth: false },
    }),
  );
  writeFileSync(
    join(scenesDir, `${COLLECTION}.json`),
    JSON.stringify(sceneCollection(options.scenes)),
  );
}

async function readDisplayNumber(xvfb: ManagedProcess, timeoutMs: number): Promise<string> {
  const stdout = xvfb.child.stdout;
  if (stdout === null) throw new Error('Xvfb stdout is not piped');
  let buffered = '';
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<string>((resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`Xvfb reported no display within ${timeoutMs} ms\n${xvfb.readLog()}`)),
        timeoutMs,
      );
      stdout.setEncoding('utf8');
      stdout.on('data', (chunk: string) => {
        buffered += chunk;
        const line = /^(\d+)\n/.exec(buffered);
        if (line?.[1] !== undefined) resolve(`:${line[1]}`);
      });
      void xvfb.exited.then(() =>
        reject(new Error(`Xvfb exited before reporting a display\n${xvfb.readLog()}`)),
      );
    });
  } finally {
    clearTimeout(timer);
    // Keep draining so a chatty Xvfb can never block on a full pipe.
    stdout.resume();
  }
}

function trayIsMapped(displayName: string): boolean {
  // trayer names its dock window "panel"; once it exists the tray selection is owned.
  const result = spawnSync('xwininfo', ['-root', '-tree'], {
    env: { ...process.env, DISPLAY: displayName },
    encoding: 'utf8',
    timeout: 2_000,
  });
  return result.status === 0 && result.stdout.includes('"panel"');
}

function displayAnswers(displayName: string): boolean {
  const result = spawnSync('xwininfo', ['-root'], { env: { ...process.env, DISPLAY: displayName }, encoding: 'utf8', timeout: 2_000 });
  return result.status === 0;
}

/**
 * Xvfb sometimes reports a display that no client can open (seen here when a server that was
 * killed earlier left its socket file behind): that display is dropped and a fresh one started,
 * at most three times, so a flaky X start is not mistaken for an OBS failure.
 */
async function startDisplay(dir: string, timeoutMs: number): Promise<Display> {
  let lastError: unknown = null;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await startDisplayOnce(dir, timeoutMs, attempt);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

async function startDisplayOnce(dir: string, timeoutMs: number, attempt: number): Promise<Display> {
  const xvfb = spawnManaged({
    name: 'Xvfb',
    command: XVFB_BINARY,
    // -displayfd picks a free display and reports it once the server accepts connections.
    args: ['-displayfd', '1', '-screen', '0', '1280x720x24', '-nolisten', 'tcp'],
    logPath: join(dir, `xvfb-${attempt}.log`),
    stdout: 'pipe',
  });
  let name: string;
  try {
    name = await readDisplayNumber(xvfb, timeoutMs);
    await waitUntil(() => Promise.resolve(displayAnswers(name)), {
      timeoutMs: Math.min(timeoutMs, 3_000),
      intervalMs: 50,
      description: `X display ${name} accepting clients`,
      process: xvfb,
    });
  } catch (error) {
    await xvfb.kill();
    throw error;
  }
  const trayer = spawnManaged({
    name: 'trayer',
    command: TRAYER_BINARY,
    args: ['--edge', 'top', '--align', 'right', '--widthtype', 'request', '--height', '24'],
    logPath: join(dir, `trayer-${attempt}.log`),
    env: { ...process.env, DISPLAY: name },
  });
  try {
    // OBS decides at start whether a tray exists; without one --minimize-to-tray shows a window.
    await waitUntil(() => Promise.resolve(trayIsMapped(name)), {
      timeoutMs,
      intervalMs: 25,
      description: `trayer on ${name}`,
      process: trayer,
    });
  } catch (error) {
    await Promise.all([trayer.kill(), xvfb.kill()]);
    throw error;
  }
  return { name, xvfb, trayer };
}

async function stopDisplay(display: Display | null): Promise<void> {
  if (display === null) return;
  await display.trayer.stop('SIGTERM', 3_000);
  await display.xvfb.stop('SIGTERM', 3_000);
}

export async function startObsStudio(options: ObsStudioOptions): Promise<ObsStudio> {
  const dir = join(options.workDir, 'obs-studio');
  const home = join(dir, 'home');
  const configHome = join(home, '.config');
  const runtimeDir = join(dir, 'runtime');
  mkdirSync(configHome, { recursive: true });
  mkdirSync(runtimeDir, { recursive: true });
  chmodSync(runtimeDir, 0o700);
  const scenes = options.scenes ?? DEFAULT_SCENES;
  if (scenes.length === 0) throw new Error('OBS needs at least one scene');
  const port = await findFreePort();
  const startTimeoutMs = options.startTimeoutMs ?? 30_000;
  writeObsConfig(configHome, {
    password: options.password,
    rtmpUrl: options.rtmpUrl,
    port,
    scenes,
  });

  let display: Display | null = null;
  let obs: ManagedProcess | null = null;
  let lastStartMs = 0;
  let launches = 0;

  const launch = async (): Promise<void> => {
    if (display === null || !display.xvfb.isRunning() || !display.trayer.isRunning()) {
      await stopDisplay(display);
      display = await startDisplay(dir, startTimeoutMs);
    }
    const args = [
      '--multi',
      '--disable-missing-files-check',
      '--minimize-to-tray',
      '--profile',
      PROFILE,
      '--collection',
      COLLECTION,
      `--websocket_port=${port}`,
    ];
    if (options.password !== null) args.push(`--websocket_password=${options.password}`);
    launches += 1;
    const startedAt = performance.now();
    const proc = spawnManaged({
      name: 'obs',
      command: OBS_BINARY,
      args,
      logPath: join(dir, `obs-${launches}.log`),
      cwd: home,
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        LANG: 'C.UTF-8',
        HOME: home,
        XDG_CONFIG_HOME: configHome,
        XDG_DATA_HOME: join(home, '.local', 'share'),
        XDG_CACHE_HOME: join(home, '.cache'),
        XDG_RUNTIME_DIR: runtimeDir,
        DISPLAY: display.name,
        QT_QPA_PLATFORM: 'xcb',
        LIBGL_ALWAYS_SOFTWARE: '1',
      },
    });
    obs = proc;
    try {
      await waitUntil(() => webSocketUpgrades(port), {
        timeoutMs: startTimeoutMs,
        intervalMs: 25,
        description: `obs-websocket on 127.0.0.1:${port}`,
        process: proc,
      });
    } catch (error) {
      await proc.kill();
      throw error;
    }
    lastStartMs = performance.now() - startedAt;
  };

  const stopObs = async (): Promise<void> => {
    // OBS ignores SIGTERM; SIGINT runs its normal shutdown (save, stop outputs, close clients).
    await obs?.stop('SIGINT', 15_000);
  };

  const stopEverything = async (): Promise<void> => {
    await stopObs();
    await stopDisplay(display);
    display = null;
  };

  try {
    await launch();
  } catch (error) {
    await stopEverything();
    throw error;
  }

  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    password: options.password,
    get pid(): number {
      return obs?.pid ?? -1;
    },
    scenes,
    streamKey: OBS_STREAM_KEY,
    get display(): string {
      return display?.name ?? '';
    },
    workDir: dir,
    get lastStartMs(): number {
      return lastStartMs;
    },
    isRunning: () => obs?.isRunning() ?? false,
    livePids: () =>
      [obs, display?.xvfb, display?.trayer]
        .filter((p): p is ManagedProcess => p !== null && p !== undefined && p.isRunning())
        .map((p) => p.pid),
    readLog: () => obs?.readLog() ?? '',
    stop: stopEverything,
    kill: async () => {
      await obs?.kill();
    },
    restart: async () => {
      await stopObs();
      // obs-websocket 5.1 closes its listener late in shutdown; a short pause avoids EADDRINUSE
      // races on a port the kernel has not released yet.
      await delay(50);
      await launch();
    },
    dispose: stopEverything,
  };
}
