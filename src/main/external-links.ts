// Which links leave Baton for the system browser: only https: links the station itself produced and
// registered here, matched exactly. Anything a page asks to open otherwise is refused, because a
// compromised or spoofed view must not launch URLs (file:, custom schemes, look-alike sites).
export interface ExternalLinks {
  /** Registers a link the station produced (must be https:, no user:password@). False when refused. */
  permit(url: string): boolean;
  /** Opens a permitted link in the system browser; answers why not otherwise. */
  open(url: string): Promise<{ opened: true } | { opened: false; reason: string }>;
}

export interface ExternalLinksDeps {
  openExternal(url: string): Promise<void>;
  warn(message: string): void;
}

/** The canonical form of an https: link, or null when it is not one we would ever open. */
export function canonicalHttpsLink(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.href;
}

/** What may be logged of a link: its origin and path, never its query (tokens travel there). */
export function loggableLink(raw: unknown): string {
  if (typeof raw !== 'string') return '(not a string)';
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`.slice(0, 200);
  } catch {
    return '(not a URL)';
  }
}

export function createExternalLinks(deps: ExternalLinksDeps): ExternalLinks {
  const permitted = new Set<string>();
  return {
    permit(url) {
      const canonical = canonicalHttpsLink(url);
      if (canonical === null) return false;
      permitted.add(canonical);
      return true;
    },
    async open(url) {
      const canonical = canonicalHttpsLink(url);
      const reason = canonical === null ? 'only https: links open outside Baton' : permitted.has(canonical) ? null : 'the station did not produce this link';
      if (reason !== null || canonical === null) {
        deps.warn(`refused to open ${loggableLink(url)} outside Baton: ${reason ?? 'not a link'}`);
        return { opened: false, reason: reason ?? 'not a link' };
      }
      try {
        await deps.openExternal(canonical);
        return { opened: true };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        deps.warn(`could not open ${loggableLink(url)}: ${message}`);
        return { opened: false, reason: message };
      }
    },
  };
}
