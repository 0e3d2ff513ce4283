// The station's HTTP/WebSocket API on 127.0.0.1:0 over a test core, as every transport test starts
// it: a producer token from the environment, other tokens from the given secret store, no UI files.
import { startApiServer, type ApiServer, type ApiServerOptions } from '../../src/station/transport/api.server';
import { createTokenService, type TokenService } from '../../src/station/auth/token.service';
import { createMemorySecretStore, type SecretStore } from '../../src/core/platform/secret-store';
import { silentLogger } from '../../src/core/platform/logger';
import type { Core } from '../../src/core/core';

export const TEST_PRODUCER_TOKEN = 'producer-token-for-tests';

export interface TestApi {
  api: ApiServer;
  tokens: TokenService;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** The event socket's address, without a token. */
  events: string;
  close(): Promise<void>;
}

export interface TestApiOptions extends Partial<Omit<ApiServerOptions, 'core' | 'tokens'>> {
  /** Where the token service reads `api.tokens` (and a test keeps its other secrets); empty by default. */
  secrets?: SecretStore;
  producerToken?: string;
}

export async function startTestApi(core: Core, options: TestApiOptions = {}): Promise<TestApi> {
  const { secrets = createMemorySecretStore(), producerToken = TEST_PRODUCER_TOKEN, ...server } = options;
  const tokens = createTokenService({ secrets, envProducerToken: producerToken });
  const api = await startApiServer({ core, tokens, log: silentLogger, host: '127.0.0.1', port: 0, staticRoot: null, version: 'test', routes: [], ...server });
  return { api, tokens, base: `http://127.0.0.1:${api.port}`, events: `ws://127.0.0.1:${api.port}/api/events`, close: () => api.close() };
}
