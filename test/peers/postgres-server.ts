// A private PostgreSQL 15 on loopback for HQ's tests and bench: initdb into a temp folder (as the
// `postgres` user when run as root, since initdb refuses root), a free port, trust auth on
// 127.0.0.1 only. `crash()` is an immediate shutdown (no checkpoint; crash recovery on restart).
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from './process-control.js';

export const PG_BIN = '/usr/lib/postgresql/15/bin';

export interface PostgresServer {
  url: string;
  port: number;
  dir: string;
  crash(): void;
  start(): void;
  stop(): Promise<void>;
}

function asPgUser(cmd: string, args: string[]): void {
  const root = userInfo().uid === 0;
  const r = root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
}

export async function startPostgres(): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-pg-'));
  const data = join(dir, 'data');
  if (userInfo().uid === 0) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
  }
  asPgUser(`${PG_BIN}/initdb`, ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await findFreePort();
  const conf = [`port = ${port}`, "listen_addresses = '127.0.0.1'", `unix_socket_directories = '${dir}'`, 'fsync = on', 'max_connections = 200', 'shared_buffers = 128MB'];
  writeFileSync(join(dir, 'extra.conf'), conf.join('\n') + '\n');
  spawnSync('sh', ['-c', `cat '${join(dir, 'extra.conf')}' >> '${join(data, 'postgresql.conf')}'`]);
  const start = () => asPgUser(`${PG_BIN}/pg_ctl`, ['-D', data, '-l', join(dir, 'log.txt'), '-w', '-t', '60', 'start']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    crash: () => asPgUser(`${PG_BIN}/pg_ctl`, ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start,
    async stop() {
      try {
        asPgUser(`${PG_BIN}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
