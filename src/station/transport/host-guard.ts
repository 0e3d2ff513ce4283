// Host and Origin allow-lists: a page on another site that rebinds its DNS name to the station
// (or opens a WebSocket to it) is refused. Allowed: loopback names, the station's own addresses
// when it listens on the LAN, and names the producer gives with --allow-host.
import { networkInterfaces } from 'node:os';
import type { IncomingMessage } from 'node:http';

export interface HostGuard {
  /** Null when the request may proceed, else the reason it is refused. */
  check(req: IncomingMessage): string | null;
}

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

export function stationHostNames(options: { lan: boolean; allowHosts: readonly string[] }): string[] {
  const names = new Set<string>([...LOOPBACK, ...options.allowHosts.map((h) => h.toLowerCase())]);
  if (options.lan) {
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(a.address.toLowerCase());
  }
  return [...names];
}

/** `host[:port]` or `[v6]:port` → the bare lower-case name, or null if it is not a host. */
export function hostNameOf(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (v.startsWith('[')) {
    const end = v.indexOf(']');
    return end > 1 ? v.slice(1, end) : null;
  }
  const name = v.replace(/:\d*$/, '');
  return /^[a-z0-9._-]+$/.test(name) && name.length <= 253 ? name : null;
}

export function createHostGuard(allowed: readonly string[]): HostGuard {
  const names = new Set(allowed);
  const allowedName = (n: string | null) => n !== null && names.has(n);
  return {
    check(req) {
      const host = req.headers.host;
      // HTTP/1.1 requires Host; a request without one is a raw script, not a browser page.
      if (host !== undefined && !allowedName(hostNameOf(host))) {
        return `Host "${host.slice(0, 100)}" is not one of this station's names; start the station with --allow-host ${hostNameOf(host) ?? '<name>'} to allow it.`;
      }
      const origin = req.headers.origin;
      if (origin !== undefined) {
        let name: string | null = null;
        try {
          const u = new URL(origin);
          name = u.protocol === 'http:' || u.protocol === 'https:' ? hostNameOf(u.host) : null;
        } catch {
          name = null;
        }
        if (!allowedName(name)) return `Origin "${origin.slice(0, 100)}" may not call this station.`;
      }
      return null;
    },
  };
}
