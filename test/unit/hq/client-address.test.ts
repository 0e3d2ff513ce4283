// The sign-in throttle's key: the proxy's appended client address only behind --behind-tls and only
// on a connection from the proxy (loopback); otherwise the socket.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, isLoopback } from '../../../hq/auth/client-address';

const req = (remoteAddress: string, xff?: string | string[]) => ({ socket: { remoteAddress }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as unknown as IncomingMessage;

describe('the address HQ throttles sign-in by', () => {
  it('behind the proxy, on a loopback connection: the last entry, the one the proxy appended', () => {
    expect(clientAddress(req('127.0.0.1', '203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(req('::1', '10.0.0.1, 203.0.113.9'), true)).toBe('203.0.113.9');
    expect(clientAddress(req('::ffff:127.0.0.1', ['10.0.0.1', '2001:db8::7']), true)).toBe('2001:db8::7');
  });

  it('what the client wrote itself never counts: not the first entry, not a non-address last one', () => {
    expect(clientAddress(req('127.0.0.1', '203.0.113.9, 10.0.0.1'), true)).toBe('10.0.0.1');
    expect(clientAddress(req('127.0.0.1', '203.0.113.9, not-an-ip'), true)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1', ''), true)).toBe('127.0.0.1');
    expect(clientAddress(req('127.0.0.1'), true)).toBe('127.0.0.1');
  });

  it('a connection that does not come from the proxy, or an HQ not behind one: the socket', () => {
    expect(clientAddress(req('192.168.1.40', '203.0.113.9'), true)).toBe('192.168.1.40');
    expect(clientAddress(req('::ffff:192.168.1.40', '127.0.0.1'), true)).toBe('::ffff:192.168.1.40');
    expect(clientAddress(req('127.0.0.1', '203.0.113.9'), false)).toBe('127.0.0.1');
  });

  it('knows loopback', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '2001:db8::1', '', '127.example'].some(isLoopback)).toBe(false);
  });
});
