// `npm run audit:verify -- --data <dir>`: exit 0 when the chain is intact, 1 naming every bad row
// and gap otherwise, 2 when the database cannot be read.
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describeVerify, verifyAuditChain } from '../../core/storage/audit-verify';

function main(argv: string[]): number {
  const i = argv.indexOf('--data');
  const dir = i >= 0 ? argv[i + 1] : undefined;
  if (!dir) {
    console.error('usage: npm run audit:verify -- --data <data dir>');
    return 2;
  }
  const file = join(dir, 'baton.db');
  if (!existsSync(file)) {
    console.error(`no Baton database at ${file}`);
    return 2;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = verifyAuditChain(db);
    if (result.ok) {
      console.log(`audit chain intact: ${result.rows} rows, head ${result.headHash ?? '(empty)'}`);
      return 0;
    }
    console.error(`audit chain ${describeVerify(result).join('\n  ')}`);
    return 1;
  } finally {
    db.close();
  }
}

process.exitCode = main(process.argv.slice(2));
