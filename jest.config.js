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
  testTimeout: 30000,
  maxWorkers: 2,
};
