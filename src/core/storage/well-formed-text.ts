// Text as SQLite (UTF-8) can hold it: a lone surrogate has no UTF-8 form, so it is replaced by
// U+FFFD before anything hashes, stores or compares the text. Cutting without splitting pairs is
// src/shared/text/clip.

/** A surrogate code unit without its partner (matched per code unit: no `u` flag on purpose). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

/** Well-formed text (what String.prototype.toWellFormed gives) and how many code units were replaced. */
export function wellFormed(text: string): { text: string; replaced: number } {
  // The engine's own check first: most text is well-formed, and it costs a fraction of the regex.
  if (text.isWellFormed()) return { text, replaced: 0 };
  let replaced = 0;
  const out = text.replace(LONE_SURROGATES, () => {
    replaced += 1;
    return '\ufffd';
  });
  return { text: out, replaced };
}

/**
 * The same text as `wellFormed(text).text`, by the engine's own method, without the count: the
 * audit writer runs it on six fields of every row, on the command's reply path.
 */
export function toWellFormed(text: string): string {
  return text.toWellFormed();
}
