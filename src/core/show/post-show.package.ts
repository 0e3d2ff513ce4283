// The post-show package: one folder a producer hands to the brand, legal and finance after the
// show — what happened (KPIs, offers and their pauses, trigger firings, comment handling, stream
// health timeline) and the full audit trail with its verification. Built only from the contract's
// read commands and the audit log, so it shows exactly what the station showed.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PACKAGE_TOTALS_ROW, type AuditEntry, type CommentRecord, type HealthSample, type PackageTotals } from '../../shared/contract/index';
import type { AuditInput } from '../storage/audit-writer';
import type { Caller } from '../dispatch/handler';
import type { Dispatcher } from '../dispatch/dispatcher';
import { failed } from '../dispatch/command-failure';
import type { StateStore } from '../state/state.store';
import type { AuditRepo } from '../storage/audit.repo';
import type { Db } from '../storage/database';
import { describeVerify, verifyAuditChain } from '../storage/audit-verify';
import { renderPostShowReport } from './post-show.report';
import { buildZip } from './package.zip';
import { csvCell } from '../../shared/text/csv-cell';

export interface PackageResult {
  dir: string;
  /** The zip of the folder, beside it. */
  zip?: string;
  files: string[];
  notes: string[];
}

/** More files for the package, given what it gathered (the show-day files: GO record, timeline…). */
export type PackageExtras = (input: {
  state: ReturnType<StateStore['snapshot']>['state'];
  now: number;
  audit: readonly AuditEntry[];
  health: readonly HealthSample[];
  comments: readonly CommentRecord[];
}) => { files: { name: string; text: string }[]; notes: string[] };

/** The writes the package makes, replaceable so a test can fill the disk. */
export interface PackageFs {
  writeFile(path: string, data: string | Buffer): void;
}

const SYSTEM: Caller = { actor: 'system:post-show', role: 'producer', via: 'system' };

