// A stream server's address as Baton may repeat it in text (the stream's error, the audit trail,
// a command's failure): the audit rows go into the post-show package (handed to the brand, legal
// and finance) and to HQ, the health reasons and alerts to every view. The producer reads the
// whole address in the obs domain (`ingest.server`).
import { addressLabel } from '../../shared/text/address-label';

export function ingestLabel(server: string): string {
  return addressLabel(server, 'the stream server');
}
