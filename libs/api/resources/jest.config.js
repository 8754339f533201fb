const { preset, withPostgres } = require('../../../jest.preset');

module.exports = {
  ...preset,
  ...withPostgres,
  displayName: 'api-resources',
  rootDir: __dirname,
};
