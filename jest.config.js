// One Jest run for every package. API tests use a real database: a temporary SQLite file by
// default, MariaDB/MySQL when DB_URL is set (each test file gets its own database).
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json', diagnostics: false }];
const common = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '^@hq/common$': '<rootDir>/common/src/index.ts' },
  testEnvironment: 'node',
};

module.exports = {
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'common', testMatch: ['<rootDir>/common/src/**/*.test.ts'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/api/src/**/*.test.ts', '<rootDir>/api/test/**/*.test.ts'],
    },
  ],
};
