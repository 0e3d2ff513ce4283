import { describe, expect, it } from 'vitest';
import { faultWords, scrubSecrets } from './store-fault.text';

describe('store fault text', () => {
  it('takes the credential and any bearer or basic credential out of the store text', () => {
    const text = 'denied for s3cr3t-pass: Authorization: Bearer eyJhbGci.payload.sig; retry with Basic dXNlcjpwYXNz';
    const out = scrubSecrets(text, ['s3cr3t-pass', null]);
    expect(out).toBe('denied for [secret]: Authorization: Bearer [secret]; retry with Basic [secret]');
  });

  it('leaves text alone for a credential too short to search for', () => {
    expect(scrubSecrets('a b c', ['a'])).toBe('a b c');
  });

  it('tells the issuer the kind of failure in our words', () => {
    expect(faultWords('auth')).toMatch(/^the store refused Baton's credentials \(/);
    expect(faultWords(null)).toBe('no answer yet');
  });
});
