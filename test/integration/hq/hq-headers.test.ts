// HQ's pages carry the sales of every station and the post-mortem board's forms: another site must
// not frame them (a click there would be a click on the board), nothing in them may be sniffed as
// another type, and no link out of them may carry the page's address. The station's own pages said
// so already (static-files.ts); HQ's said nothing.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { hqOnEngine } from '../../support/hq-on-engine';
import { HQ_CONTENT_SECURITY_POLICY } from '../../../hq/hq.server';
import { attributionPage } from '../../../hq/views/hq.views';

describe('HQ’s answers tell a browser what they are and who may frame them', () => {
  const env = hqOnEngine('pglite');

  it.each(['/calendar', '/attribution', '/postmortem', '/experiments', '/stations', '/nope'])('%s (signed in) cannot be framed, sniffed or leak its address', async (path) => {
    const r = await fetch(`${env.hq.url}${path}`, { headers: env.admin() });
    await r.text();
    expect(r.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('same-origin');
  });

  it('says the same on the sign-in refusal, the token link’s redirect and the API’s JSON', async () => {
    for (const [url, init] of [
      [`${env.hq.url}/calendar`, {}],
      [`${env.hq.url}/calendar?token=${env.hq.adminToken}`, { redirect: 'manual' as const }],
      [`${env.hq.url}/api/stations`, { headers: env.admin() }],
      [`${env.hq.url}/api/ingest`, { method: 'POST', body: '{}' }],
    ] as const) {
      const r = await fetch(url, init);
      await r.text();
      expect(r.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(r.headers.get('x-frame-options'), url).toBe('DENY');
      expect(r.headers.get('referrer-policy'), url).toBe('same-origin');
    }
  });

  it('allows exactly the inline handlers the pages carry (the attribution select), by hash', () => {
    const handlers = [...attributionPage([], [], 'show').matchAll(/ on[a-z]+="([^"]*)"/g)].map((m) => m[1]!);
    expect(handlers.length).toBeGreaterThan(0);
    for (const h of handlers) expect(HQ_CONTENT_SECURITY_POLICY).toContain(`'sha256-${createHash('sha256').update(h).digest('base64')}'`);
  });
});