export async function writePostShowPackage(deps: {
  dataDir: string;
  now: number;
  db: Db;
  audit: AuditRepo;
  state: StateStore;
  dispatch: Dispatcher['dispatch'];
  extras?: PackageExtras;
  fs?: PackageFs;
  /** Queues an audit row in the command's transaction (the handler's `audit`): the package's totals, once it is written. */
  record?: (row: AuditInput) => void;
}): Promise<PackageResult> {
  const s = deps.state.snapshot().state;
  const show = s.show.current;
  // Taken in the same turn as the snapshot: the KPIs move with each stored commerce event in one
  // synchronous step, so they count exactly the show's events stored up to now, and no later one.
  const totals = show ? packageTotals(deps.db, show.id, s.kpis) : null;
  const stamp = new Date(deps.now).toISOString().replace(/[:.]/g, '-');
  const final = join(deps.dataDir, 'packages', `${show?.id ?? 'no-show'}-${stamp}`);
  // Written under a temporary name and renamed when complete: a full disk or a crash leaves only
  // a `.partial` folder (removed here when possible), never a package that looks finished.
  const dir = join(deps.dataDir, 'packages', `.${basename(final)}.${randomBytes(4).toString('hex')}.partial`);
  const fsw: PackageFs = deps.fs ?? { writeFile: (p, d) => writeFileSync(p, d) };
  try {
    mkdirSync(dir, { recursive: true });
    const r = await writeInto(dir, deps, s, fsw, totals);
    const zipTmp = `${dir}.zip`;
    fsw.writeFile(zipTmp, buildZip(r.files.map((name) => ({ name, data: readFileSync(join(dir, name)) })), new Date(deps.now)));
    renameSync(dir, final);
    renameSync(zipTmp, `${final}.zip`);
    // Only a finished package states its totals (a failed command keeps its queued rows).
    if (totals) deps.record?.({ command: PACKAGE_TOTALS_ROW, args: totals });
    return { dir: final, zip: `${final}.zip`, files: r.files, notes: r.notes };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.zip`, { force: true });
    rmSync(final, { recursive: true, force: true });
    const why = error instanceof Error ? error.message : String(error);
    throw failed(`The post-show package could not be written (${why}); nothing was left in ${join(deps.dataDir, 'packages')}.`);
  }
}

async function writeInto(
  dir: string,
  deps: Parameters<typeof writePostShowPackage>[0],
  s: ReturnType<StateStore['snapshot']>['state'],
  fsw: PackageFs,
  totals: PackageTotals | null,
): Promise<{ files: string[]; notes: string[] }> {
  const show = s.show.current;
  const files: string[] = [];
  const notes: string[] = [];
  const write = (name: string, text: string) => {
    fsw.writeFile(join(dir, name), text);
    files.push(name);
  };

  // The whole audit trail, oldest first, and whether its chain holds.
  const rows: AuditEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = deps.audit.list({ limit: 1000, ...(before !== undefined ? { before } : {}) });
    rows.push(...page);
    if (page.length < 1000) break;
    before = page[page.length - 1]!.seq;
  }
  rows.reverse();
  write('audit.jsonl', rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const verify = verifyAuditChain(deps.db);
  // Every bad row and gap is named, not only the first.
  write('audit-verify.txt', describeVerify(verify).join('\n') + '\n');

  const from = s.station.startedAt - 24 * 3600_000;
  const health = await deps.dispatch('obs.history', { from }, SYSTEM);
  const samples = health.ok ? (health.result as { samples: HealthSample[] }).samples : [];
  if (health.ok) write('health.csv', toCsv(samples as unknown as Record<string, unknown>[]));
  else notes.push(`stream health timeline not included: ${health.error.message}`);

  const comments: CommentRecord[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const r = await deps.dispatch('comments.list', { limit: 5000, ...(after ? { after } : {}) }, SYSTEM);
    if (!r.ok) {
      notes.push(`comments not included: ${r.error.message}`);
      break;
    }
    const page = (r.result as { comments: CommentRecord[] }).comments;
    comments.push(...page);
    if (page.length < 5000) break;
    after = page[page.length - 1]!.id;
  }
  write(
    'comments.csv',
    toCsv(
      comments.map((c) => ({
        id: c.id,
        platform: c.platform,
        receivedAt: new Date(c.receivedAt).toISOString(),
        author: c.author,
        text: c.text,
        lang: c.lang,
        intent: c.intent,
        confidence: c.confidence,
        sku: c.sku,
        offerCode: c.offerCode,
        queue: c.queue,
        status: c.status,
        claimedBy: c.claimedBy,
        responseSeconds: c.responseSeconds,
        answeredVia: c.answeredVia ?? null,
        correctedFrom: c.correctedFrom,
      })),
    ),
  );

  const answered = comments.filter((c) => c.responseSeconds !== null).map((c) => c.responseSeconds!).sort((a, b) => a - b);
  const answeredVia = { reply: 0, cluster: 0, pin: 0, unrecorded: 0 };
  for (const c of comments) if (c.status === 'answered') answeredVia[c.answeredVia ?? 'unrecorded'] += 1;
  const summary = {
    generatedAt: new Date(deps.now).toISOString(),
    station: { version: s.station.version, mode: s.station.mode },
    show: show ? { id: show.id, title: show.title, brand: show.brand, rehearsal: show.rehearsal, schedule: show.schedule } : null,
    script: s.cues.loaded,
    kpis: s.kpis,
    // Which of the station's commerce events these KPIs count (HQ reconciles against the same ones).
    kpisCount: totals?.counted ?? null,
    offers: s.offers.items,
    triggerFirings: s.offers.firings,
    comments: {
      total: s.comments.total,
      byIntent: s.comments.byIntent,
      byQueue: s.comments.byQueue,
      answered: answered.length,
      medianResponseSeconds: answered.length ? (answered[Math.floor(answered.length / 2)] ?? null) : null,
      slaSeconds: s.comments.slaSeconds,
      withinSla: answered.filter((x) => x <= s.comments.slaSeconds).length,
      answeredVia,
    },
    preflight: s.preflight,
    alerts: s.alerts.items,
    audit: { rows: rows.length, verified: verify.ok, headHash: verify.ok ? verify.headHash : null, problems: verify.ok ? [] : verify.problems },
    notes,
  };
  write('summary.json', JSON.stringify(summary, null, 2) + '\n');
  write(
    'report.md',
    renderPostShowReport({
      generatedAt: deps.now,
      show: summary.show,
      script: s.cues.loaded,
      kpis: s.kpis,
      offers: s.offers.items,
      firings: s.offers.firings,
      comments: summary.comments,
      health: samples,
      audit: rows,
      auditVerified: verify.ok,
      auditHeadHash: verify.ok ? verify.headHash : null,
      auditProblems: verify.ok ? [] : verify.problems,
      alerts: s.alerts.items,
    }),
  );
  if (deps.extras) {
    const extra = deps.extras({ state: s, now: deps.now, audit: rows, health: samples, comments });
    for (const f of extra.files) write(f.name, f.text);
    notes.push(...extra.notes);
  }
  return { files, notes };
}

/** The KPIs as the package states them, and the commerce events of the show they count. */
function packageTotals(db: Db, showId: string, k: ReturnType<StateStore['snapshot']>['state']['kpis']): PackageTotals {
  const row = db.prepare<[string], { last: number | null; n: number }>('SELECT MAX(seq) AS last, COUNT(*) AS n FROM commerce_events WHERE show_id = ?').get(showId);
  return {
    showId,
    kpis: { views: k.views, addToCart: k.addToCart, checkouts: k.checkouts, orders: k.orders, revenue: k.revenue, currency: k.currency },
    counted: { throughEventSeq: row?.last ?? 0, events: row?.n ?? 0 },
  };
}

export function toCsv(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return '';
  const keys = Object.keys(rows[0]!);
  return [keys.join(','), ...rows.map((r) => keys.map((k) => csvCell(r[k])).join(','))].join('\n') + '\n';
}
