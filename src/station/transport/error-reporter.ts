// An unexpected failure in a request path is a bug: logged once per kind (with a count when it
// repeats), answered as `internal`, and never allowed to stop the station.
import type { Logger } from '../../core/platform/logger';

export type ErrorReporter = (error: unknown, where: string) => void;

export function createErrorReporter(log: Logger): ErrorReporter {
  const seen = new Map<string, number>();
  return (error, where) => {
    const message = error instanceof Error ? error.message : String(error);
    const key = `${where.split(' ')[0]}:${message}`.slice(0, 300);
    const n = (seen.get(key) ?? 0) + 1;
    if (seen.size < 1000) seen.set(key, n);
    // Once, then on every power of ten, so a flood of the same bug does not flood the log.
    if (n === 1 || Number.isInteger(Math.log10(n))) {
      log.error('request failed', { where, error: message.replace(/([?&](?:token|link)=)[^&\s]*/gi, '$1[redacted]'), ...(n > 1 ? { times: n } : {}), ...(error instanceof Error && n === 1 ? { stack: (error.stack ?? '').split('\n').slice(1, 4).join(' | ') } : {}) });
    }
  };
}
