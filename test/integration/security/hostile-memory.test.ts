// Session 14 security review: what one token can make the station hold in requests that never
// finish. A producer's socket may send a 4 MB message in fragments (ws keeps every fragment until
// the last); 64 sockets a byte short of their end held ~270 MB, and so did HTTP bodies trickled
// to a byte short of their length. The bytes in flight are now bounded per token and in all.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { connect } from 'node:net';
import { startHostileStation, type HostileStation, type HostileSocket } from './hostile-station';
import { ASSEMBLY_REQUESTS_PER_TOKEN } from '../../../src/station/transport/assembly-budget';

let s: HostileStation;
beforeAll(async () => {
  s = await startHostileStation();
});
afterAll(async () => {
  await s.stop();
});

const MB = 1024 * 1024;
const uncaught = () => s.output().split('\n').filter((l) => /"where":"(uncaught|unhandled)/.test(l));

describe('messages in fragments', () => {
  it('closes a producer’s sockets with 1009 once its unfinished messages pass its share, and serves it again once they are gone', async () => {
    const sockets: HostileSocket[] = [];
    onTestFinished(() => {
      for (const ws of sockets) ws.socket.terminate();
    });
    const closes: Promise<number | 'open'>[] = [];
    for (let i = 0; i < 12; i++) {
      const ws = await s.ws('producer');
      await ws.next((m) => m.t === 'snapshot');
      sockets.push(ws);
      closes.push(new Promise((r) => ws.socket.once('close', (code) => r(code))));
      // 3 MB of a message that never ends (each socket stays under its 4 MB frame limit).
      ws.socket.send(`{"t":"command","id":"frag-${i}","name":"station.whoami","args":{"pad":"`, { fin: false });
      for (let k = 0; k < 3; k++) ws.socket.send('x'.repeat(MB), { fin: false });
    }
    const outcome = await Promise.all(closes.map((c) => Promise.race([c, new Promise<'open'>((r) => setTimeout(() => r('open'), 8000))])));
    const open = outcome.filter((o) => o === 'open').length;
    // The token's share holds ASSEMBLY_REQUESTS_PER_TOKEN whole 4 MB messages: at most that many 3 MB halves stay.
    expect(open).toBeLessThanOrEqual(Math.ceil((ASSEMBLY_REQUESTS_PER_TOKEN * 4) / 3));
    // 1009 ("message too big") when told; a client that keeps sending after the close is cut (1006).
    expect(outcome.filter((o) => o === 1009 || o === 1006).length).toBe(12 - open);
    expect(outcome).toContain(1009);
    for (const ws of sockets) ws.socket.terminate();
    await new Promise((r) => setTimeout(r, 300));
    // The bytes left with the sockets: a whole 3 MB message is read and answered again.
    const again = await s.ws('producer');
    again.socket.send(JSON.stringify({ t: 'command', id: 'whole', name: 'station.whoami', args: { pad: 'x'.repeat(3 * MB) } }));
    expect(await again.next((m) => m.id === 'whole', 15_000)).toMatchObject({ t: 'result', id: 'whole' });
    again.close();
    expect(uncaught()).toEqual([]);
    expect(s.alive()).toBe(true);
  }, 60_000);
});

/** Sends a command's headers and all but 10 bytes of the `length` its body announces; resolves with what came back within `ms`. */
function almostWholeBody(length: number, ms: number): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    const sock = connect(s.port, '127.0.0.1', () => {
      sock.write(`POST /api/commands/station.whoami HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${s.tokens.producer}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`);
      sock.write(`{"pad":"${'x'.repeat(length - 20)}`);
    });
    const done = () => {
      clearTimeout(timer);
      sock.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, ms);
    sock.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    sock.on('error', done);
    sock.on('close', done);
  });
}

describe('HTTP bodies in flight', () => {
  it('answers 503 to a producer’s body that would pass its share of unfinished bodies, and closes it', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => almostWholeBody(3 * MB, 8000)));
    const refused = answers.filter((a) => /^HTTP\/1\.1 503 /.test(a));
    expect(refused.length).toBeGreaterThanOrEqual(6 - Math.ceil((ASSEMBLY_REQUESTS_PER_TOKEN * 4) / 3));
    for (const a of refused) {
      expect(a.toLowerCase()).toContain('connection: close');
      expect(a).toContain('"unavailable"');
    }
    // Once those bodies are gone, a whole one is read again (and answered: whoami takes no pad).
    await new Promise((r) => setTimeout(r, 300));
    const again = await s.api('station.whoami', JSON.stringify({ pad: 'x'.repeat(3 * MB) }));
    expect(again.status).toBe(400);
    expect(again.body.error?.code).toBe('invalid_args');
    expect(s.alive()).toBe(true);
  }, 60_000);
});
