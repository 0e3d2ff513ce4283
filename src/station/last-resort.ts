// The process's last line of defence, for both hosts of the station (the headless CLI and the
// Electron main, which runs the station in-process). Every entry point has its own guard, so an
// error reaching here is a bug: it is logged (once per kind, secrets redacted) and the show goes on.
// Without it, the headless process would die mid-show, and Electron's main would put a modal
// "JavaScript error" dialog over the producer's console.
import type { Logger } from '../core/platform/logger';
import { createErrorReporter } from './transport/error-reporter';

/** The part of `process` this needs: where the two last-resort events are heard. */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export function installLastResort(proc: ProcessEvents, log: Logger): void {
  const report = createErrorReporter(log);
  proc.on('uncaughtException', (error) => report(error, 'uncaught'));
  proc.on('unhandledRejection', (reason) => report(reason, 'unhandled rejection'));
}
