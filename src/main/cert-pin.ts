// Which TLS certificates Baton's own windows trust: with `--lan` the station serves HTTPS from a
// self-signed certificate, and the windows accept exactly that certificate (by SHA-256) and nothing else.
import { X509Certificate } from 'node:crypto';

/** Chromium's answers to a certificate verify request: accept, or refuse. */
export const CERT_ACCEPT = 0;
export const CERT_REFUSE = -2;
export type CertVerdict = typeof CERT_ACCEPT | typeof CERT_REFUSE;

export interface CertPin {
  /** The station's host name as its windows load it (`127.0.0.1`). */
  hostname: string;
  /** The fingerprint the station printed (`AB:CD:…`), or null when it serves plain HTTP. */
  fingerprint256: string | null;
}

/** The part of Electron's verify request the decision reads; every field may be missing or hostile. */
export interface CertRequest {
  hostname?: unknown;
  certificate?: { data?: unknown; fingerprint?: unknown } | null;
}

const HEX_FINGERPRINT = /^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/;

/** `AB:CD:…` (upper-case hex pairs) from a PEM certificate, or from Electron's `sha256/<base64>` form. */
export function fingerprintOf(certificate: CertRequest['certificate']): string | null {
  if (!certificate || typeof certificate !== 'object') return null;
  if (typeof certificate.data === 'string' && certificate.data.includes('-----BEGIN CERTIFICATE-----')) {
    try {
      return new X509Certificate(certificate.data).fingerprint256;
    } catch {
      return null;
    }
  }
  const f = certificate.fingerprint;
  if (typeof f === 'string' && f.startsWith('sha256/')) {
    const bytes = Buffer.from(f.slice('sha256/'.length), 'base64');
    if (bytes.length !== 32) return null;
    return [...bytes].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
  }
  return null;
}

/**
 * Baton's windows load only the station (their CSP allows no other origin), so no other
 * certificate has to be trusted: a certificate is accepted only for the station's host and only
 * when its SHA-256 is the one the station generated — whatever Chromium's own verdict was, since
 * the station's certificate is self-signed and a CA-signed one for that name is not the station.
 */
export function verifyStationCertificate(pin: CertPin, request: CertRequest): CertVerdict {
  const pinned = typeof pin.fingerprint256 === 'string' ? pin.fingerprint256.toUpperCase() : null;
  if (!pinned || !HEX_FINGERPRINT.test(pinned)) return CERT_REFUSE;
  if (typeof request.hostname !== 'string' || request.hostname.toLowerCase() !== pin.hostname.toLowerCase()) return CERT_REFUSE;
  return fingerprintOf(request.certificate) === pinned ? CERT_ACCEPT : CERT_REFUSE;
}

/** The pin for a station URL and its printed fingerprint. */
export function stationPin(stationUrl: string, fingerprint256: string | null): CertPin {
  const url = new URL(stationUrl);
  return { hostname: url.hostname.replace(/^\[|\]$/g, ''), fingerprint256: url.protocol === 'https:' ? fingerprint256 : null };
}
