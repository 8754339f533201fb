const { preset, withPostgres } = require('../../../jest.preset');

module.exports = {
  ...preset,
  ...withPostgres,
  displayName: 'api-cycles',
  rootDir: __dirname,
};
