// A dependency-free raw IRC client (node:net) for tests: registration with IRCv3 capabilities,
// OPER, JOIN, tag parsing, and a paced PRIVMSG flood carrying +baton/seq and +baton/sent tags.
import { connect, type Socket } from 'node:net';
import { randomSecret } from './process-control.js';

export type IrcTags = Readonly<Record<string, string>>;

export interface IrcMessage {
  readonly tags: IrcTags;
  readonly prefix: string | null;
  readonly command: string;
  readonly params: readonly string[];
  readonly raw: string;
}

const TAG_ESCAPES: Readonly<Record<string, string>> = {
  ':': ';',
  s: ' ',
  '\\': '\\',
  r: '\r',
  n: '\n',
};

export function unescapeTagValue(value: string): string {
  return value.replace(/\\(.?)/g, (_match, next: string) => TAG_ESCAPES[next] ?? next);
}

export function escapeTagValue(value: string): string {
  return value.replace(
    /[\\; \r\n]/g,
    (c) => ({ '\\': '\\\\', ';': '\\:', ' ': '\\s', '\r': '\\r', '\n': '\\n' })[c] ?? c,
  );
}

export function formatTags(tags: IrcTags): string {
  const parts = Object.entries(tags).map(([key, value]) =>
    value === '' ? key : `${key}=${escapeTagValue(value)}`,
  );
  return parts.length === 0 ? '' : `@${parts.join(';')} `;
}

export function parseIrcLine(raw: string): IrcMessage {
  let rest = raw;
  const tags: Record<string, string> = {};
  if (rest.startsWith('@')) {
    const end = rest.indexOf(' ');
    for (const part of rest.slice(1, end).split(';')) {
      const eq = part.indexOf('=');
      if (eq === -1) tags[part] = '';
      else tags[part.slice(0, eq)] = unescapeTagValue(part.slice(eq + 1));
    }
    rest = rest.slice(end + 1).trimStart();
  }
  let prefix: string | null = null;
  if (rest.startsWith(':')) {
    const end = rest.indexOf(' ');
    prefix = rest.slice(1, end);
    rest = rest.slice(end + 1).trimStart();
  }
  const params: string[] = [];
  const trailingAt = rest.indexOf(' :');
  const head = trailingAt === -1 ? rest : rest.slice(0, trailingAt);
  const words = head.split(' ').filter((w) => w !== '');
  const command = (words.shift() ?? '').toUpperCase();
  params.push(...words);
  if (trailingAt !== -1) params.push(rest.slice(trailingAt + 2));
  return { tags, prefix, command, params, raw };
}

export interface RawIrcClientOptions {
  readonly host: string;
  readonly port: number;
  readonly nick: string;
  // Requested if the server offers them, e.g. ['message-tags', 'server-time', 'echo-message'].
  readonly caps?: readonly string[];
  readonly oper?: { readonly name: string; readonly password: string };
  readonly timeoutMs?: number;
}

export type IrcMessageListener = (message: IrcMessage, receivedAtMs: number) => void;

export interface RawIrcClient {
  readonly nick: string;
  readonly caps: ReadonlySet<string>;
  // Queues one line (CRLF added). false means the socket buffer is full: await drain().
  send(line: string): boolean;
  drain(): Promise<void>;
  join(channel: string): Promise<void>;
  // Resolves once the server answered: every line sent before it has been processed.
  ping(): Promise<number>;
  onMessage(listener: IrcMessageListener): () => void;
  waitFor(
    predicate: (message: IrcMessage) => boolean,
    timeoutMs?: number,
    what?: string,
  ): Promise<IrcMessage>;
  close(): Promise<void>;
}

const ERROR_REPLIES = new Set(['432', '433', '464', '465', '491', 'ERROR']);

