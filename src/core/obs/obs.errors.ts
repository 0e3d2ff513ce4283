// What can go wrong on the OBS link, as values with a sentence a producer can act on. The link
// manager decides from `kind` whether retrying can help; handlers map request errors to
// CommandFailures.
import { CommandFailure, failed, unavailable } from '../dispatch/command-failure';

export type ConnectFailureKind =
  | 'auth' // OBS refused the password (close 4009)
  | 'auth_missing' // OBS asks for a password and none is set
  | 'refused' // nothing listens there: OBS not running or its WebSocket server off
  | 'unresolved' // the host name does not resolve
  | 'unreachable' // no route / no answer on the network
  | 'timeout' // no handshake within the connect timeout
  | 'not_obs' // something answered, but not obs-websocket 5
  | 'protocol' // obs-websocket refused our RPC version or the session
  | 'closed'; // the socket closed during the handshake for another reason

export class ObsConnectError extends Error {
  constructor(
    readonly kind: ConnectFailureKind,
    message: string,
    readonly closeCode: number | null = null,
  ) {
    super(message);
    this.name = 'ObsConnectError';
  }
  /** Retrying cannot fix a wrong or missing password, or talking to something that is not OBS. */
  get fatal(): boolean {
    return this.kind === 'auth' || this.kind === 'auth_missing' || this.kind === 'not_obs' || this.kind === 'protocol';
  }
}

/** OBS answered the request with a failure status (e.g. 600: no such scene). */
export class ObsRequestError extends Error {
  constructor(
    readonly request: string,
    readonly code: number,
    readonly comment: string,
  ) {
    super(`OBS refused ${request} (code ${code})${comment ? `: ${comment}` : ''}`);
    this.name = 'ObsRequestError';
  }
}

/** No answer in time: obs-websocket-js never settles a request whose socket went away. */
export class ObsTimeoutError extends Error {
  constructor(
    readonly request: string,
    readonly timeoutMs: number,
  ) {
    super(`OBS did not answer ${request} within ${timeoutMs} ms`);
    this.name = 'ObsTimeoutError';
  }
}

/** The link closed while the request was in flight: OBS may or may not have carried it out. */
export class ObsClosedError extends Error {
  constructor(readonly request: string) {
    super(`the OBS link closed before OBS answered ${request}`);
    this.name = 'ObsClosedError';
  }
}

// obs-websocket 5 request status codes Baton reacts to.
export const OBS_STATUS = {
  outputRunning: 500,
  outputNotRunning: 501,
  studioModeNotActive: 506,
  resourceNotFound: 600,
} as const;

// obs-websocket 5 close codes.
const CLOSE_AUTH_FAILED = 4009;
const CLOSE_UNSUPPORTED_RPC = 4010;
const CLOSE_SESSION_INVALIDATED = 4011;

/** Classifies a failed connect attempt (an OBSWebSocketError or a plain Error) into words. */
export function describeConnectFailure(
  url: string,
  error: { code?: unknown; message?: unknown },
  passwordGiven: boolean,
  authRequired: boolean | null,
): ObsConnectError {
  const code = typeof error.code === 'number' ? error.code : null;
  const text = typeof error.message === 'string' ? error.message : '';
  if (code === CLOSE_AUTH_FAILED) {
    return passwordGiven
      ? new ObsConnectError('auth', `OBS refused the password for ${url} (wrong password). Check Tools → WebSocket Server Settings in OBS.`, code)
      : new ObsConnectError('auth_missing', `OBS at ${url} asks for a password and none is set. Enter the one from Tools → WebSocket Server Settings.`, code);
  }
  if (code === CLOSE_UNSUPPORTED_RPC) {
    return new ObsConnectError('protocol', `OBS at ${url} speaks another obs-websocket protocol version; Baton needs obs-websocket 5 (OBS 28 or newer).`, code);
  }
  if (code === CLOSE_SESSION_INVALIDATED) {
    return new ObsConnectError('protocol', `OBS at ${url} ended the session (another client or a settings change).`, code);
  }
  if (/ECONNREFUSED/.test(text)) return new ObsConnectError('refused', `OBS not running at ${url} (connection refused). Start OBS, or check its WebSocket server is on.`);
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return new ObsConnectError('unresolved', `The host in ${url} does not resolve. Check the address.`);
  if (/EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNRESET/.test(text)) {
    return new ObsConnectError('unreachable', `No network route to ${url} (${text.replace(/^.*?(E[A-Z]+).*$/, '$1')}). Check the address and the network.`);
  }
  if (/subprotocol|Unexpected server response|Invalid WebSocket frame|Unexpected token|JSON/.test(text)) {
    return new ObsConnectError('not_obs', `Something answered at ${url}, but it is not obs-websocket 5 (OBS 28 or newer). Check the port.`);
  }
  if (authRequired === false && code !== null && code >= 4000) {
    return new ObsConnectError('protocol', `OBS at ${url} closed the session (code ${code}${text ? `: ${text}` : ''}).`, code);
  }
  return new ObsConnectError('closed', `The connection to ${url} closed during the handshake${code !== null && code > 0 ? ` (code ${code})` : ''}${text ? `: ${text}` : ''}.`, code);
}

/** Why an established link dropped, from the WebSocket close code. */
export function describeClose(url: string, code: number, reason: string, exiting: boolean): string {
  if (exiting || code === 1001) return `OBS at ${url} was closed.`;
  if (code === 1006) return `The connection to OBS at ${url} dropped (OBS crashed, or the network failed).`;
  if (code === 1000) return `OBS at ${url} closed the link.`;
  return `The link to OBS at ${url} closed (code ${code}${reason ? `: ${reason}` : ''}).`;
}

/**
 * A request that did not go through, as the command's answer. A timeout also means the link is
 * suspect; the caller drops it so that the next state the producer sees comes from a resync.
 */
export function requestFailure(error: unknown, action: string): CommandFailure {
  if (error instanceof CommandFailure) return error;
  if (error instanceof ObsClosedError) {
    return unavailable(`The OBS link dropped before OBS confirmed ${action}: it may or may not have happened. Check OBS once the link is back.`);
  }
  if (error instanceof ObsTimeoutError) {
    return unavailable(`OBS did not confirm ${action} within ${duration(error.timeoutMs)}; Baton is reconnecting to resync. Check OBS once the link is back.`);
  }
  if (error instanceof ObsRequestError) return failed(`OBS refused ${action}: ${error.comment || `code ${error.code}`}.`);
  return failed(`${action} failed: ${error instanceof Error ? error.message : String(error)}`);
}

/** "400 ms", "3 s": short enough for a button's error line. */
export function duration(ms: number): string {
  return ms < 1_000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}
