import { describe, expect, it } from 'vitest';
import { clusterIdOf, clusterKeyOf, topicWords } from './cluster.key';

const q = (text: string, lang = 'pt') => clusterKeyOf({ queue: 'moderators', intent: 'question', lang, sku: null, text });

describe('cluster keys', () => {
  it('treats case, accents, emoji, punctuation, word order, repeats and filler as the same question', () => {
    expect(q('Aceita PIX?')).toBe(q('aceita pix ??? 🙏'));
    expect(q('aceita pix amiga')).toBe(q('pix aceita'));
    expect(topicWords('quero o vermelhoooo')).toBe(topicWords('quero o vermelho'));
    expect(q('¿Hacen envíos a Argentina?', 'es')).toBe(q('hacen envios a argentina', 'es'));
  });
  it('keeps different questions, languages and queues apart', () => {
    expect(q('tem a cor nude ainda')).not.toBe(q('tem a cor berry ainda'));
    expect(q('aceita pix', 'pt')).not.toBe(q('aceita pix', 'es'));
    expect(clusterKeyOf({ queue: 'unsure', intent: 'question', lang: 'pt', sku: null, text: 'aceita pix' })).not.toBe(q('aceita pix'));
    // Numbers matter in a question ("size 38").
    expect(q('tem o 38')).not.toBe(q('tem o 39'));
  });
  it('groups orders by product and complaints by what is broken', () => {
    const order = (text: string, sku: string | null) => clusterKeyOf({ queue: 'commerce', intent: 'order', lang: 'pt', sku, text });
    expect(order('quero o vermelho', 'LIP-TINT-RED')).toBe(order('manda 2 do vermelho pra mim', 'LIP-TINT-RED'));
    expect(order('quero o vermelho', 'LIP-TINT-RED')).not.toBe(order('quero o nude', 'LIP-TINT-NUDE'));
    const complaint = (text: string, sub: 'checkout' | 'delivery') => clusterKeyOf({ queue: 'customer-service', intent: 'complaint', lang: 'en', sku: null, sub, text });
    expect(complaint('checkout keeps failing', 'checkout')).toBe(complaint('cant pay, checkout broken', 'checkout'));
    expect(complaint('checkout keeps failing', 'checkout')).not.toBe(complaint('where is my order', 'delivery'));
  });
  it('never merges texts that are only filler or emoji', () => {
    expect(q('🔥🔥')).not.toBe(q('😍'));
  });
  it('gives a stable 12-hex id', () => {
    expect(clusterIdOf(q('aceita pix'))).toMatch(/^[0-9a-f]{12}$/);
    expect(clusterIdOf(q('aceita pix'))).toBe(clusterIdOf(q('PIX aceita?')));
  });
});