export async function connectRawIrcClient(options: RawIrcClientOptions): Promise<RawIrcClient> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const socket: Socket = connect({ host: options.host, port: options.port });
  socket.setNoDelay(true);
  socket.setEncoding('utf8');
  const listeners = new Set<IrcMessageListener>();
  const caps = new Set<string>();
  let buffered = '';
  let closed = false;

  socket.on('data', (chunk: string) => {
    const receivedAtMs = Date.now();
    buffered += chunk;
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline).replace(/\r$/, '');
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
      if (line === '') continue;
      const message = parseIrcLine(line);
      if (message.command === 'PING') socket.write(`PONG :${message.params.at(-1) ?? ''}\r\n`);
      for (const listener of listeners) listener(message, receivedAtMs);
    }
  });
  const closedPromise = new Promise<void>((resolve) =>
    socket.once('close', () => {
      closed = true;
      resolve();
    }),
  );
  socket.on('error', () => {
    // 'close' follows; waiters fail through their own timeouts or the close check below.
  });

  const onMessage = (listener: IrcMessageListener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  const waitFor = (
    predicate: (message: IrcMessage) => boolean,
    waitMs = timeoutMs,
    what = 'a reply',
  ): Promise<IrcMessage> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => finish(new Error(`${options.nick}: no ${what} within ${waitMs} ms`)),
        waitMs,
      );
      const unsubscribe = onMessage((message) => {
        if (predicate(message)) finish(message);
        else if (ERROR_REPLIES.has(message.command))
          finish(new Error(`${options.nick}: server said ${message.raw}`));
      });
      const onClose = (): void =>
        finish(new Error(`${options.nick}: connection closed while waiting for ${what}`));
      socket.once('close', onClose);
      function finish(outcome: IrcMessage | Error): void {
        clearTimeout(timer);
        unsubscribe();
        socket.removeListener('close', onClose);
        if (outcome instanceof Error) reject(outcome);
        else resolve(outcome);
      }
    });

  const send = (line: string): boolean => socket.write(`${line}\r\n`);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`IRC connect to ${options.host}:${options.port} timed out`)),
      timeoutMs,
    );
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

  const welcome = waitFor((m) => m.command === '001', timeoutMs, 'welcome (001)');
  // Handled here so an earlier failure cannot surface it as an unhandled rejection.
  welcome.catch(() => undefined);
  try {
    const wanted = options.caps ?? [];
    if (wanted.length > 0) {
      // CAP LS first suspends registration until CAP END, so the caps apply from the first message.
      const offered = new Set<string>();
      const stopCollecting = onMessage((m) => {
        if (m.command !== 'CAP' || m.params[1] !== 'LS') return;
        for (const cap of (m.params.at(-1) ?? '').split(' ')) offered.add(cap.split('=')[0] ?? cap);
      });
      // "CAP * LS * :..." marks a continuation line in version 302; the last one has no "*".
      const lsEnd = waitFor(
        (m) => m.command === 'CAP' && m.params[1] === 'LS' && m.params[2] !== '*',
        timeoutMs,
        'CAP LS',
      );
      void lsEnd.then(stopCollecting, stopCollecting);
      send('CAP LS 302');
      send(`NICK ${options.nick}`);
      send(`USER ${options.nick} 0 * :${options.nick}`);
      await lsEnd;
      const request = wanted.filter((cap) => offered.has(cap));
      if (request.length > 0) {
        const answer = waitFor(
          (m) => m.command === 'CAP' && (m.params[1] === 'ACK' || m.params[1] === 'NAK'),
          timeoutMs,
          'CAP ACK',
        );
        send(`CAP REQ :${request.join(' ')}`);
        const reply = await answer;
        if (reply.params[1] === 'ACK')
          for (const cap of (reply.params.at(-1) ?? '').split(' ')) if (cap !== '') caps.add(cap);
      }
      send('CAP END');
    } else {
      send(`NICK ${options.nick}`);
      send(`USER ${options.nick} 0 * :${options.nick}`);
    }
    await welcome;

    if (options.oper !== undefined) {
      const opered = waitFor((m) => m.command === '381', timeoutMs, 'OPER success (381)');
      send(`OPER ${options.oper.name} ${options.oper.password}`);
      await opered;
    }
  } catch (error) {
    socket.destroy();
    throw error;
  }

  return {
    nick: options.nick,
    caps,
    send,
    drain: () =>
      socket.writableNeedDrain
        ? new Promise<void>((resolve) => {
            socket.once('drain', resolve);
            socket.once('close', resolve);
          })
        : Promise.resolve(),
    join: async (channel) => {
      const joined = waitFor(
        (m) => m.command === '366' && m.params[1]?.toLowerCase() === channel.toLowerCase(),
        timeoutMs,
        `JOIN ${channel}`,
      );
      send(`JOIN ${channel}`);
      await joined;
    },
    ping: async () => {
      const token = randomSecret(6);
      const t0 = performance.now();
      const pong = waitFor(
        (m) => m.command === 'PONG' && m.params.at(-1) === token,
        60_000,
        'PONG',
      );
      send(`PING :${token}`);
      await pong;
      return performance.now() - t0;
    },
    onMessage,
    waitFor,
    close: async () => {
      if (closed) return;
      socket.end('QUIT :done\r\n');
      const timer = setTimeout(() => socket.destroy(), 2_000);
      await closedPromise;
      clearTimeout(timer);
    },
  };
}

