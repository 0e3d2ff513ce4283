// Errors are values at the boundary: every refused or failed command answers with one of these
// codes and a sentence a producer can act on. Transports map the code to their own status.
export const ERROR_CODES = {
  unauthenticated: 401,
  forbidden: 403,
  unknown_command: 404,
  invalid_args: 400,
  /** Transport answers: no such route, wrong method, body or URL too big, too many requests. */
  not_found: 404,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  too_large: 413,
  request_timeout: 408,
  uri_too_long: 414,
  rate_limited: 429,
  conflict: 409,
  unavailable: 503,
  failed: 502,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldIssue {
  /** Dotted path of the bad field, e.g. `offers.0.price.amount`; empty for the whole payload. */
  path: string;
  message: string;
}

export interface CommandError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code];
}
