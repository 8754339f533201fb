const { preset, withPostgres } = require('../../../jest.preset');

module.exports = {
  ...preset,
  ...withPostgres,
  displayName: 'api-meetings',
  rootDir: __dirname,
};
