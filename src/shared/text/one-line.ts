// One line of plain text for places that are line-based or shown on one line (an overlay, the host's
// talkback strip, a chapter file, a reason from HQ): C0/C1 control characters become spaces (U+0085 is
// a line break in some readers), every run of whitespace (including U+2028/2029) folds to one space.
// Explicit direction embeddings, overrides and isolates (U+202A–202E, U+2066–2069) are dropped: one
// left open flips or reorders the words after it ("WRAP UP" read backwards on the host card);
// right-to-left text needs none of them, and the marks (LRM, RLM, ALM), which scope nothing, stay.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const DIRECTION_SCOPES = /[\u202a-\u202e\u2066-\u2069]/g;

export function oneLine(text: string): string {
  return text.replace(DIRECTION_SCOPES, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}
