// One renderer build served to a browser context in place of the station's own, so two builds can
// be measured against each other on one station in one run (bench/moderator-ab.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';

const entries = (dir: string) => {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return { js: /assets\/(index-[^"]+\.js)/.exec(html)?.[1] ?? '', css: /assets\/(index-[^"]+\.css)/.exec(html)?.[1] ?? '' };
};

/**
 * Serves one build's renderer to a browser context: the station's page (left alone: a page answered
 * by the driver counts as a public one, and Chromium then blocks its WebSocket to the station), with
 * the entry script and style of `dir` in place of the station's own, and `dir`'s chunks.
 */
export async function serveBuild(ctx: BrowserContext, dir: string, station: string): Promise<void> {
  const mine = entries(dir);
  const theirs = entries(station);
  await ctx.route(
    (u) => u.pathname.startsWith('/assets/'),
    (route) => {
      let name = new URL(route.request().url()).pathname.slice('/assets/'.length);
      if (name === theirs.js) name = mine.js;
      if (name === theirs.css) name = mine.css;
      const type = name.endsWith('.css') ? 'text/css' : 'text/javascript';
      // The station's page may name chunks of its own build (modulepreload links) that `dir` has not.
      const file = join(dir, 'assets', name);
      if (!existsSync(file)) return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ body: readFileSync(file), contentType: type });
    },
  );
}

