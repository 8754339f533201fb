const { preset, withPostgres } = require('../../../jest.preset');

module.exports = {
  ...preset,
  ...withPostgres,
  displayName: 'api-collaboration',
  rootDir: __dirname,
};
