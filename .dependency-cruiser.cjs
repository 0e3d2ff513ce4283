// The layer boundaries, checked in CI by `npm run lint:deps` (dependency-cruiser): imports point
// down only (shared ← core ← station ← main/preload/renderer), no cycles, and domains in src/core
// reach each other only through declared ports. Type-only imports count: a cycle of types is a cycle.

/** Folders of src/core that are infrastructure every domain may use, not domains themselves. */
const CORE_INFRA = ['dispatch', 'platform', 'storage', 'state'];
const infraPath = `^src/core/(${CORE_INFRA.join('|')})/`;

/**
 * Files of one domain that another domain may import, each with its reason. Everything else a
 * domain owns is private to it. A file named `*.ports.ts` is a port by its name and needs no entry.
 */
const DECLARED_PORTS = [
  // Any domain raises an operator alert through the alerts service (obs: health alerts).
  { path: '^src/core/alerts/alerts\\.service\\.ts$' },
  // …and times when an alert that follows a level goes up and comes down with its hysteresis latch
  // (comments: the overflow alarm; obs: health alerts), one policy rather than one per service.
  { path: '^src/core/alerts/hysteresis\\.ts$' },
  // The loaded show (its offers, people, schedule) is read by the script importer of cues.
  { path: '^src/core/show/show\\.service\\.ts$' },
];
const portPaths = ['\\.ports\\.ts$', ...DECLARED_PORTS.map((p) => p.path)];

/** The only infrastructure → domain edges, each with its reason. */
const INFRA_TO_DOMAIN_ALLOWED = [
  // The runtime state's initial value is assembled from each domain's initial slice (today only OBS has one).
  '^src/core/obs/obs\\.state\\.ts$',
];

const TESTS = '\\.test(-support)?\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'A cycle (type-only imports included) means two modules cannot be read or tested apart.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-imports-nothing-of-ours',
      comment: 'src/shared is the contract: it imports only itself.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^(src/(?!shared/)|test/|bench/|scripts/)' },
    },
    {
      name: 'shared-has-no-runtime-deps',
      comment: 'The contract runs in the renderer and in plain Node: no Node built-ins, and of npm only zod (the language its schemas are written in).',
      severity: 'error',
      from: { path: '^src/shared/', pathNot: TESTS },
      to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'], pathNot: '^node_modules/zod/' },
    },
    {
      name: 'core-stays-below-the-host',
      comment: 'src/core runs under plain Node with no transport: it never imports the station, the Electron shell, the preload or the renderer.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(station|main|preload|renderer)/' },
    },
    {
      name: 'core-has-no-electron',
      comment: 'src/core and src/station run without Electron (the headless station).',
      severity: 'error',
      from: { path: '^src/(core|station|shared)/' },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'station-stays-below-the-shells',
      comment: 'src/station is the host both shells start: it never imports the Electron shell, the preload or the renderer.',
      severity: 'error',
      from: { path: '^src/station/' },
      to: { path: '^src/(main|preload|renderer)/' },
    },
    {
      name: 'renderer-imports-only-the-contract',
      comment: 'The renderer is a sandboxed page: of our code it imports only src/shared and itself, and no Node built-ins.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^(src/(?!(shared|renderer)/)|test/|bench/|scripts/)' },
    },
    {
      name: 'renderer-has-no-node',
      comment: 'No Node built-ins in a sandboxed page.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-imports-only-the-contract',
      comment: 'The preload exposes one typed object over fixed channels: it imports only src/shared and electron.',
      severity: 'error',
      from: { path: '^src/preload/' },
      to: { path: '^(src/(?!(shared|preload)/)|test/|bench/|scripts/)' },
    },
    {
      name: 'core-domain-to-domain-only-through-ports',
      comment: 'A domain of src/core reaches another domain only through a *.ports.ts file or a port declared (with its reason) in DECLARED_PORTS.',
      severity: 'error',
      from: { path: '^src/core/([^/]+)/', pathNot: [infraPath, TESTS] },
      to: { path: '^src/core/[^/]+/', pathNot: ['^src/core/$1/', infraPath, ...portPaths] },
    },
    {
      name: 'core-infra-knows-no-domain',
      comment: 'Dispatch, platform, storage and state serve every domain and import none (except the declared initial-state slices).',
      severity: 'error',
      from: { path: infraPath, pathNot: TESTS },
      to: { path: '^src/core/[^/]+/', pathNot: [infraPath, ...INFRA_TO_DOMAIN_ALLOWED] },
    },
    {
      name: 'no-test-code-in-the-product',
      comment: 'Production code never imports tests, test helpers, benches or scripts.',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: ['^(test|bench|scripts)/', TESTS] },
    },
    {
      name: 'benches-have-their-own-helpers',
      comment: 'Benches use bench/support, the real-process harnesses of test/peers and the page probes of test/probes; never the test suites or their helpers (test/support, test/integration, test/e2e).',
      severity: 'error',
      from: { path: '^bench/' },
      to: { path: '^test/(?!(peers|probes)/)' },
    },
    {
      name: 'shared-harnesses-stay-neutral',
      comment: 'test/peers and test/probes serve both tests and benches, so they import neither.',
      severity: 'error',
      from: { path: '^test/(peers|probes)/' },
      to: { path: '^(bench/|test/(?!(peers|probes)/))' },
    },
    {
      name: 'no-unresolvable-imports',
      comment: 'An import that does not resolve is a typo or a missing dependency.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    // node_modules may be a symlink (a worktree sharing one install): name packages by their place here.
    preserveSymlinks: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    doNotFollow: { path: 'node_modules' },
    // The architecture test's fixtures break the rules on purpose; the Vendure test store is its own package.
    exclude: { path: ['^test/architecture/fixtures/', '^test/vendure/', '^out/', '^\\.tmp/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
