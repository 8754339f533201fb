const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-shell',
  rootDir: __dirname,
};
