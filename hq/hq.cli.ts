// `npm run hq -- [--port N] [--data DIR] [--pg URL] [--lan]`: Baton HQ, on PostgreSQL when given a
// connection string, else on PGlite in DIR. Prints the admin link for the views.
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { appRoot, appVersion, defaultDataDir } from '../src/station/paths';
import { startHq } from './hq.app';

export const HQ_USAGE = `usage: npm run hq -- [--port <n>] [--data <dir>] [--pg <postgres://...>] [--lan] [--behind-tls]
  --port <n>    HTTP port for stations and views (default 4900; 0 picks a free one)
  --data <dir>  HQ's folder: the admin token, and the embedded PGlite database without --pg
  --pg <url>    a PostgreSQL 15+ connection string (a role that may create roles, for the migrations)
  --pool <n>    PostgreSQL connections (default two per CPU core, at least 4)
  --lan         listen on every interface (stations on other machines)
  --behind-tls  HQ is reached only through a TLS proxy on this machine: every cookie is Secure (without
                it, a cookie is Secure when the proxy says the request came over https), and sign-in is
                throttled by the client address the proxy appends last to X-Forwarded-For`;

export interface HqOptions {
  port: number;
  dataDir: string | null;
  pgUrl: string | null;
  lan: boolean;
  pool: number;
  behindTls: boolean;
}

/** More connections than PostgreSQL has cores to run them on only queue inside the server. */
export function defaultPoolSize(cores = availableParallelism()): number {
  return Math.max(4, Math.min(16, cores * 2));
}

export function parseHqOptions(argv: readonly string[]): HqOptions | string {
  const o: HqOptions = { port: 4900, dataDir: null, pgUrl: null, lan: false, pool: defaultPoolSize(), behindTls: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = argv[i + 1];
    const need = () => {
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      i += 1;
      return v;
    };
    try {
      if (a === '--port') {
        const n = Number(need());
        if (!Number.isInteger(n) || n < 0 || n > 65535) return '--port takes a number from 0 to 65535';
        o.port = n;
      } else if (a === '--data') o.dataDir = need();
      else if (a === '--pg') {
        const url = need();
        if (!/^postgres(ql)?:\/\//.test(url)) return '--pg takes a postgres:// connection string';
        o.pgUrl = url;
      } else if (a === '--pool') {
        const n = Number(need());
        if (!Number.isInteger(n) || n < 1 || n > 500) return '--pool takes a number from 1 to 500';
        o.pool = n;
      } else if (a === '--lan') o.lan = true;
      else if (a === '--behind-tls') o.behindTls = true;
      else if (a === '--help' || a === '-h') return HQ_USAGE;
      else return `unknown option ${a}`;
    } catch (error) {
      return (error as Error).message;
    }
  }
  return o;
}

async function main(): Promise<void> {
  const parsed = parseHqOptions(process.argv.slice(2));
  if (typeof parsed === 'string') {
    console.error(`${parsed}\n${HQ_USAGE}`);
    process.exit(2);
  }
  const root = appRoot();
  const dataDir = parsed.dataDir ?? join(defaultDataDir(), 'hq');
  const hq = await startHq({ port: parsed.port, host: parsed.lan ? '0.0.0.0' : '127.0.0.1', dataDir, pgUrl: parsed.pgUrl, version: appVersion(root), poolSize: parsed.pool, behindTls: parsed.behindTls });
  console.log(`Baton HQ ${appVersion(root)} on ${hq.db.engine === 'postgres' ? 'PostgreSQL' : `PGlite in ${dataDir}`} at ${hq.url}`);
  console.log(`  views:   ${hq.url}/calendar?token=${hq.adminToken}`);
  if (hq.viewerToken) console.log(`  viewer:  ${hq.url}/calendar?token=${hq.viewerToken}   (read only: sees every view, changes nothing)`);
  console.log(`  station: curl -X POST -H 'authorization: Bearer <admin token>' -d '{"id":"studio-a"}' ${hq.url}/api/stations`);
  const stop = () => {
    hq.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && /hq\.cli\.ts$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    console.error(`Baton HQ did not start: ${(error as Error).message}`);
    process.exit(1);
  });
}
