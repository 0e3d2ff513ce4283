import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../core/platform/logger';
import { installLastResort, type ProcessEvents } from './last-resort';

function recordingLog(): { log: Logger; errors: Array<{ message: string; fields: Record<string, unknown> | undefined }> } {
  const errors: Array<{ message: string; fields: Record<string, unknown> | undefined }> = [];
  const none = (): void => undefined;
  const log: Logger = { info: none, warn: none, error: (message, fields) => void errors.push({ message, fields }) };
  return { log, errors };
}

describe('installLastResort', () => {
  it('logs an uncaught exception and an unhandled rejection instead of letting them end the process, with tokens redacted', () => {
    const proc = new EventEmitter();
    const { log, errors } = recordingLog();
    installLastResort(proc as unknown as ProcessEvents, log);
    // With a listener, emitting these events does not throw (an EventEmitter throws an unheard 'error' only).
    proc.emit('uncaughtException', new Error('boom at /producer?token=s3cret-abc'));
    proc.emit('unhandledRejection', 'no such thing');
    expect(errors.map((e) => e.fields?.['where'])).toEqual(['uncaught', 'unhandled rejection']);
    expect(JSON.stringify(errors)).not.toContain('s3cret-abc');
    expect(String(errors[0]?.fields?.['error'])).toContain('token=[redacted]');
  });

  it('logs a repeating bug once, then at powers of ten', () => {
    const proc = new EventEmitter();
    const { log, errors } = recordingLog();
    installLastResort(proc as unknown as ProcessEvents, log);
    for (let i = 0; i < 25; i++) proc.emit('uncaughtException', new Error('same'));
    expect(errors.map((e) => e.fields?.['times'] ?? 1)).toEqual([1, 10]);
  });
});
