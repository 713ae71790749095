// The import rules of src/ (README: Layout; docs/architecture.md), checked by
// __tests__/unit/architecture.test.ts. dependency-cruiser reads type-only and dynamic imports too.
const FEATURES = '^src/(mode|approval|incident|rollback|report|verify|drill)/|^src/(main|index)[.]ts$'

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle between files, type-only and dynamic imports included.',
      from: {},
      to: { circular: true }
    },
    {
      name: 'lower-layers-know-no-feature',
      severity: 'error',
      comment: 'Adapters, plain data and helpers never import a feature, main.ts or index.ts.',
      from: { path: '^src/(values|text|net|checks|engine|settings|facts|runner|github)/' },
      to: { path: FEATURES }
    },
    {
      name: 'only-index-imports-main',
      severity: 'error',
      comment: 'main.ts picks a mode; a mode never imports it back.',
      from: { path: '^src/', pathNot: '^src/index[.]ts$' },
      to: { path: '^src/main[.]ts$' }
    },
    {
      name: 'values-and-text-stand-alone',
      severity: 'error',
      from: { path: '^src/(values|text)/' },
      to: { path: '^src/', pathNot: '^src/(values|text)/' }
    },
    {
      name: 'net-is-plain-http',
      severity: 'error',
      from: { path: '^src/net/' },
      to: { path: '^src/', pathNot: '^src/(net|text|values)/' }
    },
    {
      name: 'providers-know-no-settings-verdicts-github-or-rendering',
      severity: 'error',
      from: { path: '^src/checks/' },
      to: { path: '^src/', pathNot: '^src/(checks|net|text|values)/' }
    },
    {
      name: 'facts-are-data',
      severity: 'error',
      comment: 'facts/ holds the plain data features and adapters share: no I/O.',
      from: { path: '^src/facts/' },
      to: { path: '^src/(github|net|runner)/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
    moduleSystems: ['es6']
  }
}
