// Lint with type information (floating promises are bugs in a station that must not drop a
// command) for every TypeScript folder — product, tests, benches and scripts — and import rules
// per folder that keep the layers of docs/architecture.md (dependency-cruiser checks the same
// boundaries on the resolved graph, with cycles; these give the message in the editor).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'tls', 'worker_threads', 'url', 'stream', 'events', 'zlib'];

/**
 * Our folders as a relative import reaches them: the folder name right after the leading `../`
 * chain ("../../core/x" from src/main, "../src/station/y" from bench). A subfolder of one's own
 * ("../features/station/x" in the renderer) does not match.
 */
const ours = (...folders) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)` });

const restrict = ({ paths = [], patterns = [] }) => ['error', { paths, patterns }];
const noElectron = (message) => ({ name: 'electron', message });
const noSqlite = (message) => ({ name: 'better-sqlite3', message });
const noNode = (message) => ({ regex: `^(node:.*|(${NODE_BUILTINS.join('|')})(/.*)?)$`, message });

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', '.tmp/**', 'node_modules/**', 'test/vendure/node_modules/**', 'companion/**', 'test-results/**', 'playwright-report/**', '.electron-native/**'],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      // Services are factories returning closures; nothing relies on `this`.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Plain JavaScript: the config files and the Vendure test store (its own package, run by Node
    // as is). No type information; the recommended rules still apply.
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [noElectron('The contract has no Electron imports.'), noSqlite('The contract has no storage imports.')],
        patterns: [
          noNode('The contract is shared with the renderer: no Node modules.'),
          { ...ours('core', 'station', 'main', 'preload', 'renderer', 'test', 'bench', 'scripts'), message: 'src/shared imports only itself.' },
        ],
      }),
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [noElectron('The core runs under plain Node: no electron.')],
        patterns: [{ ...ours('station', 'main', 'preload', 'renderer'), message: 'The core never imports the host (src/station) or the shells above it.' }],
      }),
    },
  },
  {
    files: ['src/station/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [noElectron('The station runs headless under plain Node: no electron.')],
        patterns: [{ ...ours('main', 'preload', 'renderer'), message: 'The station never imports the Electron shell, the preload or the renderer.' }],
      }),
    },
  },
  {
    // The Electron shell: the only place (with the preload) where electron may be imported.
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        patterns: [{ ...ours('preload', 'renderer', 'test', 'bench', 'scripts'), message: 'The shell loads the preload and the renderer by path, never by import.' }],
      }),
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [noSqlite('The preload has no storage.')],
        patterns: [
          noNode('A sandboxed preload has no Node modules (only electron).'),
          { ...ours('core', 'station', 'main', 'renderer', 'test', 'bench', 'scripts'), message: 'The preload imports only src/shared and electron.' },
        ],
      }),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': restrict({
        paths: [noElectron('The renderer reaches the main process only through window.baton.'), noSqlite('The renderer has no storage.')],
        patterns: [
          noNode('The renderer runs in a sandboxed page: no Node modules.'),
          { ...ours('core', 'station', 'main', 'preload', 'test', 'bench', 'scripts'), message: 'The renderer imports only src/shared and its own code.' },
        ],
      }),
    },
  },
  {
    files: ['bench/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [noElectron('Benches measure the headless station: no electron.')],
        patterns: [{ ...ours('test/(support|integration|e2e|architecture)'), message: 'Benches use bench/support, test/peers and test/probes, not the test suites or their helpers.' }],
      }),
    },
  },
  {
    files: ['test/peers/**/*.ts', 'test/probes/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        patterns: [{ ...ours('bench', 'support', 'integration', 'e2e', 'architecture'), message: 'test/peers and test/probes serve tests and benches alike, so they import neither.' }],
      }),
    },
  },
  {
    files: ['scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict({
        paths: [noElectron('npm scripts run under plain Node before anything is built.')],
        patterns: [{ ...ours('src', 'test', 'bench'), message: 'npm scripts are tooling: they start the product by path, never import it.' }],
      }),
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
