// One jest run over every project: unit specs beside the code, end-to-end specs in each project's test/.
// The e2e specs talk to the real Postgres and NATS (see libs/testing).
const { readFileSync } = require('node:fs');
const path = require('node:path');

const tsconfig = JSON.parse(readFileSync(path.join(__dirname, 'tsconfig.base.json'), 'utf8'));
const moduleNameMapper = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias.replace('/', '\\/')}$`,
    `<rootDir>/${target.replace(/^\.\//, "")}`,
  ]),
);

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|mjs|cjs)$': '<rootDir>/tools/jest/swc-transformer.cjs' },
  // ESM-only dependencies (NestJS 12, jose, ...) must be transformed too.
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper,
  setupFiles: ['reflect-metadata'],
  // The web app's tests run under Vitest (npm run test:web).
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
};

module.exports = {
  // A global option (jest ignores it inside a project): e2e tests boot real apps on a shared 2-core machine.
  testTimeout: 60_000,
  // No --forceExit: a test that leaves a handle open fails the run (open-handles-reporter.cjs).
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.cjs', '<rootDir>/tools/jest/open-handles-reporter.cjs'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/*/src/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs}/*/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/tools/jest/build-once.cjs',
    },
  ],
};
