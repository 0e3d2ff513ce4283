import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPermissive, packageOf, shippedPackages } from './licences.inventory';

describe('licence inventory', () => {
  it('reads SPDX expressions: permissive only when every AND branch has a permissive choice', () => {
    expect(isPermissive('MIT')).toBe(true);
    expect(isPermissive('(MIT OR WTFPL)')).toBe(true);
    expect(isPermissive('(BSD-2-Clause OR MIT OR Apache-2.0)')).toBe(true);
    expect(isPermissive('MPL-2.0')).toBe(false);
    expect(isPermissive('GPL-3.0-only')).toBe(false);
    expect(isPermissive('(GPL-2.0 OR MIT)')).toBe(true);
    expect(isPermissive('(MIT AND LGPL-3.0)')).toBe(false);
    expect(isPermissive('UNKNOWN')).toBe(false);
    expect(isPermissive('')).toBe(false);
  });

  it('names the package behind an import specifier', () => {
    expect(packageOf('react-dom/client')).toBe('react-dom');
    expect(packageOf('@tanstack/react-virtual')).toBe('@tanstack/react-virtual');
    expect(packageOf('obs-websocket-js/json')).toBe('obs-websocket-js');
    expect(packageOf('node:fs')).toBeNull();
    expect(packageOf('fs')).toBeNull();
    expect(packageOf('./x')).toBeNull();
  });

  it('every package Baton ships carries a permissive licence (the MPL-2.0 test tools are not shipped)', () => {
    const { packages, missing } = shippedPackages(resolve(import.meta.dirname, '..'));
    expect(missing).toEqual([]);
    const names = new Set(packages.map((p) => p.name));
    for (const shipped of ['react', 'zod', 'better-sqlite3', 'zustand']) expect(names).toContain(shipped);
    for (const testOnly of ['axe-core', '@axe-core/playwright', '@playwright/test', 'vitest']) expect(names).not.toContain(testOnly);
    expect(packages.filter((p) => !isPermissive(p.licence)).map((p) => `${p.name}@${p.version} ${p.licence} (${p.via})`)).toEqual([]);
  });
});
