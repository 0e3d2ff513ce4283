// A tiny leveled logger. Secrets never reach it: callers log names and outcomes, not values, and
// `redact` strips anything that looks like a token or password field before printing.
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const SECRET_KEY = /pass(word)?|token|secret|key|authorization/i;

export function redact(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!fields) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = SECRET_KEY.test(k) ? '[secret]' : v;
  return out;
}

export function createConsoleLogger(options: { quiet?: boolean; prefix?: string } = {}): Logger {
  const prefix = options.prefix ?? 'baton';
  const line = (level: string, message: string, fields?: Record<string, unknown>) => {
    const f = redact(fields);
    return `${new Date().toISOString()} ${prefix} ${level} ${message}${f ? ' ' + JSON.stringify(f) : ''}`;
  };
  return {
    info: (m, f) => {
      if (!options.quiet) console.log(line('info', m, f));
    },
    warn: (m, f) => console.warn(line('warn', m, f)),
    error: (m, f) => console.error(line('error', m, f)),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
