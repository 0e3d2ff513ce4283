// Server-rendered HTML for HQ's views: every piece of text goes through `esc`, the page frame
// uses the station's colours, and nothing runs in the browser but a refresh timer.
export function esc(v: string | number | boolean | null | undefined): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
:root{--bg:#0b0d10;--panel:#14171c;--panel-2:#1c2027;--border:#2b313b;--text:#f2f4f7;--muted:#9aa4b2;--ok:#2fbf71;--warn:#f5a524;--bad:#f04438;--accent:#4c9ffe;
--ok-bg:rgba(47,191,113,.14);--warn-bg:rgba(245,165,36,.16);--bad-bg:rgba(240,68,56,.18);--accent-bg:rgba(76,159,254,.16);
--font:'Inter','Segoe UI',system-ui,-apple-system,'Noto Sans',sans-serif;--font-mono:'JetBrains Mono','DejaVu Sans Mono',ui-monospace,monospace}
*{box-sizing:border-box}body{margin:0;background:var(--bg);color:var(--text);font:14px/1.45 var(--font)}
header{display:flex;gap:16px;align-items:center;padding:10px 16px;background:var(--panel);border-bottom:1px solid var(--border)}
header b{font-size:16px}header [data-testid=signed-in-as]{margin-left:auto}nav a{color:var(--muted);text-decoration:none;margin-right:14px}nav a.on{color:var(--text);border-bottom:2px solid var(--accent)}
main{padding:16px}h1{font-size:18px;margin:0 0 12px}h2{font-size:15px;margin:18px 0 8px;color:var(--muted)}
table{border-collapse:collapse;width:100%;background:var(--panel);border:1px solid var(--border);border-radius:8px}
th,td{padding:6px 10px;border-bottom:1px solid var(--border);text-align:left;vertical-align:top}th{color:var(--muted);font-weight:500}
td.n{text-align:right;font-family:var(--font-mono)}a{color:var(--accent)}
.pill{display:inline-block;padding:1px 8px;border-radius:999px;background:var(--panel-2);font-size:12px}
.ok{background:var(--ok-bg);color:var(--ok)}.warn{background:var(--warn-bg);color:var(--warn)}.bad{background:var(--bad-bg);color:var(--bad)}.live{background:var(--accent-bg);color:var(--accent)}
.muted{color:var(--muted)}.small{font-size:12px}form.edit{display:flex;gap:6px;flex-wrap:wrap}input{background:var(--panel-2);color:var(--text);border:1px solid var(--border);border-radius:6px;padding:3px 6px;font:inherit}.day{margin-bottom:14px}form.inline{display:inline}select,button{background:var(--panel-2);color:var(--text);border:1px solid var(--border);border-radius:6px;padding:4px 8px}
`;

export interface PageLink {
  href: string;
  label: string;
}

const NAV: PageLink[] = [
  { href: '/calendar', label: 'Live calendar' },
  { href: '/attribution', label: 'Attribution' },
  { href: '/postmortem', label: 'Post-mortem board' },
  { href: '/experiments', label: 'Experiments' },
  { href: '/stations', label: 'Stations' },
];

/** On every signed-in page: ends the session on the server (POST /logout). */
const signOut = '<form method="post" action="/logout" class="inline signout"><button data-testid="sign-out">Sign out</button></form>';
/** Where a signed-in page says who it is for; the server fills it in (`signedInAs`), knowing the session's role. */
const WHO_SLOT = '<!--hq:who-->';

/**
 * `body` must already be escaped HTML (built with `esc`). A signed-in page (a view, or an answer to a
 * signed-in person: 403, 404) carries the views' links, who is signed in and Sign out; a signed-out one
 * (not signed in, signed out) carries none of them: its links would only lead back to "Not signed in".
 */
export function page(title: string, path: string, body: string, refreshSeconds: number | null = null, signedIn = path !== ''): string {
  const nav = signedIn ? `<nav>${NAV.map((l) => `<a href="${l.href}"${l.href === path ? ' class="on"' : ''}>${esc(l.label)}</a>`).join('')}</nav>` : '';
  const refresh = refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">${refresh}
<title>${esc(title)} — Baton HQ</title><style>${CSS}</style></head>
<body><header><b>Baton HQ</b>${nav}${signedIn ? `${WHO_SLOT}${signOut}` : ''}</header><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

/** Fills a signed-in page's header with who it is for: a viewer is told, on every page, that it only reads. */
export function signedInAs(html: string, role: 'admin' | 'viewer'): string {
  const who = role === 'viewer' ? '<span class="pill warn" data-testid="signed-in-as">Viewer · read only</span>' : '<span class="pill" data-testid="signed-in-as">Admin</span>';
  return html.replace(WHO_SLOT, who);
}

export function table(head: readonly string[], rows: readonly string[][], numeric: ReadonlySet<number> = new Set(), testId = ''): string {
  const th = head.map((h) => `<th>${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.has(i) ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('');
  return `<table${testId ? ` data-testid="${esc(testId)}"` : ''}><thead><tr>${th}</tr></thead><tbody>${tr || `<tr><td colspan="${head.length}" class="muted">Nothing yet.</td></tr>`}</tbody></table>`;
}

export const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`;
export const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/**
 * A time as UTC text cut to `chars` of its ISO form ('2026-12-03 19:00' at 16), or '—' when it is
 * no date a page can show (a station's value beyond year 275760 would make Date throw).
 */
export function utc(ms: number, chars: number): string {
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? '—' : d.toISOString().slice(0, chars).replace('T', ' ');
}
