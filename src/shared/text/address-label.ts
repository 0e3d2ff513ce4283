// An address as Baton may repeat it in text: scheme, host and port, never the rest. The rest is
// where a service keeps its secrets — an SRT passphrase and stream id in the query, a stream key at
// the end of a pasted RTMP server's path, a Social Stream Ninja session id in its path — and the
// texts that repeat an address (errors, health details, audit rows) travel further than the
// configuration does. A user and password before the host are dropped too (`URL.host` has neither).

/** `scheme://host:port`, with `/…` when something after it was left out; `unreadable` when it is no URL. */
export function addressLabel(raw: string, unreadable: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return unreadable;
  }
  const rest = (u.pathname !== '' && u.pathname !== '/') || u.search !== '' || u.hash !== '';
  return `${u.protocol}//${u.host}${rest ? '/…' : ''}`;
}
