/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // PostgreSQL from the npm-shipped binaries unless PG_TEST_URL names a server.
  globalSetup: '<rootDir>/test/setup/globalSetup.ts',
  globalTeardown: '<rootDir>/test/setup/globalTeardown.ts',
  // Type errors are caught once by `npm run typecheck`; ts-jest only transpiles.
  // A guard against a hung test, not a speed target (those live in `npm run bench`): on a
  // 2-core machine with another build beside it, a browser or restart test can take a minute.
  testTimeout: 120000,
  maxWorkers: 2,
  // A worker that has grown past this after a file is replaced: one CI run's worker reached V8's
  // 4 GB heap limit after 35 files and crashed the file it was running.
  workerIdleMemoryLimit: '1536MB',
};
