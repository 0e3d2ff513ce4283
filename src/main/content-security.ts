// The Content-Security-Policy of Baton's windows, sent as a response header on every page the
// station serves them (on top of the renderer's own meta tag, which also covers browser views):
// scripts only from the station, connections only to the station's own origin (http and ws).
export interface HeadersDetails {
  url: string;
  responseHeaders?: Record<string, string | string[]>;
}

export interface SessionLike {
  webRequest: {
    onHeadersReceived(listener: (details: HeadersDetails, callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void) => void): void;
  };
}

/** The policy for pages of the station at `stationUrl` (http: or https:). */
export function contentSecurityPolicy(stationUrl: string): string {
  const origin = new URL(stationUrl);
  const socket = `${origin.protocol === 'https:' ? 'wss:' : 'ws:'}//${origin.host}`;
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${origin.origin} ${socket}`,
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "worker-src 'none'",
  ].join('; ');
}

/** Adds the policy to every response from the station's origin loaded in `session`. */
export function applyContentSecurityPolicy(session: SessionLike, stationUrl: string): void {
  const origin = new URL(stationUrl).origin;
  const policy = contentSecurityPolicy(stationUrl);
  session.webRequest.onHeadersReceived((details, callback) => {
    let fromStation = false;
    try {
      fromStation = new URL(details.url).origin === origin;
    } catch {
      fromStation = false;
    }
    if (!fromStation) return callback({});
    // A policy the station sent itself stays in force next to this one: a page obeys every policy it gets.
    const headers: Record<string, string | string[]> = {};
    const policies: string[] = [];
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() === 'content-security-policy') policies.push(...(Array.isArray(value) ? value : [value]));
      else headers[name] = value;
    }
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [...policies, policy] } });
  });
}
