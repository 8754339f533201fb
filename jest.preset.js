// Shared Jest settings: swc (with decorator metadata, which NestJS and TypeORM need) and the tsconfig path aliases.
const { join } = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, join(__dirname, target)]),
);

const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false, react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

/** For projects whose tests need PostgreSQL: one embedded cluster per Jest run. */
const withPostgres = {
  globalSetup: join(__dirname, 'tools/testing/postgres-global-setup.mjs'),
  globalTeardown: join(__dirname, 'tools/testing/postgres-global-teardown.mjs'),
  // Socket.io clients in the collaboration tests occasionally leave a reconnect timer behind after the server
  // closes; the run must end when the tests and teardown have (no test result depends on it).
  forceExit: true,
};

module.exports = {
  preset: {
    testEnvironment: 'node',
    transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] },
    moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
    moduleNameMapper,
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
    testTimeout: 30000,
  },
  withPostgres,
};
