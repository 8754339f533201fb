const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-reports',
  rootDir: __dirname,
};
