import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildZip, crc32 } from './package.zip';

describe('zip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('writes an archive that unzip tests and extracts byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-zip-'));
    try {
      const big = Buffer.from('x'.repeat(100_000) + 'é€');
      const zip = buildZip([{ name: 'a.txt', data: Buffer.from('hello\n') }, { name: 'chapters.txt', data: big }, { name: 'empty', data: Buffer.alloc(0) }], new Date(Date.UTC(2026, 11, 5, 10, 0, 0)));
      writeFileSync(join(dir, 'p.zip'), zip);
      expect(execFileSync('unzip', ['-t', join(dir, 'p.zip')]).toString()).toContain('No errors detected');
      execFileSync('unzip', ['-q', join(dir, 'p.zip'), '-d', join(dir, 'out')]);
      expect(readFileSync(join(dir, 'out', 'a.txt'), 'utf8')).toBe('hello\n');
      expect(readFileSync(join(dir, 'out', 'chapters.txt')).equals(big)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
