import { describe, expect, it } from 'vitest';
import { isDemandSignal } from './demand.signal';

describe('isDemandSignal', () => {
  it('counts the short "I want it" comments in the show’s languages', () => {
    for (const t of ['+1', '+1 +1', 'mine!!', 'SOLD', 'sold 🙋‍♀️', 'me too', 'quero', 'Eu quero 2', 'yo quiero!', 'mío', 'aku mau', 'beli 1', 'mine x2']) {
      expect(isDemandSignal(t), t).toBe(true);
    }
  });

  it('leaves questions, complaints and anything longer to a person', () => {
    for (const t of ['aceita pix?', 'mine never arrived', 'is it sold out?', 'quero saber o frete', 'how do I buy', 'yo quiero saber el precio', 'sold out already?? this is a scam', '']) {
      expect(isDemandSignal(t), t).toBe(false);
    }
  });
});
