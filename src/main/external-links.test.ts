import { describe, expect, it } from 'vitest';
import { canonicalHttpsLink, createExternalLinks, loggableLink } from './external-links';

function rig() {
  const opened: string[] = [];
  const warnings: string[] = [];
  const links = createExternalLinks({ openExternal: async (url) => void opened.push(url), warn: (m) => void warnings.push(m) });
  return { links, opened, warnings };
}

describe('external links', () => {
  it('opens only https links the station registered, exactly', async () => {
    const { links, opened } = rig();
    expect(links.permit('https://shop.example.com/admin/discounts/42')).toBe(true);
    expect(await links.open('https://shop.example.com/admin/discounts/42')).toEqual({ opened: true });
    expect(await links.open('https://shop.example.com/admin/discounts/43')).toEqual({ opened: false, reason: 'the station did not produce this link' });
    expect(await links.open('https://shop.example.com.evil.example/admin/discounts/42')).toMatchObject({ opened: false });
    expect(opened).toEqual(['https://shop.example.com/admin/discounts/42']);
  });

  it('never opens another scheme, credentials in the URL, or garbage, even when asked to permit it', async () => {
    const { links, opened } = rig();
    for (const url of ['http://shop.example.com/', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'https://user:pw@shop.example.com/', 'not a url', '']) {
      expect(links.permit(url)).toBe(false);
      expect(await links.open(url)).toEqual({ opened: false, reason: 'only https: links open outside Baton' });
    }
    expect(await links.open(42 as unknown as string)).toMatchObject({ opened: false });
    expect(opened).toEqual([]);
  });

  it('logs a refused link without its query (tokens travel there)', async () => {
    const { links, warnings } = rig();
    await links.open('https://evil.example/x?token=secret-token-value');
    expect(warnings.join('\n')).not.toContain('secret-token-value');
    expect(warnings[0]).toContain('https://evil.example/x');
    expect(loggableLink('::')).toBe('(not a URL)');
  });

  it('answers when the system cannot open a permitted link', async () => {
    const links = createExternalLinks({ openExternal: () => Promise.reject(new Error('no browser')), warn: () => undefined });
    links.permit('https://docs.example.com/');
    expect(await links.open('https://docs.example.com/')).toEqual({ opened: false, reason: 'no browser' });
  });

  it('compares canonical forms', () => {
    expect(canonicalHttpsLink('HTTPS://Shop.Example.com/a')).toBe('https://shop.example.com/a');
  });
});
