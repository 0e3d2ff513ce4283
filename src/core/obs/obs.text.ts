// What OBS says is read as untrusted: obs-websocket can be another machine on the studio network
// (or something answering at the configured address), and its scene names, versions and flags
// reach every view's snapshot. A name that is not text (an object rendered as a React child
// crashes the view that shows it), or megabytes long, or one of a million scenes, is dropped here.
// Names are otherwise kept exactly: a switch sends the name back to OBS, which must find it.

/** The longest scene name kept (obs.setScene accepts the same). */
export const MAX_SCENE_NAME = 256;
/** More scenes than any show uses; the rest are not listed. */
export const MAX_SCENES = 500;
const MAX_LABEL = 120;

/** The name, or null when it is not one a view or a switch can use. */
export function sceneName(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_SCENE_NAME ? v : null;
}

/** A version or service label: text, bounded. */
export function obsLabel(v: unknown): string {
  return typeof v === 'string' ? v.slice(0, MAX_LABEL) : '?';
}

export const obsFlag = (v: unknown): boolean => v === true;

export const obsCount = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);
