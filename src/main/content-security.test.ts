import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyContentSecurityPolicy, contentSecurityPolicy, type HeadersDetails } from './content-security';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('content security policy', () => {
  it('lets a window connect only to the station’s own origin', () => {
    const csp = directives(contentSecurityPolicy('http://127.0.0.1:4820'));
    expect(csp.get('connect-src')).toEqual(['http://127.0.0.1:4820', 'ws://127.0.0.1:4820']);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives(contentSecurityPolicy('https://studio.local:4820/')).get('connect-src')).toEqual(['https://studio.local:4820', 'wss://studio.local:4820']);
  });

  it('is sent with every station page, next to any policy the station sent, and with nothing else', () => {
    let listener: ((d: HeadersDetails, cb: (r: { responseHeaders?: Record<string, string | string[]> }) => void) => void) | null = null;
    applyContentSecurityPolicy({ webRequest: { onHeadersReceived: (l) => void (listener = l) } }, 'http://127.0.0.1:4820');
    const answer = (details: HeadersDetails) => {
      let out: { responseHeaders?: Record<string, string | string[]> } | null = null;
      listener!(details, (r) => void (out = r));
      return out!;
    };
    const page = answer({ url: 'http://127.0.0.1:4820/producer', responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ["frame-ancestors 'none'"] } });
    expect(page.responseHeaders!['content-type']).toEqual(['text/html']);
    expect(page.responseHeaders!['Content-Security-Policy']).toEqual(["frame-ancestors 'none'", contentSecurityPolicy('http://127.0.0.1:4820')]);
    expect(answer({ url: 'https://elsewhere.example/', responseHeaders: {} })).toEqual({});
    expect(answer({ url: 'not a url' })).toEqual({});
  });

  it('the renderer’s own meta policy (browser views too) connects only to its own origin and runs no inline script', () => {
    const html = readFileSync(join(import.meta.dirname, '../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    const csp = directives(meta![1]!);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });
});
