import { describe, expect, it } from 'vitest';
import { decisionBody, linkFromLocation, readSignoff } from './signoff.logic';

const LINK = 'abcdefghijklmnopqrstuvwxyzABCD-_';

describe('sign-off page logic', () => {
  it('takes only a well-formed code from the address', () => {
    expect(linkFromLocation(`?link=${LINK}`)).toBe(LINK);
    expect(linkFromLocation('?link=short')).toBeNull();
    expect(linkFromLocation('')).toBeNull();
  });

  it('sends only the lines that carry a comment, and refuses a return without any', () => {
    expect(decisionBody(LINK, { decision: 'return', note: '', comments: { 'opening.1': '  ', 'cta.1': ' no “tonight only” ' } })).toEqual({
      ok: true,
      body: { link: LINK, decision: 'return', note: '', comments: [{ cueId: 'cta.1', comment: 'no “tonight only”' }] },
    });
    expect(decisionBody(LINK, { decision: 'return', note: 'x', comments: { 'opening.1': '' } })).toMatchObject({ ok: false });
    expect(decisionBody(LINK, { decision: 'approve', note: ' fine ' })).toEqual({ ok: true, body: { link: LINK, decision: 'approve', note: 'fine' } });
  });

  it('passes the station’s refusal through as its sentence', async () => {
    const fake = (async () => new Response(JSON.stringify({ ok: false, error: { code: 'conflict', message: 'This sign-off link expired on 3 Dec.' } }), { status: 409 })) as typeof fetch;
    expect(await readSignoff(fake, LINK)).toEqual({ ok: false, message: 'This sign-off link expired on 3 Dec.' });
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await readSignoff(down, LINK)).toEqual({ ok: false, message: 'The station cannot be reached: Failed to fetch' });
  });
});
