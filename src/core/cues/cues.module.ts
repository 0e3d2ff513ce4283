// Scripts (versions, approval) and the live cue deck.
import type { CoreModule, ModuleContext } from '../module';
import type { CuesPorts } from './cues.ports';

export function createCuesModule(_ctx: ModuleContext, _ports: CuesPorts): CoreModule<never> {
  return {
    handlers: {},
    start() {},
    close() {},
  };
}
