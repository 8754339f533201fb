const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-monitoring',
  rootDir: __dirname,
};
