// Test fixtures: a small launch-show catalog (same shape as test/data/catalog-dev.json). Used by the unit tests only.

import type { TriageCatalog } from './triage.types';

export const GLOW_CATALOG: TriageCatalog = {
  products: [
    { sku: 'BNDL-GLOW-KIT', name: 'Glow Kit', onScreen: '#1', aliases: ['glow kit', 'kit', 'bundle', 'pouch', 'necessaire', 'neceser', 'pack', 'paket'] },
    { sku: 'GLW-SER-30', name: 'Glow Serum 30 ml', onScreen: null, aliases: ['serum', 'sérum', 'glow serum', '30ml', '30 ml', '30'] },
    { sku: 'GLW-SER-50', name: 'Glow Serum 50 ml', onScreen: null, aliases: ['50ml', '50 ml', '50', 'the big one', 'big serum'] },
    { sku: 'LIP-TINT-RED', name: 'Lip Tint Red', onScreen: '#2', aliases: ['lip tint', 'tint', 'tinte', 'red', 'rojo', 'vermelho', 'merah'] },
    { sku: 'LIP-TINT-NUDE', name: 'Lip Tint Nude', onScreen: '#2', aliases: ['lip tint', 'tint', 'tinte', 'nude'] },
    { sku: 'LIP-TINT-BERRY', name: 'Lip Tint Berry', onScreen: '#2', aliases: ['lip tint', 'tint', 'tinte', 'berry'] },
    { sku: 'SPF-50-STK', name: 'Sun Stick SPF 50', onScreen: '#3', aliases: ['sun stick', 'sunstick', 'spf', 'spf 50', 'protector solar', 'protetor solar'] },
  ],
  offers: [{ code: 'LIVEGLOW', skus: ['BNDL-GLOW-KIT'], aliases: ['bundle', 'kit', 'glow kit', 'pouch'] }],
};
