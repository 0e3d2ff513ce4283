// Which files `show.load` may read: show files (`.json`) in the station's show folders or below,
// by real path. The command takes a path from whoever holds a producer token — a stolen one, or a
// script with a typo — and a show's answer quotes its values ("unknown SKU …"), so without a fence
// any JSON the station's user can read could be read out through the errors.
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { inside } from './beside-show';

export type ShowFileCheck = { ok: true; path: string } | { ok: false; message: string };

export function showFileInFolders(cwd: string, folders: readonly string[], file: string): ShowFileCheck {
  const where = folders.length ? folders.join(', ') : 'none configured';
  const refuse = (why: string): ShowFileCheck => ({ ok: false, message: `${why}: show.load reads show files (.json) only from the station’s show folders (${where}).` });
  const path = resolve(cwd, file);
  if (!/\.json$/i.test(path)) return refuse('Not a .json file');
  // Decided on the name first: a path outside every folder is never touched, so the answer does not
  // even say whether it exists.
  const roots = folders.map((f) => resolve(cwd, f)).filter((f) => inside(f, path));
  if (roots.length === 0) return refuse('Outside the show folders');
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    // A missing file is the loader's own "cannot read … ENOENT" answer.
    return { ok: true, path };
  }
  const realRoots = roots.flatMap((f) => {
    try {
      return [realpathSync(f)];
    } catch {
      return [];
    }
  });
  if (!realRoots.some((f) => inside(f, real))) return refuse('A link out of the show folders');
  return { ok: true, path: real };
}
