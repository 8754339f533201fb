const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-resources',
  rootDir: __dirname,
};
