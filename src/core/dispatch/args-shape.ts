// How a request the station refused is kept in the audit: its shape (types and sizes, e.g.
// `{ cueId: "number", note: "string(50)" }`), never its values, so no secret, code or hostile
// text is stored for later code to trust. Secret fields are named as such.

import { wellFormed } from '../storage/well-formed-text';
import { clip } from '../../shared/text/clip';

const MAX_KEYS = 32;
const MAX_KEY_CHARS = 40;

export function shapeOf(value: unknown, secretKeys: readonly string[] = []): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return brief(value);
  const keys = Object.keys(value);
  const out: Record<string, string> = {};
  for (const key of keys.slice(0, MAX_KEYS)) {
    const name = keyText(key);
    const shape = secretKeys.includes(key) ? '[secret]' : brief((value as Record<string, unknown>)[key]);
    Object.defineProperty(out, name, { value: shape, enumerable: true, writable: true, configurable: true });
  }
  if (keys.length > MAX_KEYS) out['…'] = `${keys.length - MAX_KEYS} more keys`;
  return out;
}

function brief(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `string(${v.length})`;
  if (Array.isArray(v)) return `array(${v.length})`;
  if (typeof v === 'object') return `object(${Object.keys(v).length})`;
  return typeof v;
}

function keyText(key: string): string {
  const clean = wellFormed(key).text;
  return clean.length > MAX_KEY_CHARS ? `${clip(clean, MAX_KEY_CHARS)}…` : clean;
}
