// One CSV cell, for every CSV the product writes (the post-show package, HQ's finance export, the
// history export). Text in those files is typed by viewers, hosts and stations, and the files are
// opened in spreadsheets: a cell a spreadsheet reads as a formula can run a DDE command or send the
// sheet's data away (=HYPERLINK, =WEBSERVICE). Text starting with a formula sign gets a leading
// apostrophe — also behind a tab or a carriage return (OWASP's list) and the full-width signs some
// spreadsheets read as their ASCII twins. Numbers are left alone: a refund's -12.5 must stay a
// figure finance can add.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  const t = typeof v === 'object' ? JSON.stringify(v) : String(v as string);
  const safe = FORMULA_START.test(t) ? `'${t}` : t;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
