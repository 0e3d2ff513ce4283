// The loaded show. One at a time; a failed load records its errors and keeps the current show.
// Other subsystems subscribe to `onLoaded` to reconfigure (scenes, catalog, offers, script).
import { dirname, resolve } from 'node:path';
import type { Show } from '../../shared/show/show.schema';
import type { Handlers } from '../dispatch/handler';
import { CommandFailure } from '../dispatch/command-failure';
import type { StateStore } from '../state/state.store';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { parseShow, readShowFile, type ShowParse } from './show.loader';
import { showFileInFolders } from '../platform/show-folders';

export interface LoadedShow {
  show: Show;
  /** Folder that relative paths in the show (script, replay files) are resolved against. */
  baseDir: string;
  source: string;
}
/**
 * Called synchronously inside the load, so that `show.load` stays a synchronous command (its
 * audit row precedes its patch). A listener with slow work starts it and handles its own errors.
 */
export type ShowListener = (loaded: LoadedShow) => void;

export interface ShowService {
  current(): LoadedShow | null;
  /**
   * Loads a file the station itself names (its `--show`, the last show, the demo); throws a
   * CommandFailure listing the bad fields when it is not a valid show. `show.load`, which takes a
   * path from a producer token, reads only the show folders.
   */
  loadFile(path: string): LoadedShow;
  onLoaded(listener: ShowListener): () => void;
  handlers: Handlers<'show.load' | 'show.import' | 'show.get'>;
}

export function createShowService(deps: {
  state: StateStore;
  clock: Clock;
  cwd: string;
  /** The folders `show.load` may read show files from (below them too, links resolved), asked at each load. */
  showFolders: () => readonly string[];
  log: Logger;
}): ShowService {
  const { state, clock, log } = deps;
  const listeners = new Set<ShowListener>();
  let loaded: LoadedShow | null = null;

  const apply = (parse: ShowParse, source: string, baseDir: string): LoadedShow => {
    if (!parse.ok) {
      state.update('show', (s) => ({ ...s, lastError: { at: clock.now(), source, issues: parse.issues } }));
      const first = parse.issues.slice(0, 3).map((i) => `${i.path || '(file)'}: ${i.message}`).join('; ');
      throw new CommandFailure(
        'invalid_args',
        `The show in ${source} has ${parse.issues.length} problem(s): ${first}. The current show stays loaded.`,
        parse.issues,
      );
    }
    loaded = { show: parse.show, baseDir, source };
    state.set('show', { current: parse.show, source, loadedAt: clock.now(), lastError: null });
    for (const l of listeners) {
      try {
        l(loaded);
      } catch (error) {
        log.error('a subsystem failed to take the new show', { error: error instanceof Error ? error.message : String(error) });
      }
    }
    return loaded;
  };

  const loadFile = (path: string) => {
    const full = resolve(deps.cwd, path);
    return apply(readShowFile(full), full, dirname(full));
  };

  return {
    current: () => loaded,
    loadFile,
    onLoaded(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    handlers: {
      'show.load': ({ path }) => {
        const allowed = showFileInFolders(deps.cwd, deps.showFolders(), path);
        if (!allowed.ok) throw new CommandFailure('forbidden', allowed.message);
        const l = loadFile(allowed.path);
        return { id: l.show.id, title: l.show.title };
      },
      'show.import': ({ show }) => {
        const l = apply(parseShow(show), 'import', loaded?.baseDir ?? deps.cwd);
        return { id: l.show.id, title: l.show.title };
      },
      'show.get': () => ({ show: loaded?.show ?? null }),
    },
  };
}
