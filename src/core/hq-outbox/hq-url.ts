// Where the station may send its HQ token and the show's facts: https anywhere, plain http only to
// this machine (loopback), unless a lab station was started with the labelled --allow-insecure-hq.
import { isLoopbackHost } from '../../shared/show/secret-scope';

/** Null when the station may report to `url`; else why not (names the host, never a token or path). */
export function insecureHqReason(url: string, allowInsecure: boolean): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'HQ’s address is not a URL.';
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol !== 'http:') return `HQ’s address must start with https:// (${u.protocol.slice(0, 20)} is not one HQ speaks).`;
  if (isLoopbackHost(u.hostname) || allowInsecure) return null;
  return `HQ at ${u.host.slice(0, 120)} would be reached over plain http: the station’s HQ token and the show’s facts would cross the network in clear. Use https:// (HQ behind a TLS proxy), or HQ on this machine (http://127.0.0.1); a lab station can start with --allow-insecure-hq.`;
}
