import { describe, expect, it } from 'vitest';
import { insecureUrlReason, isLoopbackHost } from './secret-scope';

describe('isLoopbackHost', () => {
  it('takes URL host names and socket addresses alike', () => {
    for (const h of ['localhost', 'LOCALHOST', 'studio.localhost', '127.0.0.1', '127.8.9.10', '::1', '[::1]', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(h), h).toBe(true);
    }
  });

  it('refuses everything that can leave the machine, including look-alikes', () => {
    for (const h of ['10.0.0.5', '192.168.1.20', '::ffff:10.0.0.5', '127.0.0.1.nip.io', 'localhost.example.com', '128.0.0.1', '::2', '', '1127.0.0.1']) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
  });
});

describe('insecureUrlReason', () => {
  it('lets credentials go over plain http only to this machine', () => {
    expect(insecureUrlReason('https://shop.example.com/api', false)).toBeNull();
    expect(insecureUrlReason('http://127.0.0.1:3000/admin-api', false)).toBeNull();
    expect(insecureUrlReason('http://shop.example.com/api', false)).toMatch(/./);
    expect(insecureUrlReason('http://shop.example.com/api', true)).toBeNull();
    expect(insecureUrlReason('ftp://127.0.0.1/', false)).toMatch(/not a store URL scheme/);
    expect(insecureUrlReason('not a url', false)).toMatch(/not a URL/);
  });
});
