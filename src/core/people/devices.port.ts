// The machine clients' registry as the core sees it: named device and overlay tokens kept by the
// station (in the secret store, beside the sockets that use them). The People panel lists, issues
// and revokes them through commands; without a station (a test core) there are none.
import type { DeviceAccess } from '../../shared/contract/people.contract';

export interface DeviceRegistry {
  list(): DeviceAccess[];
  /** A label issued again replaces its token. */
  /** `person`: the show person a panel acts for (checked against the show by the caller). */
  issue(kind: DeviceAccess['kind'], label: string, person?: string): { kind: DeviceAccess['kind']; label: string; person?: string; token: string };
  /** How many tokens went; their sockets close at once. */
  revoke(label: string): number;
}
