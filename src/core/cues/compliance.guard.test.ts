import { describe, expect, it } from 'vitest';
import { approvedClaims, extractClaims, findViolations, parseAmount } from './compliance.guard';

const CODES = ['LIVEGLOW'];
const approved = approvedClaims(
  [
    'The Glow Kit is $39 instead of $57.',
    'Tap the pinned kit and LIVEGLOW is applied at checkout.',
    'Standard shipping takes 3–5 working days.',
  ],
  CODES,
);
const flagged = (text: string) => findViolations(text, approved, CODES, 'v1').map((v) => [v.kind, text.slice(v.start, v.end)]);

describe('claims in a text', () => {
  it('finds prices in many written forms', () => {
    const keys = (t: string) => extractClaims(t, []).map((c) => `${c.key}:${c.currency ?? ''}`);
    expect(keys('only $39')).toEqual(['price:39:$']);
    expect(keys('US$ 39.00 or R$199,90')).toEqual(['price:39:USD', 'price:199.9:BRL']);
    expect(keys('39 dollars, 39,99 €, 45 EUR')).toEqual(['price:39:$', 'price:39.99:EUR', 'price:45:EUR']);
    expect(keys('Rp 150.000 atau Rp150rb')).toEqual(['price:150000:IDR', 'price:150000:IDR']);
    expect(keys('£1,299.50')).toEqual(['price:1299.5:GBP']);
    expect(keys('30% off today, diskon 50%')).toEqual(['percent:30:', 'percent:50:']);
  });

  it('does not treat counts, sizes or "100% natural" as prices', () => {
    expect(extractClaims('The first 200 orders get the 30 ml serum, SPF 50, 100% natural.', [])).toEqual([]);
  });

  it('finds offer codes after a code word, code-shaped words and the show’s own codes', () => {
    const codes = (t: string) => extractClaims(t, CODES).filter((c) => c.kind === 'code').map((c) => c.text);
    expect(codes('use code SAVE50 now')).toEqual(['SAVE50']);
    expect(codes('Código: PROMO at checkout')).toEqual(['PROMO']);
    expect(codes('try GLOW20')).toEqual(['GLOW20']);
    expect(codes('liveglow works')).toEqual(['liveglow']);
    expect(codes('the code is great')).toEqual([]);
  });

  it('finds delivery promises in English, Spanish, Portuguese and Indonesian', () => {
    const d = (t: string) => extractClaims(t, []).filter((c) => c.kind === 'delivery').map((c) => c.text);
    expect(d('Next-day delivery for all orders')).toEqual(['Next-day']);
    expect(d('it ships tomorrow')).toEqual(['ships tomorrow']);
    expect(d('same day shipping')).toEqual(['same day']);
    expect(d('entrega amanhã para todos')).toEqual(['entrega amanhã']);
    expect(d('llega mañana')).toEqual(['llega mañana']);
    expect(d('besok sampai kak')).toEqual(['besok sampai']);
    expect(d('gratis ongkir!')).toEqual(['gratis ongkir']);
    expect(d('free shipping')).toEqual(['free shipping']);
    expect(d('delivered within 24 hours')).toEqual(['delivered within 24 hours']);
    expect(d('3 a 5 dias úteis')).toEqual(['3 a 5 dias úteis']);
    expect(d('see you tomorrow! we sold out in 2 hours')).toEqual([]);
  });

  it('reads amounts with either decimal mark', () => {
    expect([parseAmount('1.299,00', ''), parseAmount('1,299.00', ''), parseAmount('39,99', ''), parseAmount('150.000', ''), parseAmount('150', 'rb')]).toEqual([
      1299, 1299, 39.99, 150000, 150000,
    ]);
  });
});

describe('violations against the approved text', () => {
  it('lets approved claims through in any form', () => {
    expect(flagged('Only $39.00 with LIVEGLOW, shipping 3-5 business days')).toEqual([]);
    expect(flagged('39 USD, was 57 dollars')).toEqual([]);
  });

  it('blocks new prices, codes and promises, with their exact ranges', () => {
    expect(flagged('Now $29 with SAVE50 and next day delivery for all orders')).toEqual([
      ['price', '$29'],
      ['code', 'SAVE50'],
      ['delivery', 'next day'],
    ]);
    expect(flagged('39 EUR')).toEqual([['price', '39 EUR']]);
    expect(flagged('arrives in 1-2 days')).toEqual([['delivery', '1-2 days']]);
  });

  it('with nothing approved, every claim is blocked and says why', () => {
    const v = findViolations('$39', null, CODES, 'none');
    expect(v[0]?.reason).toMatch(/no approved script is loaded/);
  });
});
