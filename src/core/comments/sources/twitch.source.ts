// Twitch chat over IRC with IRCv3 tags, on node:net/tls (any host and port, so tests can point it at
// a local InspIRCd). Negotiates only the capabilities the server offers (a REQ naming an unknown
// one is refused whole), answers PING, detects a silent connection, and reconnects with backoff.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import type { CommentSourceConfig } from '../../../shared/show/show.schema';
import type { SourceComment } from '../comment.model';
import { createReconnectLoop } from './reconnect.loop';
import { escapeTag, nickOf, parseIrcLine, type IrcLine } from './irc.parser';
import { oneLine } from '../../../shared/text/one-line';
import { createHealthTracker, type CommentSource, type SourceDeps } from './source.types';
import { isLoopbackHost, isScopedSecret, scopeMessage, sourceSecretPrefix } from '../../../shared/show/secret-scope';

type TwitchConfig = Extract<CommentSourceConfig, { kind: 'twitch' }>;

const WANTED_CAPS = ['twitch.tv/tags', 'twitch.tv/commands', 'message-tags', 'server-time'];
/** No byte from the server for this long: send a PING; twice as long: the link is dead. */
const SILENCE_MS = 90_000;
const MAX_LINE_BYTES = 510;

export function createTwitchSource(deps: SourceDeps<TwitchConfig>): CommentSource {
  const { config, sink, clock, log, secrets } = deps;
  // Defence behind the show loader: only the source's own secret, and only over TLS or loopback;
  // otherwise the source joins anonymously (read-only).
  function loginToken(): string | null {
    const name = config.tokenSecret;
    if (!name) return null;
    if (!isScopedSecret(name, sourceSecretPrefix(config.id))) {
      log.warn(`twitch ${config.id}: ${scopeMessage(name, sourceSecretPrefix(config.id))}; joining read-only`);
      return null;
    }
    if (!config.tls && !isLoopbackHost(config.host)) {
      log.warn(`twitch ${config.id}: refusing to send a login token in clear to ${config.host}; joining read-only (set tls)`);
      return null;
    }
    return secrets.get(name);
  }
  const channel = `#${config.channel.replace(/^#/, '').toLowerCase()}`;
  const token = loginToken();
  const canReply = Boolean(config.nick && token);
  const health = createHealthTracker(
    { id: config.id, kind: 'twitch', label: `Twitch ${channel} (${config.host}:${config.port})`, rehearsal: false, canReply },
    sink,
  );
  let socket: Socket | null = null;
  let watchdog: NodeJS.Timeout | null = null;
  let lastData = 0;
  let joined = false;
  let synthetic = 0;

  const nick = () => config.nick?.toLowerCase() ?? `justinfan${Math.floor(10_000 + Math.random() * 80_000)}`;

  const drop = (why: string) => {
    const s = socket;
    socket = null;
    joined = false;
    if (watchdog) clearInterval(watchdog);
    watchdog = null;
    s?.destroy();
    loop.schedule(why);
  };

  const toComment = (m: IrcLine): SourceComment | null => {
    const text = m.params[1];
    if (text === undefined) return null;
    const t = m.tags;
    const sent = Number(t['tmi-sent-ts']);
    const time = t['time'] ? Date.parse(t['time']) : Number.NaN;
    synthetic += 1;
    return {
      platform: 'twitch',
      // Twitch's own `id`, else the IRCv3 `msgid`; a message with neither cannot be de-duplicated.
      messageId: t['id'] || t['msgid'] || `nomsgid-${clock.now().toString(36)}-${synthetic}`,
      author: t['display-name'] || nickOf(m.prefix) || 'unknown',
      text,
      at: Number.isFinite(sent) && sent > 0 ? sent : Number.isFinite(time) ? time : null,
      room: m.params[0] ?? channel,
      lang: null,
      raw: { tags: t, prefix: m.prefix },
    };
  };

  const open = () => {
    if (!loop.wanted) return;
    health.set(loop.attemptStatus(), `connecting to ${config.host}:${config.port}`);
    const s = config.tls
      ? tlsConnect({ host: config.host, port: config.port, servername: config.host })
      : netConnect({ host: config.host, port: config.port });
    socket = s;
    s.setNoDelay(true);
    s.setEncoding('utf8');
    const myNick = nick();
    const offered = new Set<string>();
    let buffered = '';
    const send = (line: string) => s.write(`${line}\r\n`);

    s.on('connect', () => {
      lastData = performance.now();
      send('CAP LS 302');
      if (token) send(`PASS ${token.startsWith('oauth:') ? token : `oauth:${token}`}`);
      send(`NICK ${myNick}`);
      send(`USER ${myNick} 0 * :${myNick}`);
      watchdog = setInterval(() => {
        const quiet = performance.now() - lastData;
        if (quiet > SILENCE_MS * 2) drop('no answer from the server for 3 minutes');
        else if (quiet > SILENCE_MS) send(`PING :baton`);
      }, 15_000);
    });
    s.on('data', (chunk: string) => {
      lastData = performance.now();
      buffered += chunk;
      const batch: SourceComment[] = [];
      let nl = buffered.indexOf('\n');
      while (nl !== -1) {
        const line = buffered.slice(0, nl).replace(/\r$/, '');
        buffered = buffered.slice(nl + 1);
        nl = buffered.indexOf('\n');
        if (!line) continue;
        const m = parseIrcLine(line);
        if (!m) continue;
        switch (m.command) {
          case 'PING':
            send(`PONG :${m.params.at(-1) ?? ''}`);
            break;
          case 'CAP': {
            const sub = m.params[1];
            if (sub === 'LS') {
              for (const cap of (m.params.at(-1) ?? '').split(' ')) if (cap) offered.add(cap.split('=')[0] ?? cap);
              if (m.params[2] !== '*') {
                const req = WANTED_CAPS.filter((c) => offered.has(c));
                if (req.length) send(`CAP REQ :${req.join(' ')}`);
                else send('CAP END');
              }
            } else if (sub === 'ACK' || sub === 'NAK') send('CAP END');
            break;
          }
          case '001':
            send(`JOIN ${channel}`);
            break;
          case '366':
            joined = true;
            loop.backoff.reset();
            health.set('connected', `in ${channel} as ${myNick}${canReply ? '' : ' (read-only)'}`);
            break;
          case 'PRIVMSG': {
            if (m.params[0]?.toLowerCase() !== channel) break;
            const c = toComment(m);
            if (c) batch.push(c);
            break;
          }
          case 'NOTICE': {
            const id = m.tags['msg-id'] ?? '';
            const text = m.params.at(-1) ?? '';
            if (/ratelimit|rate limit|slow/i.test(id + ' ' + text)) health.set('rate_limited', `the server says: ${text}`);
            else if (/authentication failed|improperly formatted auth|invalid nick/i.test(text)) {
              health.set('error', `login refused: ${text}`);
              drop(`login refused: ${text}`);
            }
            break;
          }
          case 'RECONNECT':
            drop('the server asked us to reconnect');
            break;
          case 'ERROR':
            drop(`the server closed the link: ${m.params.at(-1) ?? ''}`);
            break;
          case '433':
            drop('nick in use');
            break;
          case '471':
          case '473':
          case '474':
          case '475':
            health.set('error', `cannot join ${channel}: ${m.params.at(-1) ?? m.command}`);
            break;
          default:
            break;
        }
      }
      if (batch.length) {
        sink.comments(batch);
        health.received(batch.length, clock.now());
      }
    });
    s.on('error', (error: NodeJS.ErrnoException) => {
      log.warn('twitch source error', { source: config.id, error: error.code ?? error.message });
      if (socket === s) drop(`${config.host}:${config.port}: ${error.code === 'ECONNREFUSED' ? 'connection refused' : (error.code ?? error.message)}`);
    });
    s.on('close', () => {
      if (socket === s) drop(joined ? 'connection closed' : 'connection closed before joining');
    });
  };
  const loop = createReconnectLoop({ backoff: deps.backoff, health, open });

  return {
    id: config.id,
    kind: 'twitch',
    start: () => loop.start(),
    async stop() {
      loop.stop();
      if (watchdog) clearInterval(watchdog);
      watchdog = null;
      const s = socket;
      socket = null;
      joined = false;
      if (s && !s.destroyed) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            s.destroy();
            resolve();
          }, 1_000);
          s.once('close', () => {
            clearTimeout(t);
            resolve();
          });
          s.end('QUIT :Baton stopping\r\n');
        });
      }
      health.set('stopped', null);
    },
    health: () => health.get(),
    ...(canReply
      ? {
          reply: async (to: { room: string | null; messageId: string }, text: string) => {
            const s = socket;
            if (!s || !joined) throw new Error(`Twitch ${channel} is not connected`);
            // One IRC line: a CR, LF, NUL or any other control character in the text (a show file's
            // macro) would end the PRIVMSG on many servers and start a command of the text's choosing.
            const flat = oneLine(text);
            if (flat === '') throw new Error('the reply has no visible text');
            // Twitch threads replies by its own tag; other IRCv3 servers by the draft client tag.
            const tag = /(^|\.)twitch\.tv$/i.test(config.host) ? 'reply-parent-msg-id' : '+draft/reply';
            const line = `@${tag}=${escapeTag(to.messageId)} PRIVMSG ${to.room ?? channel} :${flat}`;
            if (Buffer.byteLength(line) > MAX_LINE_BYTES) throw new Error('the reply is too long for one chat line');
            s.write(`${line}\r\n`);
          },
        }
      : {}),
  };
}