export interface FloodOptions {
  readonly channel: string;
  readonly count: number;
  // Messages per second; Infinity sends as fast as the socket accepts.
  readonly ratePerSecond: number;
  readonly firstSeq?: number;
  readonly text?: (seq: number) => string;
  // Extra client tags; +baton/seq and +baton/sent (epoch ms at write) are always added.
  readonly tags?: (seq: number) => IrcTags;
}

export interface FloodResult {
  readonly sent: number;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly startedAtMs: number;
  readonly lastWriteAtMs: number;
  // When the server had processed every line (PING answered after the last PRIVMSG).
  readonly acknowledgedAtMs: number;
  readonly achievedRatePerSecond: number;
}

export const SEQ_TAG = '+baton/seq';
export const SENT_TAG = '+baton/sent';

export async function sendFlood(client: RawIrcClient, options: FloodOptions): Promise<FloodResult> {
  if (!client.caps.has('message-tags'))
    throw new Error('the sender must negotiate message-tags to send client tags');
  const firstSeq = options.firstSeq ?? 1;
  const text = options.text ?? ((seq: number) => `test comment ${seq}`);
  const startedAtMs = Date.now();
  const t0 = performance.now();
  let sent = 0;
  let lastWriteAtMs = startedAtMs;
  while (sent < options.count) {
    const elapsed = performance.now() - t0;
    const due = Number.isFinite(options.ratePerSecond)
      ? Math.min(options.count, Math.floor((elapsed * options.ratePerSecond) / 1000) + 1)
      : options.count;
    let batch = '';
    const now = Date.now();
    // Cap a batch so an unlimited rate still yields to the event loop and honours backpressure.
    for (let n = 0; sent < due && n < 500; n += 1) {
      const seq = firstSeq + sent;
      const tags = { ...options.tags?.(seq), [SEQ_TAG]: String(seq), [SENT_TAG]: String(now) };
      batch += `${formatTags(tags)}PRIVMSG ${options.channel} :${text(seq)}\r\n`;
      sent += 1;
    }
    if (batch !== '') {
      lastWriteAtMs = now;
      // send() appends CRLF; the batch already ends with one.
      if (!client.send(batch.slice(0, -2))) await client.drain();
    }
    if (sent < options.count) {
      const nextDueAt = Number.isFinite(options.ratePerSecond)
        ? ((sent + 1) * 1000) / options.ratePerSecond
        : 0;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(0, nextDueAt - (performance.now() - t0))),
      );
    }
  }
  await client.ping();
  const acknowledgedAtMs = Date.now();
  const seconds = Math.max(1, lastWriteAtMs - startedAtMs) / 1000;
  return {
    sent,
    firstSeq,
    lastSeq: firstSeq + sent - 1,
    startedAtMs,
    lastWriteAtMs,
    acknowledgedAtMs,
    achievedRatePerSecond: sent / seconds,
  };
}

export interface FloodSenderOptions extends FloodOptions {
  readonly host: string;
  readonly port: number;
  readonly operName: string;
  readonly operPassword: string;
  readonly nick?: string;
}

// One-shot: register, oper up, negotiate message-tags, join, flood, quit.
export async function floodIrcChannel(options: FloodSenderOptions): Promise<FloodResult> {
  const client = await connectRawIrcClient({
    host: options.host,
    port: options.port,
    nick: options.nick ?? `flood${randomSecret(3).replace(/[^A-Za-z0-9]/g, 'x')}`,
    caps: ['message-tags'],
    oper: { name: options.operName, password: options.operPassword },
  });
  try {
    await client.join(options.channel);
    return await sendFlood(client, options);
  } finally {
    await client.close();
  }
}
