// Command-line options of the station (`npm start -- --headless --port 4820 --data DIR`).
export interface StationOptions {
  headless: boolean;
  port: number;
  dataDir: string | null;
  showFile: string | null;
  lan: boolean;
  /** HQ to report to (`--hq <url>`), with this station's id there (`--hq-station`, default the host name). */
  hqUrl: string | null;
  hqStation: string | null;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm start -- [--headless] [--port <n>] [--data <dir>] [--show <file>] [--lan]
  --headless     run without Electron: the station serves the UI on http://127.0.0.1:<port>
  --port <n>     API and UI port (default 4820; 0 picks a free one)
  --data <dir>   data folder (default: the platform's user-data folder for Baton)
  --show <file>  show file to load (default: the last one loaded, else the demo show)
  --lan          listen on every interface so views on the studio network can connect
  --hq <url>     report this station's facts to Baton HQ (token in BATON_HQ_TOKEN); shows never wait for HQ
  --hq-station <id>  this station's id at HQ (default: the host name)`;

export function parseStationOptions(argv: readonly string[]): StationOptions {
  const o: StationOptions = { headless: false, port: 4820, dataDir: null, showFile: null, lan: false, hqUrl: null, hqStation: null };
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
          throw new UsageError('--hq takes a URL such as http://hq.example:4900');
        }
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError('--hq takes an http:// or https:// URL');
        o.hqUrl = u.toString();
        break;
      }
      case '--hq-station': {
        const v = value();
        if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(v)) throw new UsageError('--hq-station takes letters, digits, dot, dash or underscore (up to 64)');
        o.hqStation = v;
        break;
      }
      default:
        // Electron and npm add switches of their own; ignore those, refuse typos of ours.
        if (a?.startsWith('--') && !a.startsWith('--inspect') && !a.startsWith('--no-sandbox') && !a.startsWith('--enable-') && !a.startsWith('--disable-')) {
          throw new UsageError(`unknown option ${a}`);
        }
    }
  }
  return o;
}
