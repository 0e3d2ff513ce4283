// Go/no-go preflight checks against the real state of every subsystem.
import type { CoreModule, ModuleContext } from '../module';
import type { PreflightPorts } from './preflight.ports';

export function createPreflightModule(_ctx: ModuleContext, _ports: PreflightPorts): CoreModule<never> {
  return {
    handlers: {},
    start() {},
    close() {},
  };
}
