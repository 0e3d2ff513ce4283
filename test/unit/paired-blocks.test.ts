// The bench's paired-block statistics: ABBA order, and a ratio whose interval holds the true one.
import { describe, expect, it } from 'vitest';
import { pairedRatio, runPaired } from '../../bench/support/paired-blocks';

describe('paired blocks', () => {
  it('alternates which configuration runs first', async () => {
    const order: string[] = [];
    await runPaired(4, async () => void order.push('A'), async () => void order.push('B'));
    expect(order.join('')).toBe('ABBAABBA');
  });

  it('reports B’s p99 over A’s with a bootstrap interval around it', () => {
    let s = 1;
    const noise = () => ((s = (s * 48_271) % 2_147_483_647) / 2_147_483_647) * 100;
    const a: number[][] = [];
    const b: number[][] = [];
    for (let i = 0; i < 20; i++) {
      const block = Array.from({ length: 100 }, () => 1000 + noise());
      a.push(block);
      b.push(block.map((v) => v * 1.1));
    }
    const r = pairedRatio({ a, b }, 99, 100);
    expect(r.ratio).toBeCloseTo(1.1, 5);
    expect(r.lo).toBeLessThanOrEqual(1.1 + 1e-9);
    expect(r.hi).toBeGreaterThanOrEqual(1.1 - 1e-9);
    const same = pairedRatio({ a, b: a }, 99, 50);
    expect(same).toMatchObject({ ratio: 1, lo: 1, hi: 1 });
  });
});
