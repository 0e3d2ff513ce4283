// OBS link (obs-websocket v5): connection, resync, scenes, stream health.
import type { CoreModule, ModuleContext } from '../module';
import type { ObsPorts } from './obs.ports';

export function createObsModule(_ctx: ModuleContext, _ports: ObsPorts): CoreModule<never> {
  return {
    handlers: {},
    start() {},
    close() {},
  };
}
