/** One jest config for every folder; swc strips TypeScript, `tsc --noEmit` checks types. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testTimeout: 30000,
  // Outage tests leave the Firestore client retrying an unreachable host for
  // up to a minute after they pass (it cannot cancel those retries); without
  // this, every run would idle that minute before exiting.
  forceExit: true,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
