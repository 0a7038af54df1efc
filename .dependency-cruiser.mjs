/**
 * The arrows of README.md, checked by dependency-cruiser in `npm test` (scripts/test.ts):
 * apps → api/workflows → core → auth → db; plugins → plugin-sdk (and @linju/ui, @linju/vocabulary)
 * only; nothing imports an app; no cycles between packages nor between core's folders; workflow code
 * imports no Node built-ins. `scripts/dependency-rules.test.ts` proves each rule fails on a violation.
 */

/** Leaf libraries every layer may use; they reach no domain layer themselves. */
const libraries =
  'db|logging|metrics|tracing|i18n|documents|federation|plugin-sdk|ui|vocabulary|conformance|message-providers|statutes|litigation-fee';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'nothing-imports-apps',
      comment:
        'Apps are the outermost layer: a package or plugin that reached into one would turn the arrows round.',
      severity: 'error',
      from: { path: '^(packages|plugins)/' },
      to: { path: '^apps/' },
    },
    {
      name: 'app-imports-app',
      comment:
        'Apps meet only in the server, which hosts the admin app (its request handler and upload routes).',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/server/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'server-imports-only-admin',
      comment: 'The server hosts the admin app; it never takes code from the worker or the CLI.',
      severity: 'error',
      from: { path: '^apps/server/' },
      to: { path: '^apps/(worker|cli)/' },
    },
    {
      name: 'db-is-the-ground',
      comment:
        'packages/db is the lowest layer (schema, migrations, RLS): of ours it imports only the vocabulary.',
      severity: 'error',
      from: { path: '^packages/db/' },
      to: { path: '^(packages|plugins)/', pathNot: '^packages/(db|vocabulary)/' },
    },
    {
      name: 'auth-imports-db-only',
      comment: 'auth → db: sessions, passwords and permissions know tables, never the domain.',
      severity: 'error',
      from: { path: '^packages/auth/' },
      to: { path: '^(packages|plugins)/', pathNot: '^packages/(auth|db|vocabulary)/' },
    },
    {
      name: 'core-stays-below-api-and-workflows',
      comment: 'core → auth → db: the domain never reaches up to the API, the workflows or a plugin.',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '^(packages/(api|workflows)|plugins)/' },
    },
    {
      name: 'workflows-stay-beside-api',
      comment: 'api and workflows are one layer; the workflows never import the API or a plugin.',
      severity: 'error',
      from: { path: '^packages/workflows/' },
      to: { path: '^(packages/api|plugins)/' },
    },
    {
      name: 'api-imports-no-plugin',
      comment: 'The platform never names a plugin: plugins are composed in one root, outside the API.',
      severity: 'error',
      from: { path: '^packages/api/' },
      to: { path: '^plugins/' },
    },
    {
      name: 'apps-import-no-plugin',
      comment: 'Only the composition root names plugins; the apps take them from it.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^plugins/' },
    },
    {
      name: 'libraries-reach-no-domain',
      comment: 'Leaf libraries are used by the domain layers and must not use them back.',
      severity: 'error',
      from: { path: `^packages/(${libraries})/` },
      to: { path: '^(packages/(auth|core|api|workflows)|plugins)/' },
    },
    {
      name: 'vocabulary-depends-on-nothing',
      comment: "@linju/vocabulary is the words every layer shares: it imports nothing, not even Node's.",
      severity: 'error',
      from: { path: '^packages/vocabulary/' },
      to: { pathNot: '^packages/vocabulary/' },
    },
    {
      name: 'plugins-import-sdk-only',
      comment:
        'A plugin reaches the platform through @linju/plugin-sdk (screens: @linju/ui; words: @linju/vocabulary).',
      severity: 'error',
      from: { path: '^plugins/([^/]+)/' },
      to: {
        path: '^(packages|plugins)/',
        pathNot: ['^plugins/$1/', '^packages/(plugin-sdk|ui|vocabulary)/'],
      },
    },
    {
      name: 'no-package-cycles',
      comment: 'Packages form a layered graph: an import loop through two packages would make them one.',
      severity: 'error',
      from: { path: '^((packages|plugins|apps)/[^/]+)/' },
      to: { circular: true, via: { pathNot: '^$1/' } },
    },
    {
      name: 'no-core-folder-cycles',
      comment: "Core's folders are walls: each may use those below it, never one that uses it back.",
      severity: 'error',
      scope: 'folder',
      from: { path: '^packages/core/src/[^/]+$' },
      to: { path: '^packages/core/src/[^/]+$', circular: true },
    },
    {
      name: 'workflow-code-imports-no-node',
      comment:
        "Workflow code runs in Temporal's deterministic sandbox, bundled from workflows.ts: no Node built-ins.",
      severity: 'error',
      from: { path: workflowCode() },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'workflow-code-imports-activities-as-types',
      comment: 'Workflow code proxies activities; their modules (Node, the database) enter it as types only.',
      severity: 'error',
      from: { path: workflowCode() },
      to: {
        dependencyTypesNot: ['type-only', 'core'],
        pathNot: [workflowCode(), '@temporalio/workflow', '^packages/federation/src/referral-states'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests may reach across the layers to set a scene (a plugin's test seeding a district through core).
    exclude: {
      path: ['(^|/)(node_modules|build|dist|\\.react-router|\\.data|\\.tools)/', '\\.test\\.tsx?$'],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
  },
};

/** The files bundled into Temporal's sandbox: the entry, the workflows and what they share with clients. */
function workflowCode() {
  return '^packages/workflows/src/(workflows\\.ts|[^/]+/[^/]*(workflows?|definitions|types)\\.ts)$';
}
