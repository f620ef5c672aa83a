// Two tiers, told apart by file suffix (see shared/design/architecture.md §6):
//   unit        *.spec.ts      pure code, needs nothing
//   integration *.int.spec.ts  the real Kafka broker and PostgreSQL, started by globalSetup when not given
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/\\.cache/'],
};

module.exports = {
  // A global option: jest ignores it inside a project. Integration tests wait on a real broker.
  testTimeout: 60000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{libs,services,tools,bench}/**/*.spec.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '\\.int\\.spec\\.ts$'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services,tools,e2e}/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.js',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.js',
    },
  ],
};
