const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-audit',
  rootDir: __dirname,
};
