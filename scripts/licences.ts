// Writes docs/licences.md from node_modules: the licence decision for test-only tools, then every
// shipped package with its licence. `--check` fails (exit 1) when a shipped licence is not permissive.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isPermissive, shippedPackages } from './licences.inventory';

const root = resolve(import.meta.dirname, '..');
const { packages, missing } = shippedPackages(root);
const bad = packages.filter((p) => !isPermissive(p.licence));
const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string };

const decision = readFileSync(join(root, 'docs/licences.decision.md'), 'utf8').trim();
const rows = packages.map((p) => `| ${p.name} | ${p.version} | ${p.licence} | ${p.via} |`);
const doc = `# Licences

Baton itself: ${own.license}. Regenerate this file with \`node --import tsx scripts/licences.ts\`; the unit
test \`scripts/licences.test.ts\` fails when a shipped package carries a licence that is not permissive.

${decision}

## What ships (${packages.length} packages)

package.json's \`dependencies\`, every package imported by the app's source (\`src/\`, tests
excluded, bundled by Vite) and their dependencies, as installed in node_modules. Everything else in package.json (Playwright, axe-core, vitest, the build
tools) is used only to build and test Baton and is not in the app.

| Package | Version | Licence | Why it ships |
| --- | --- | --- | --- |
${rows.join('\n')}
`;
if (process.argv.includes('--check')) {
  for (const p of bad) console.error(`not permissive: ${p.name}@${p.version} (${p.licence}) — ${p.via}`);
  for (const m of missing) console.error(`not installed: ${m}`);
  process.exit(bad.length > 0 || missing.length > 0 ? 1 : 0);
}
writeFileSync(join(root, 'docs/licences.md'), doc);
console.log(`docs/licences.md: ${packages.length} shipped packages, ${bad.length} not permissive${missing.length ? `, ${missing.length} not installed` : ''}`);
