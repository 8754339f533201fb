const { preset, withPostgres } = require('../../jest.preset');

module.exports = {
  ...preset,
  ...withPostgres,
  displayName: 'api',
  rootDir: __dirname,
  testTimeout: 120000,
};
