// Handlers throw a CommandFailure to refuse or fail with a reason the caller can read; anything
// else thrown is an internal error and is reported without its stack.
import type { CommandError, ErrorCode, FieldIssue } from '../../shared/contract/errors';

export class CommandFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
  toError(): CommandError {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

/** The command is valid, but not in the current state ("OBS link is down", "not approved"). */
export const conflict = (message: string) => new CommandFailure('conflict', message);
/** A dependency (OBS, the store) cannot be reached right now. */
export const unavailable = (message: string) => new CommandFailure('unavailable', message);
/** A dependency answered, but with a failure. */
export const failed = (message: string) => new CommandFailure('failed', message);
export const invalid = (message: string, issues?: FieldIssue[]) => new CommandFailure('invalid_args', message, issues);
