// The headless station: the core and its API under plain Node, serving the built UI on
// localhost. `npm start` runs this when there is no Electron binary (or with --headless).
import { createConsoleLogger } from '../core/platform/logger';
import { appRoot, appVersion, defaultDataDir } from './paths';
import { parseStationOptions, USAGE, UsageError } from './options';
import { startStation } from './station';
import { OVERLAY_NAMES } from '../shared/contract/index';
import { hostname } from 'node:os';
import { installLastResort } from './last-resort';
import { createTraceRecorder } from './click-trace';
import { createPublishSwitch } from './publish-switch';

async function main(): Promise<void> {
  let options;
  try {
    options = parseStationOptions(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  const root = appRoot();
  const version = appVersion(root);
  const log = createConsoleLogger({ quiet: process.env.BATON_QUIET === '1' });
  installLastResort(process, log);
  const dataDir = options.dataDir ?? defaultDataDir();
  // BATON_TRACE_FILE: time each command's steps and store calls (benchmarks), written on SIGUSR2 and at exit.
  const traceFile = process.env.BATON_TRACE_FILE;
  const recorder = traceFile ? createTraceRecorder(traceFile) : null;
  if (recorder) {
    process.on('SIGUSR2', () => recorder.dump());
    process.on('exit', () => recorder.dump());
  }
  // BATON_PUBLISH_AB_FILE: a bench's same-run A/B of when patches go out (publish-switch.ts).
  const abFile = process.env.BATON_PUBLISH_AB_FILE;
  const publishSwitch = abFile ? createPublishSwitch(abFile, (mode) => log.warn('unknown publish mode', { mode })) : null;
  const station = await startStation({
    mode: 'headless',
    port: options.port,
    lan: options.lan,
    allowInsecureStore: options.allowInsecureStore,
    allowInsecureHq: options.allowInsecureHq,
    dataDir,
    showFile: options.showFile,
    appRoot: root,
    version,
    log,
    secrets: null,
    envProducerToken: process.env.BATON_PRODUCER_TOKEN ?? null,
    nativeBinding: null,
    clock: null,
    hq: options.hqUrl ? hqLinkFromOptions(options.hqUrl, options.hqStation) : null,
    allowHosts: options.allowHosts,
    rate: options.rate,
    ...(recorder ? { trace: recorder.trace } : {}),
    ...(publishSwitch ? { publish: publishSwitch.schedule } : {}),
  });
  const show = station.core.snapshot().state.show.current;
  // The start banner goes out in one write: whoever reads the pipe (a supervisor, a test waiting for "ready") gets the
  // links and the fingerprint with the ready line, never a chunk that ends between them.
  const banner: string[] = [];
  const say = (line: string) => banner.push(line);
  say(`Baton ${version} — headless station ready at ${station.url} (data: ${dataDir})`);
  say(`  show: ${show ? `${show.title}${show.rehearsal ? ' [REHEARSAL]' : ''}` : 'none loaded'}`);
  if (station.tokens.created) {
    // The view links carry the tokens: printed once, when they are made, never on later starts.
    // These are the station owner's bootstrap: people get personal links (People panel), machines named device tokens.
    say("  station owner's bootstrap links, one per role (shown once; keep them like passwords; give people their personal links from the People panel):");
    for (const t of station.tokens.issued()) say(`  ${`${t.role}:`.padEnd(18)} ${station.url}/${t.role}?token=${t.token}`);
  } else {
    say(`  views: ${station.url}/producer, /host, /moderator, /approver, /commerce, /customer-service, /observer (the station owner's bootstrap links were printed when they were made; the tokens live in the data folder's secret store)`);
  }
  if (station.tlsFingerprint) say(`  TLS certificate SHA-256 fingerprint: ${station.tlsFingerprint}`);
  if (options.lan) say('  LAN access is ON (HTTPS): views on the studio network can connect with a token.');
  if (station.tokens.created) printDeviceLinks(station, say);
  console.log(banner.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Baton stopping (${signal})`);
    station.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** The overlay pages' links (for OBS browser sources) and the panel token, beside the views' links. */
function printDeviceLinks(station: Awaited<ReturnType<typeof startStation>>, say: (line: string) => void): void {
  const overlay = station.devices.issued().find((t) => t.kind === 'overlay');
  if (overlay) for (const name of OVERLAY_NAMES) say(`  ${`overlay:`.padEnd(10)} ${station.url}/overlay/${name}?token=${overlay.token}`);
  const device = station.devices.issued().find((t) => t.kind === 'device');
  // wss:// on an HTTPS (--lan) station: a panel given ws:// would send its token in clear before TLS fails.
  if (device) say(`  ${'panel:'.padEnd(10)} ${station.url.replace(/^http/, 'ws')}/api/device?token=${device.token}  (Companion: baton-station)`);
}

main().catch((error: unknown) => {
  console.error(`Baton could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

function hqLinkFromOptions(url: string, station: string | null) {
  const token = process.env.BATON_HQ_TOKEN;
  if (!token) {
    console.error('--hq needs the station token HQ issued, in the environment variable BATON_HQ_TOKEN.');
    process.exit(2);
  }
  return { url, stationId: station ?? hostname().replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64), token };
}
