// Session 14 security review: slow-loris clients against a real station. Node's defaults let a
// client that trickles its headers hold a socket 60–90 s and one that trickles a body 5 minutes;
// the station's own deadlines (server-timeouts.ts) answer 408 and close far sooner.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileStation, type HostileStation } from './hostile-station';
import { slowLoris } from './slow-loris';
import { STATION_TIMEOUTS } from '../../../src/station/transport/server-timeouts';

let s: HostileStation;
beforeAll(async () => {
  s = await startHostileStation();
});
afterAll(async () => {
  await s.stop();
});

describe('slow-loris clients', () => {
  it('are cut at the station’s deadlines: headers trickled a line a second, a body trickled a byte a second (even with a producer token)', async () => {
    const headerLimit = STATION_TIMEOUTS.headersTimeoutMs + 2 * STATION_TIMEOUTS.checkEveryMs + 2_000;
    const requestLimit = STATION_TIMEOUTS.requestTimeoutMs + 2 * STATION_TIMEOUTS.checkEveryMs + 2_000;
    const [headers, upgrade, body] = await Promise.all([
      slowLoris(s.port, 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: 1\r\n', 1000, headerLimit + 5_000),
      slowLoris(s.port, `GET /api/events?token=${s.tokens.producer} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n`, 'X-Slow: 1\r\n', 1000, headerLimit + 5_000),
      slowLoris(
        s.port,
        `POST /api/commands/station.whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${s.tokens.producer}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"a":"`,
        'x',
        1000,
        requestLimit + 5_000,
      ),
    ]);
    for (const [what, r, limit] of [['headers', headers, headerLimit], ['upgrade headers', upgrade, headerLimit], ['body', body, requestLimit]] as const) {
      expect(r.closedAfterMs, what).not.toBeNull();
      expect(r.closedAfterMs!, what).toBeLessThan(limit);
      expect(r.answer, what).toMatch(/^(HTTP\/1\.1 408 |$)/);
    }
    expect(s.alive()).toBe(true);
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
  }, 90_000);
});
