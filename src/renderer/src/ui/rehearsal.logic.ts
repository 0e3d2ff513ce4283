// REHEARSAL is said once per view (the header's badge). Station texts that carry the word for
// views without that badge (a source's or a preflight check's detail) drop it when the header
// already says it. Pure.

/** `text` without the REHEARSAL label (and its colon), first letter raised, when the view says it already. */
export function unlabelled(text: string, headerSaysRehearsal: boolean): string {
  if (!headerSaysRehearsal) return text;
  const out = text.replace(/\bREHEARSAL\b\s*:?\s*/g, '').trim();
  return out.charAt(0).toUpperCase() + out.slice(1);
}
