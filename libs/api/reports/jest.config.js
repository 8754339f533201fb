const { preset, withPostgres } = require('../../../jest.preset');

module.exports = {
  ...preset,
  ...withPostgres,
  displayName: 'api-reports',
  rootDir: __dirname,
};
