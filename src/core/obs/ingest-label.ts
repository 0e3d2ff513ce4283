// A stream server's address as Baton may repeat it in text (the stream's error, the audit trail,
// a command's failure): scheme, host and port, never the rest. An SRT server carries its
// passphrase and stream id in the query, and a pasted RTMP server often ends with the stream key,
// and those texts travel where the address itself does not: the audit rows go into the post-show
// package (handed to the brand, legal and finance) and to HQ, the health reasons and alerts to
// every view. The producer reads the whole address in the obs domain (`ingest.server`).
export function ingestLabel(server: string): string {
  let u: URL;
  try {
    u = new URL(server);
  } catch {
    return 'the stream server';
  }
  const rest = (u.pathname !== '' && u.pathname !== '/') || u.search !== '' || u.hash !== '';
  return `${u.protocol}//${u.host}${rest ? '/…' : ''}`;
}
