// Command-line options of the station (`npm start -- --headless --port 4820 --data DIR`).
import { insecureHqReason } from '../core/hq-outbox/hq-url';
export interface StationOptions {
  headless: boolean;
  port: number;
  dataDir: string | null;
  showFile: string | null;
  lan: boolean;
  /** HQ to report to (`--hq <url>`), with this station's id there (`--hq-station`, default the host name). */
  hqUrl: string | null;
  hqStation: string | null;
  /** Extra names a request's Host or Origin may carry (the studio's DNS name for this machine). */
  allowHosts: string[];
  /** Commands per second per token; null keeps the default. */
  rate: number | null;
  /** Labs only: store credentials may cross plain http to hosts that are not loopback. */
  allowInsecureStore: boolean;
  /** Labs only: the HQ token and show facts may cross plain http to an HQ that is not loopback. */
  allowInsecureHq: boolean;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm start -- [--headless] [--port <n>] [--data <dir>] [--show <file>] [--lan] [--allow-host <name>]… [--rate <n>] [--allow-insecure-store] [--hq <url> [--hq-station <id>]] [--allow-insecure-hq]
  --headless          run without Electron: the station serves the UI on http://127.0.0.1:<port>
  --port <n>          API and UI port (default 4820; 0 picks a free one)
  --data <dir>        data folder (default: the platform's user-data folder for Baton)
  --show <file>       show file to load (default: the last one loaded, else the demo show)
  --lan               listen on every interface, over HTTPS with a certificate made on first start
  --allow-host <name> a name views may use to reach the station (besides loopback and its LAN addresses)
  --rate <n>          commands per second per token before 429 (default 200)
  --allow-insecure-store  LABS ONLY: send store credentials over plain http to hosts that are not
                      loopback (otherwise store URLs must be https:)
  --hq <url>          report this station's facts to Baton HQ (token in BATON_HQ_TOKEN); shows never wait for HQ.
                      https://, or http:// to this machine only
  --hq-station <id>   this station's id at HQ (default: the host name)
  --allow-insecure-hq LABS ONLY: send the HQ token and the show's facts over plain http to an HQ
                      that is not on this machine (also for the producer's HQ setting)`;

export function parseStationOptions(argv: readonly string[]): StationOptions {
  const o: StationOptions = { headless: false, port: 4820, dataDir: null, showFile: null, lan: false, allowHosts: [], rate: null, allowInsecureStore: false, allowInsecureHq: false, hqUrl: null, hqStation: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      i += 1;
      return v;
    };
    switch (a) {
      case '--headless':
        o.headless = true;
        break;
      case '--lan':
        o.lan = true;
        break;
      case '--allow-insecure-store':
        o.allowInsecureStore = true;
        break;
      case '--allow-insecure-hq':
        o.allowInsecureHq = true;
        break;
      case '--port': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError('--port takes a number from 0 to 65535');
        o.port = n;
        break;
      }
      case '--data':
        o.dataDir = value();
        break;
      case '--show':
        o.showFile = value();
        break;
      case '--hq': {
        const v = value();
        let u: URL;
        try {
          u = new URL(v);
        } catch {
          throw new UsageError('--hq takes a URL such as https://hq.example:4900');
        }
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError('--hq takes an https:// URL (or http:// to this machine)');
        if (u.username || u.password) throw new UsageError('--hq takes a URL without a user or password in it (the token goes in BATON_HQ_TOKEN)');
        o.hqUrl = u.toString();
        break;
      }
      case '--hq-station': {
        const v = value();
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(v)) throw new UsageError('--hq-station takes letters, digits, dot, dash or underscore (up to 64)');
        o.hqStation = v;
        break;
      }
      case '--allow-host': {
        const name = value().toLowerCase();
        if (!/^[a-z0-9._-]{1,253}$/.test(name) && !/^[0-9a-f:]{2,39}$/.test(name)) throw new UsageError('--allow-host takes a host name or address, without scheme or port');
        o.allowHosts.push(name);
        break;
      }
      case '--rate': {
        const n = Number(value());
        if (!Number.isFinite(n) || n < 1 || n > 1_000_000) throw new UsageError('--rate takes a number of commands per second from 1 to 1000000');
        o.rate = n;
        break;
      }
      default:
        // Electron and npm add switches of their own; ignore those, refuse typos of ours.
        if (a?.startsWith('--') && !a.startsWith('--inspect') && !a.startsWith('--no-sandbox') && !a.startsWith('--enable-') && !a.startsWith('--disable-')) {
          throw new UsageError(`unknown option ${a}`);
        }
    }
  }
  // After the loop: --allow-insecure-hq may come after --hq.
  const insecure = o.hqUrl ? insecureHqReason(o.hqUrl, o.allowInsecureHq) : null;
  if (insecure) throw new UsageError(`--hq: ${insecure}`);
  return o;
}
