// IRC lines with IRCv3 message tags (`@id=…;tmi-sent-ts=… :nick!u@h PRIVMSG #chan :text`): parse
// and escape, exactly as the spec escapes tag values (\: \s \\ \r \n).
export interface IrcLine {
  tags: Record<string, string>;
  prefix: string | null;
  command: string;
  params: string[];
}

const UNESCAPE: Record<string, string> = { ':': ';', s: ' ', '\\': '\\', r: '\r', n: '\n' };

export function unescapeTag(value: string): string {
  return value.replace(/\\(.?)/g, (_m, c: string) => UNESCAPE[c] ?? c);
}

export function escapeTag(value: string): string {
  return value.replace(/[\\; \r\n]/g, (c) => ({ '\\': '\\\\', ';': '\\:', ' ': '\\s', '\r': '\\r', '\n': '\\n' })[c] ?? c);
}

export function parseIrcLine(raw: string): IrcLine | null {
  let rest = raw;
  const tags: Record<string, string> = {};
  if (rest.startsWith('@')) {
    const end = rest.indexOf(' ');
    if (end === -1) return null;
    for (const part of rest.slice(1, end).split(';')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      if (eq === -1) tags[part] = '';
      else tags[part.slice(0, eq)] = unescapeTag(part.slice(eq + 1));
    }
    rest = rest.slice(end + 1).trimStart();
  }
  let prefix: string | null = null;
  if (rest.startsWith(':')) {
    const end = rest.indexOf(' ');
    if (end === -1) return null;
    prefix = rest.slice(1, end);
    rest = rest.slice(end + 1).trimStart();
  }
  const trailingAt = rest.startsWith(':') ? 0 : rest.indexOf(' :');
  const head = trailingAt === -1 ? rest : rest.slice(0, trailingAt);
  const params = head.split(' ').filter((w) => w !== '');
  const command = (params.shift() ?? '').toUpperCase();
  if (!command) return null;
  if (trailingAt !== -1) params.push(rest.slice(trailingAt === 0 ? 1 : trailingAt + 2));
  return { tags, prefix, command, params };
}

export function nickOf(prefix: string | null): string | null {
  if (!prefix) return null;
  const bang = prefix.indexOf('!');
  return bang === -1 ? prefix : prefix.slice(0, bang);
}
