/**
 * The module boundaries (README, "How the code is laid out"), checked by test/boundaries.test.ts
 * on every `npm test`.
 *
 * Layers, low to high. A file may import its own layer and the layers below it, never one above:
 *
 *   shared       pure helpers (dates, CSV, regions, domain errors); imports nothing of the project
 *   config       config.ts and logger.ts
 *   db           ORM, SQL runner, embedded PostgreSQL; knows no module (entities are passed in)
 *   graphql      GraphQL building blocks: scalars, enums, errors, connections, global IDs, loaders
 *   auth         tokens, the viewer, scope, roles, shield rules
 *   edge         what resolvers stand on: the request context, the mutation runner, the mapping
 *                of domain errors to GraphQL errors and userErrors
 *   modules      the domain, in the order below
 *   seeds        the demo data, written through the modules
 *   app          composition of every module: the entity list, the schema, node(id), seeding
 *   server       HTTP, Apollo, limits
 *   main         boot
 *
 * Modules, low to high (a module may import the ones before it, through their index.ts):
 *   audit → org → people → staffing → attraction → recruitment → simulation → workload → forecast → reorganisation
 * reorganisation moves positions, assignments and vacancies between units, so it sits above
 * staffing and recruitment and uses their rules rather than restating them.
 *
 * Each module shows one public surface, src/modules/<module>/index.ts; from outside the module
 * nothing else of it may be imported.
 *
 * Inside a module only its resolvers (*.resolver.ts) see GraphQL: the request context
 * (src/edge/context.ts), the GraphQL error builders (src/graphql/errors.ts) and the graphql
 * package itself. Services take what they need (src/edge/deps.ts: the viewer, the SQL runners
 * and em, the loaders, the clock), and throw domain errors (src/shared/domain-error.ts), which
 * src/edge/errors.ts alone turns into GraphQL errors and userErrors.
 */
const LAYERS = [
  ['shared', '^src/shared/'],
  ['config', '^src/(config|logger)\\.ts$'],
  ['db', '^src/db/'],
  ['graphql', '^src/graphql/'],
  ['auth', '^src/auth/'],
  ['edge', '^src/edge/'],
  ['modules', '^src/modules/'],
  ['seeds', '^seeds/'],
  ['app', '^src/app/'],
  ['server', '^src/server/'],
  ['main', '^src/main\\.ts$'],
];

const MODULES = ['audit', 'org', 'people', 'staffing', 'attraction', 'recruitment', 'simulation', 'workload', 'forecast', 'reorganisation'];

const layerRules = LAYERS.slice(0, -1).map(([name, path], index) => ({
  name: `layer-${name}`,
  comment: `${name} may not import a higher layer (${LAYERS.slice(index + 1).map(([higher]) => higher).join(', ')})`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(index + 1).map(([, higher]) => higher) },
}));

const moduleRules = MODULES.slice(0, -1).map((name, index) => ({
  name: `module-${name}`,
  comment: `the module ${name} may not import a higher module (${MODULES.slice(index + 1).join(', ')})`,
  severity: 'error',
  from: { path: `^src/modules/${name}/` },
  to: { path: MODULES.slice(index + 1).map((higher) => `^src/modules/${higher}/`) },
}));

module.exports = {
  LAYERS,
  MODULES,
  forbidden: [
    {
      name: 'no-circular',
      comment: 'a cycle makes the order of loading (and of decorators) an accident',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'module-surface-from-module',
      comment: 'another module may import a module only through its index.ts',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/([^/]+)/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'module-surface-from-outside',
      comment: 'code outside the modules may import a module only through its index.ts',
      severity: 'error',
      from: { pathNot: '^src/modules/' },
      to: { path: '^src/modules/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'module-own-surface',
      comment: 'inside a module, import the file itself: its own index.ts would be a cycle',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/$1/index\\.ts$' },
    },
    {
      name: 'services-without-graphql',
      comment: 'outside its resolvers a module takes Deps, not the GraphQL context, and throws domain errors, never a GraphQLError',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: '\\.resolver\\.ts$' },
      to: { path: ['^src/edge/context\\.ts$', '^src/graphql/errors\\.ts$', 'node_modules/graphql/'] },
    },
    ...layerRules,
    ...moduleRules,
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // Packages stay out of the graph, but for graphql, which services-without-graphql names.
    exclude: { path: 'node_modules/(?!graphql/)' },
  },
};
