// Bytes the station holds for requests still arriving: a WebSocket message in fragments (ws keeps
// every fragment until the last one) and an HTTP command body (read whole before parsing). One
// request is bounded by its role's limit (request-limits.ts), but not how many arrive at once: a
// producer token's 64 sockets each parking a 4 MB message a byte short of its end made the station
// hold ~270 MB, and so did its HTTP bodies. This counts those bytes per token and for the whole
// station, and refuses the request that would go past either share. An honest producer (a script
// or a show file at a time) holds one big request; twice the role's limit leaves room for two.
import type { Role } from '../../shared/contract/roles';
import { maxRequestBytes } from './request-limits';

/** Across every token: the station's worst case for requests in flight. */
export const MAX_ASSEMBLY_BYTES_TOTAL = 32 * 1024 * 1024;
/** Per token: this many of the role's largest requests at once. */
export const ASSEMBLY_REQUESTS_PER_TOKEN = 2;

export interface AssemblyHold {
  /** Counts `n` more bytes held; false when that goes past the token's or the station's share (the bytes are counted all the same, until release). */
  add(n: number): boolean;
  /** The request is complete (or gone): its bytes are no longer held. */
  clear(): void;
}

export interface AssemblyBudget {
  hold(key: string, role: Role): AssemblyHold;
  /** Bytes held now (tests, the producer's diagnostics). */
  held(): number;
  /** Requests refused since start. */
  refused(): number;
}

export function createAssemblyBudget(total = MAX_ASSEMBLY_BYTES_TOTAL): AssemblyBudget {
  const byKey = new Map<string, number>();
  let all = 0;
  let refused = 0;
  return {
    held: () => all,
    refused: () => refused,
    hold(key, role) {
      const perKey = ASSEMBLY_REQUESTS_PER_TOKEN * maxRequestBytes(role);
      let mine = 0;
      let over = false;
      const move = (n: number) => {
        mine += n;
        all += n;
        const k = (byKey.get(key) ?? 0) + n;
        if (k <= 0) byKey.delete(key);
        else byKey.set(key, k);
        return k;
      };
      return {
        add(n) {
          const k = move(n);
          const ok = k <= perKey && all <= total;
          if (!ok && !over) refused += 1;
          over = over || !ok;
          return ok;
        },
        clear() {
          move(-mine);
          over = false;
        },
      };
    },
  };
}
