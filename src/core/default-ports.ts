// The real adapters, as the station runs them.
import type { CorePorts } from './ports';

export function createDefaultPorts(): CorePorts {
  return {
    obs: {},
    comments: {},
    cues: {},
    offers: {},
    preflight: {},
  };
}
