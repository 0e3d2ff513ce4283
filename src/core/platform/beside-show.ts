// A file a show file names (its script, a comment replay) is read from the show's own folder or
// below it, never elsewhere: a show file is a document people pass around (an agency's, a brand's)
// and a producer link may import one from another machine; `"file": "../../.ssh/notes.md"` or a
// link inside the folder pointing out of it made the station read any file its user can and show
// it in every view's teleprompter. Links are followed only when they stay inside the folder.
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type BesideShow = { ok: true; path: string } | { ok: false; message: string };

/** True when `path` lies below `dir` (both resolved; neither is read). */
export const inside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
};

export function fileBesideShow(baseDir: string, file: string): BesideShow {
  const refuse = (why: string): BesideShow => ({ ok: false, message: `"${file.slice(0, 200)}" ${why}: a show’s files live in the show’s folder (${baseDir}) or below it.` });
  if (isAbsolute(file)) return refuse('is an absolute path');
  const dir = resolve(baseDir);
  const path = resolve(dir, file);
  if (!inside(dir, path)) return refuse('points outside the show’s folder');
  // A missing file is the caller's own "cannot be read" answer.
  if (!existsSync(path)) return { ok: true, path };
  if (!inside(realpathSync(dir), realpathSync(path))) return refuse('is a link to a file outside the show’s folder');
  return { ok: true, path };
}
