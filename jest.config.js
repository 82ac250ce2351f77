/** ESM throughout: bpmn-moddle and feelin ship only ES modules. */
const base = {
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/tests/setup/password-cost.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022', experimental: { keepImportAttributes: true } },
      module: { type: 'es6' },
    }],
  },
};

/**
 * The engine's scenario tests run on every store (memory always, SQLite always, PostgreSQL when
 * DATABASE_URL is set); the API tests on SQLite and again on PostgreSQL. The case server has no
 * memory store (it falls back to SQLite in memory), so the memory project leaves tests/api out:
 * it would only run them on SQLite a second time. The event matrix (tests/engine/matrix) is about
 * what the pure step does, not how a store keeps it: it runs on memory only, as the store tests
 * already round-trip every kind of state through SQLite and PostgreSQL.
 */
const storeTests = ['<rootDir>/tests/engine/runtime/**/*.test.ts', '<rootDir>/tests/api/**/*.test.ts'];

export default {
  // Scenario tests walk whole cases through HTTP and PostgreSQL; a busy 2-core machine needs more than 5 s.
  // A global option: inside a project's config jest ignores it.
  testTimeout: 30_000,
  // Two workers even on a 2-core machine: with one, jest runs every suite in its own process, whose heap grows with
  // each suite's modules until it runs out (seen in CI at about 3.7 GB); a worker past 1 GB is replaced between suites.
  maxWorkers: 2,
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...base, displayName: 'memory', roots: ['<rootDir>/tests'], testMatch: ['**/*.test.ts'], testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/api/'] },
    { ...base, displayName: 'sqlite', testMatch: storeTests, setupFiles: [...base.setupFiles, '<rootDir>/tests/setup/store-sqlite.ts'] },
    ...(process.env.DATABASE_URL
      ? [{ ...base, displayName: 'postgres', testMatch: storeTests, setupFiles: [...base.setupFiles, '<rootDir>/tests/setup/store-postgres.ts'] }]
      : []),
  ],
};
