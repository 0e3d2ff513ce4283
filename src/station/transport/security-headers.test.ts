// What every answer tells a browser about itself: JSON (errors included) is never sniffed as
// markup, and the overlay pages (which carry a token in their URL) cannot be framed by another site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../test/support/test-core';
import { createOverlayPageRoute } from '../overlay/overlay-page.route';
import type { ApiServer } from './api.server';
import { startTestApi } from '../../../test/support/test-api';
import type { Core } from '../../core/core';

let core: Core;
let api: ApiServer;
let base: string;

beforeAll(async () => {
  core = createTestCore();
  ({ api, base } = await startTestApi(core, { routes: [createOverlayPageRoute()] }));
});
afterAll(async () => {
  await api.close();
  await core.close();
});

describe('security headers', () => {
  it.each([
    ['GET', '/api/health'],
    ['GET', '/api/nope/<script>alert(1)</script>'],
    ['POST', '/api/commands/station.whoami'],
    ['PUT', '/api/health'],
    ['GET', '/overlay/<img src=x>'],
  ])('%s %s says nosniff', async (method, path) => {
    const r = await fetch(`${base}${path}`, { method });
    await r.arrayBuffer();
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps overlay pages out of other sites’ frames', async () => {
    const r = await fetch(`${base}/overlay/offer?token=x`);
    await r.text();
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });
});
