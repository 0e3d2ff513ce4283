// How big a request (an HTTP body, a WebSocket frame) each role may send. A body or a fragmented
// message is held in memory until it is complete, so the limit is also what one open request or
// socket can make the station hold: the roles without big commands (their largest arguments are
// ids and a reply's text) get a small one, so a host or observer link cannot park gigabytes in the
// station. The producer (a script, a show file) and the approver (a return with 500 comments) keep 4 MB.
import type { Role } from '../../shared/contract/roles';
import { MAX_BODY_BYTES } from './http-util';

export const MAX_SMALL_REQUEST_BYTES = 256 * 1024;
const BIG_REQUEST_ROLES: ReadonlySet<Role> = new Set<Role>(['producer', 'approver']);

export function maxRequestBytes(role: Role): number {
  return BIG_REQUEST_ROLES.has(role) ? MAX_BODY_BYTES : MAX_SMALL_REQUEST_BYTES;
}
