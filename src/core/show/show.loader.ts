// Reads and validates a show file. Every problem is reported with the path of the bad field, so
// "offers.0.price.currency: expected 3 characters" points straight at the line to fix.
import { readFileSync } from 'node:fs';
import type { FieldIssue } from '../../shared/contract/errors';
import { showSchema, type Show } from '../../shared/show/show.schema';

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

export function readShowFile(path: string): ShowParse {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: '', message: `not valid JSON: ${(error as Error).message}` }] };
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
  const people = new Set<string>();
  show.people.forEach((p, i) => {
    if (people.has(p.id)) issues.push({ path: `people.${i}.id`, message: `duplicate person id ${p.id}` });
    people.add(p.id);
  });
  return issues;
}
