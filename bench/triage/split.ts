/**
 * Deterministic dev split: FNV-1a 32-bit hash of the comment id, bucket = hash % 100.
 * bucket < 70 → 'tune' (used while writing rules), otherwise 'holdout' (never inspected for errors).
 * Fixed before any tuning; do not change the salt or threshold.
 */
export const SPLIT_SALT = 'baton-triage-split-v1';

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function devSplitOf(id: string): 'tune' | 'holdout' {
  return fnv1a(SPLIT_SALT + ':' + id) % 100 < 70 ? 'tune' : 'holdout';
}
