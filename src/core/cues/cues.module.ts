// Scripts (versions, approval, the compliance guard) and the live cue deck. Owns the `cues` and
// `scripts` slices; reads `offers` (to switch the host card on a confirmed pause or a reached cap).
import type { cueCommands } from '../../shared/contract/index';
import type { CoreModule, ModuleContext } from '../module';
import type { SliceOf } from '../dispatch/handler';
import type { CuesPorts } from './cues.ports';
import { createScriptRepo } from './script.repo';
import { createScriptService } from './script.service';
import { createDeckService } from './deck.service';
import { createComplianceService } from './compliance.service';
import { createScriptImporter } from './script.import';
import { createSignoffService } from './signoff.service';
import { createSignoffRepo } from './signoff.repo';

const OVERDUE_CHECK_MS = 30_000;

type CueCommand = SliceOf<typeof cueCommands>;

export function createCuesModule(ctx: ModuleContext, _ports: CuesPorts): CoreModule<CueCommand> {
  const repo = createScriptRepo(ctx.db);
  const scripts = createScriptService(ctx, repo, { afterLoad: (v) => compliance.checkMacros(v) });
  const deck = createDeckService(ctx, repo, scripts);
  const compliance = createComplianceService(ctx, repo, scripts, () => deck.loaded());
  const importShowScript = createScriptImporter(ctx, repo, scripts, deck);
  const signoff = createSignoffService(ctx, scripts, repo, createSignoffRepo(ctx.db));

  deck.restore();
  deck.offersChanged(ctx.state.get('offers').items);
  const offShow = ctx.show.onLoaded((l) => {
    importShowScript(l);
    compliance.checkMacros(deck.loaded());
  });
  const offState = ctx.state.subscribe((m) => {
    if (m.t === 'patch' && m.domain === 'offers') deck.offersChanged(m.value.items);
  });
  let timer: ReturnType<typeof setInterval> | null = null;

  return {
    handlers: { ...scripts.handlers, ...deck.handlers, ...compliance.handlers, ...signoff.handlers },
    start() {
      // Sign-off due times pass without any command: look every half minute.
      timer = setInterval(scripts.refresh, OVERDUE_CHECK_MS);
      timer.unref();
    },
    close() {
      if (timer) clearInterval(timer);
      offShow();
      offState();
    },
  };
}
