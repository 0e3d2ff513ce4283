import { describe, expect, it } from 'vitest';
import { solidPng } from './badge-png';
import { decodePng } from '../../../test/support/png-decode';

describe('png round trip', () => {
  it('decodes the badge PNG the station writes', () => {
    const img = decodePng(solidPng(7, 3, [200, 10, 20, 230]));
    expect([img.width, img.height]).toEqual([7, 3]);
    expect(img.at(6, 2)).toEqual([200, 10, 20, 230]);
  });
});
