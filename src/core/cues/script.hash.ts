// The content hash an approval signs: SHA-256 over canonical JSON (keys sorted, no whitespace) of
// the filled content, so the same text always gets the same hash on any machine.
import { createHash } from 'node:crypto';
import type { ScriptContent } from '../../shared/contract/index';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function contentHash(content: ScriptContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}

export const shortHash = (hash: string): string => hash.slice(0, 8);
