// The HTTP route table: method + path → handler, as data. One lookup answers 404 (no such path)
// and 405 with an Allow header (the path exists, not with that method) for every route alike.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestTarget } from './http-util';

export type Method = 'GET' | 'POST';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  target: RequestTarget;
  /** The rest of the path after a prefix route's `*` (decoded). */
  rest: string;
}

export interface Route {
  method: Method;
  /** An exact path, or a prefix ending in `/*`. */
  path: string;
  /** Shown in 405 answers and the catalog. */
  summary: string;
  handle(ctx: RouteContext): Promise<void> | void;
}

export type RouteMatch = { kind: 'found'; route: Route; rest: string } | { kind: 'method'; allow: Method[] } | { kind: 'none' };

export interface RouteTable {
  match(method: string, path: string): RouteMatch;
  readonly routes: readonly Route[];
}

export function createRouteTable(routes: readonly Route[]): RouteTable {
  const seen = new Set<string>();
  for (const r of routes) {
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) throw new Error(`route table: ${key} is declared twice`);
    seen.add(key);
  }
  const pathMatches = (r: Route, path: string): string | null => {
    if (r.path.endsWith('/*')) {
      const prefix = r.path.slice(0, -1);
      return path.startsWith(prefix) && path.length > prefix.length ? path.slice(prefix.length) : null;
    }
    return r.path === path ? '' : null;
  };
  return {
    routes,
    match(method, path) {
      const allow: Method[] = [];
      for (const r of routes) {
        const rest = pathMatches(r, path);
        if (rest === null) continue;
        if (r.method === method || (method === 'HEAD' && r.method === 'GET')) return { kind: 'found', route: r, rest };
        if (!allow.includes(r.method)) allow.push(r.method);
      }
      return allow.length ? { kind: 'method', allow } : { kind: 'none' };
    },
  };
}
