// The windows' certificate pin: the station's own certificate (made by the same code as `--lan`)
// is accepted for the station's host only; any other certificate, host or malformed request is refused.
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateCertificate } from '../station/tls/certificate';
import { CERT_ACCEPT, CERT_REFUSE, fingerprintOf, stationPin, verifyStationCertificate } from './cert-pin';

const dirs = [mkdtempSync(join(tmpdir(), 'baton-pin-a-')), mkdtempSync(join(tmpdir(), 'baton-pin-b-'))];
const [station, other] = dirs.map((d) => loadOrCreateCertificate(d, ['127.0.0.1', 'localhost']));
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Electron's `Certificate.fingerprint` form: `sha256/` and the base64 of the DER's SHA-256. */
const electronFingerprint = (pem: string) => `sha256/${createHash('sha256').update(new X509Certificate(pem).raw).digest('base64')}`;

describe('certificate pin', () => {
  const pin = stationPin('https://127.0.0.1:4321', station!.fingerprint256);

  it('accepts the station’s own certificate for its host, by PEM or by Electron’s fingerprint', () => {
    expect(verifyStationCertificate(pin, { hostname: '127.0.0.1', certificate: { data: station!.cert } })).toBe(CERT_ACCEPT);
    expect(verifyStationCertificate(pin, { hostname: '127.0.0.1', certificate: { fingerprint: electronFingerprint(station!.cert) } })).toBe(CERT_ACCEPT);
    expect(fingerprintOf({ fingerprint: electronFingerprint(station!.cert) })).toBe(station!.fingerprint256);
  });

  it('refuses another self-signed certificate for the same names', () => {
    expect(other!.fingerprint256).not.toBe(station!.fingerprint256);
    expect(verifyStationCertificate(pin, { hostname: '127.0.0.1', certificate: { data: other!.cert } })).toBe(CERT_REFUSE);
    expect(verifyStationCertificate(pin, { hostname: '127.0.0.1', certificate: { fingerprint: electronFingerprint(other!.cert) } })).toBe(CERT_REFUSE);
    // A PEM that fails to parse is not rescued by a matching fingerprint field next to it.
    expect(verifyStationCertificate(pin, { hostname: '127.0.0.1', certificate: { data: '-----BEGIN CERTIFICATE-----\nxx', fingerprint: electronFingerprint(station!.cert) } })).toBe(CERT_REFUSE);
  });

  it('refuses the station’s certificate presented for any other host', () => {
    for (const hostname of ['localhost', '192.168.1.20', 'shop.example.com', '127.0.0.1.evil.example', '']) {
      expect(verifyStationCertificate(pin, { hostname, certificate: { data: station!.cert } })).toBe(CERT_REFUSE);
    }
  });

  it('refuses everything when the station serves plain HTTP or printed no usable fingerprint', () => {
    const plain = stationPin('http://127.0.0.1:4321', station!.fingerprint256);
    expect(plain.fingerprint256).toBeNull();
    expect(verifyStationCertificate(plain, { hostname: '127.0.0.1', certificate: { data: station!.cert } })).toBe(CERT_REFUSE);
    for (const fingerprint256 of [null, '', 'AB:CD', 'not hex']) {
      expect(verifyStationCertificate({ hostname: '127.0.0.1', fingerprint256 }, { hostname: '127.0.0.1', certificate: { data: station!.cert } })).toBe(CERT_REFUSE);
    }
  });

  it('refuses malformed requests without throwing', () => {
    const hostile = [{}, { hostname: 42 }, { hostname: '127.0.0.1' }, { hostname: '127.0.0.1', certificate: null }, { hostname: '127.0.0.1', certificate: { data: 7, fingerprint: 'sha256/AAAA' } }, { hostname: '127.0.0.1', certificate: { fingerprint: 'sha1/' + 'A'.repeat(28) } }];
    for (const request of hostile) expect(verifyStationCertificate(pin, request as never)).toBe(CERT_REFUSE);
  });

  it('pins an IPv6 station by its bare address', () => {
    expect(stationPin('https://[::1]:4321', 'AA').hostname).toBe('::1');
  });
});
