// One line of plain text for places that are line-based or shown on one line (an overlay, the host's
// talkback strip, a chapter file, a reason from HQ): C0/C1 control characters become spaces (U+0085 is
// a line break in some readers), every run of whitespace (including U+2028/2029) folds to one space.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function oneLine(text: string): string {
  return text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}
