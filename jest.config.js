/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  // Type errors are caught once by `npm run typecheck`; ts-jest only transpiles.
  testTimeout: 30000,
  maxWorkers: 2,
};
