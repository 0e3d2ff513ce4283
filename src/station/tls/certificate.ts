// The station's self-signed TLS certificate for `--lan`: made on first start with the openssl
// command-line tool (node:crypto cannot write X.509), kept in the data folder, reused after.
// Its SHA-256 fingerprint is what a view on another machine pins.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StationCertificate {
  key: string;
  cert: string;
  /** `AB:CD:…`, as browsers show it. */
  fingerprint256: string;
  created: boolean;
}

export class CertificateError extends Error {}

export function loadOrCreateCertificate(dataDir: string, names: readonly string[]): StationCertificate {
  const dir = join(dataDir, 'tls');
  const keyFile = join(dir, 'station-key.pem');
  const certFile = join(dir, 'station-cert.pem');
  let created = false;
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const san = [...new Set(names)].map((n) => (/^[0-9.]+$/.test(n) || n.includes(':') ? `IP:${n}` : `DNS:${n}`)).join(',');
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-sha256', '-days', '825', '-subj', '/CN=Baton station', '-addext', `subjectAltName=${san}`, '-keyout', keyFile, '-out', certFile],
        { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 },
      );
    } catch (error) {
      const detail = (error as { stderr?: Buffer }).stderr?.toString().trim() ?? (error as Error).message;
      throw new CertificateError(`--lan needs a TLS certificate and the openssl tool could not make one (${detail.slice(0, 200)}). Install openssl, or put station-key.pem and station-cert.pem in ${dir}.`);
    }
    chmodSync(keyFile, 0o600);
    created = true;
  }
  const key = readFileSync(keyFile, 'utf8');
  const cert = readFileSync(certFile, 'utf8');
  return { key, cert, fingerprint256: new X509Certificate(cert).fingerprint256, created };
}
