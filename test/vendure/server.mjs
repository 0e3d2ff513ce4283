#!/usr/bin/env node
// A throwaway Vendure 3.7.3 store for Baton's offer-pause tests. Not shipped with the app.
//
//   node test/vendure/server.mjs --port 3001 --db /tmp/x/vendure.sqlite \
//        [--host 127.0.0.1] [--username superadmin] [--password superadmin] [--exit-with-parent]
//
// Credentials can also come from VENDURE_SUPERADMIN_USERNAME / VENDURE_SUPERADMIN_PASSWORD.
// Admin API: http://HOST:PORT/admin-api, Shop API: /shop-api, health: /health.
// Sessions use bearer tokens: the `vendure-auth-token` response header becomes
// `Authorization: Bearer <token>`.
// SQLite with `synchronize: true`: only for throwaway test databases.
//
// --exit-with-parent: exit when stdin closes or the parent process goes away, so a crashed test
// runner never leaves a store behind.
import { parseArgs } from 'node:util';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';

// Never phone home (Vendure 3 sends startup telemetry unless this is set). Must be set before
// @vendure/core is loaded, hence the dynamic import below.
process.env.VENDURE_DISABLE_TELEMETRY = 'true';
const { bootstrap, DefaultLogger, LogLevel, dummyPaymentHandler } = await import('@vendure/core');

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3001' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string' },
    username: { type: 'string' },
    password: { type: 'string' },
    'log-level': { type: 'string', default: 'info' },
    'exit-with-parent': { type: 'boolean', default: false },
  },
  strict: true,
});

if (!values.db) {
  process.stderr.write('server.mjs: --db <file> is required\n');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  process.stderr.write(`server.mjs: bad --port ${values.port}\n`);
  process.exit(2);
}
const dbFile = resolve(values.db);
mkdirSync(dirname(dbFile), { recursive: true });
const username = values.username ?? process.env.VENDURE_SUPERADMIN_USERNAME ?? 'superadmin';
const password = values.password ?? process.env.VENDURE_SUPERADMIN_PASSWORD ?? 'superadmin';
const levels = { error: LogLevel.Error, warn: LogLevel.Warn, info: LogLevel.Info, verbose: LogLevel.Verbose, debug: LogLevel.Debug };
const logLevel = levels[values['log-level']] ?? LogLevel.Info;

/** @type {import('@vendure/core').VendureConfig} */
const config = {
  apiOptions: {
    hostname: values.host,
    port,
    adminApiPath: 'admin-api',
    shopApiPath: 'shop-api',
    adminApiPlayground: false,
    shopApiPlayground: false,
    adminApiDebug: false,
    shopApiDebug: false,
    // Loopback test store: only same-host origins.
    cors: { origin: [/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/], credentials: true },
  },
  authOptions: {
    tokenMethod: 'bearer',
    requireVerification: false,
    superadminCredentials: { identifier: username, password },
    cookieOptions: { secret: 'baton-test-vendure-cookie-secret' },
  },
  dbConnectionOptions: {
    type: 'better-sqlite3',
    database: dbFile,
    synchronize: true,
    logging: false,
  },
  paymentOptions: {
    paymentMethodHandlers: [dummyPaymentHandler],
  },
  logger: new DefaultLogger({ level: logLevel }),
  // No search, asset-server, email or admin-UI plugins: nothing here needs them, and a start stays ~3 s.
  plugins: [],
};

const t0 = Date.now();
let app;
let closing = false;

async function shutdown(reason, code = 0) {
  if (closing) return;
  closing = true;
  process.stdout.write(`[baton-vendure] shutting down (${reason})\n`);
  const hard = setTimeout(() => process.exit(code), 5000);
  hard.unref();
  try {
    await app?.close();
  } catch (e) {
    process.stderr.write(`[baton-vendure] close failed: ${e instanceof Error ? e.message : String(e)}\n`);
  }
  process.exit(code);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

if (values['exit-with-parent']) {
  const parent = process.ppid;
  process.stdin.on('end', () => void shutdown('stdin closed'));
  process.stdin.on('error', () => void shutdown('stdin error'));
  process.stdin.resume();
  setInterval(() => {
    let alive = process.ppid === parent;
    if (alive) {
      try {
        process.kill(parent, 0);
      } catch {
        alive = false;
      }
    }
    if (!alive) void shutdown('parent gone');
  }, 1000).unref();
}

try {
  app = await bootstrap(config);
  process.stdout.write(
    `[baton-vendure] ready pid=${process.pid} http://${values.host}:${port} (admin-api, shop-api, health) db=${dbFile} in ${Date.now() - t0} ms\n`,
  );
} catch (e) {
  process.stderr.write(`[baton-vendure] bootstrap failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
}
