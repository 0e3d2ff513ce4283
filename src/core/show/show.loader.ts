// Reads and validates a show file. Every problem is reported with the path of the bad field, so
// "offers.0.price.currency: expected 3 characters" points straight at the line to fix.
import { readFileSync, statSync } from 'node:fs';
import type { FieldIssue } from '../../shared/contract/errors';
import { showSchema, type Show } from '../../shared/show/show.schema';
import { isLoopbackHost, isScopedSecret, OBS_SECRET_PREFIX, scopeMessage, sourceSecretPrefix, storeSecretPrefix } from '../../shared/show/secret-scope';
import { jsonProblem } from '../../shared/text/json-problem';

export type ShowParse = { ok: true; show: Show } | { ok: false; issues: FieldIssue[] };

export function parseShow(value: unknown): ShowParse {
  const parsed = showSchema.safeParse(value);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
  }
  const show = parsed.data;
  const issues = crossCheck(show);
  return issues.length ? { ok: false, issues } : { ok: true, show };
}

/** The demo show is 8 KB; a show file past this is not one, and is not read into memory. */
export const MAX_SHOW_FILE_BYTES = 4 * 1024 * 1024;

export function readShowFile(path: string): ShowParse {
  let text: string;
  try {
    // Looked at before it is opened: opening a FIFO blocks until a writer comes, and a device
    // (/dev/zero) never ends.
    const st = statSync(path);
    if (!st.isFile()) return { ok: false, issues: [{ path: '', message: `cannot read ${path}: not a regular file` }] };
    if (st.size > MAX_SHOW_FILE_BYTES) return { ok: false, issues: [{ path: '', message: `cannot read ${path}: larger than ${MAX_SHOW_FILE_BYTES / 1024 / 1024} MB` }] };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: jsonProblem(error) }] };
  }
  return parseShow(value);
}

/** What a schema cannot say: references between sections must resolve. */
function crossCheck(show: Show): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const skus = new Set(show.products.map((p) => p.sku));
  const seen = new Set<string>();
  show.products.forEach((p, i) => {
    if (seen.has(p.sku)) issues.push({ path: `products.${i}.sku`, message: `duplicate SKU ${p.sku}` });
    seen.add(p.sku);
  });
  const offerIds = new Set<string>();
  show.offers.forEach((o, i) => {
    if (offerIds.has(o.id)) issues.push({ path: `offers.${i}.id`, message: `duplicate offer id ${o.id}` });
    offerIds.add(o.id);
    o.skus.forEach((s, j) => {
      if (!skus.has(s)) issues.push({ path: `offers.${i}.skus.${j}`, message: `unknown SKU ${s} (not in products)` });
    });
  });
  issues.push(...secretScopeIssues(show));
  const people = new Set<string>();
  show.people.forEach((p, i) => {
    if (people.has(p.id)) issues.push({ path: `people.${i}.id`, message: `duplicate person id ${p.id}` });
    people.add(p.id);
  });
  return issues;
}

/** Every secret a show names lies in its own namespace; a Twitch token never crosses the network in clear. */
function secretScopeIssues(show: Show): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const check = (path: string, name: string | undefined, prefix: string) => {
    if (name !== undefined && !isScopedSecret(name, prefix)) issues.push({ path, message: scopeMessage(name, prefix) });
  };
  show.offers.forEach((o, i) => {
    const b = o.store;
    const at = `offers.${i}.store`;
    const prefix = storeSecretPrefix(o.id);
    if (b.adapter === 'vendure') check(`${at}.passwordSecret`, b.passwordSecret, prefix);
    if (b.adapter === 'shopify') check(`${at}.tokenSecret`, b.tokenSecret, prefix);
    if (b.adapter === 'webhook') check(`${at}.hmacSecret`, b.hmacSecret, prefix);
  });
  show.comments.sources.forEach((s, i) => {
    const at = `comments.sources.${i}`;
    if (s.kind === 'tiktok') check(`${at}.signApiKeySecret`, s.signApiKeySecret, sourceSecretPrefix(s.id));
    if (s.kind === 'twitch') {
      check(`${at}.tokenSecret`, s.tokenSecret, sourceSecretPrefix(s.id));
      if (s.tokenSecret && !s.tls && !isLoopbackHost(s.host)) {
        issues.push({ path: `${at}.tls`, message: `a Twitch login token would cross the network in clear to ${s.host}: set "tls": true (port 6697)` });
      }
    }
  });
  check('obs.passwordSecret', show.obs.passwordSecret, OBS_SECRET_PREFIX);
  check('obs.ingest.primary.keySecret', show.obs.ingest?.primary.keySecret, OBS_SECRET_PREFIX);
  check('obs.ingest.backup.keySecret', show.obs.ingest?.backup?.keySecret, OBS_SECRET_PREFIX);
  return issues;
}
