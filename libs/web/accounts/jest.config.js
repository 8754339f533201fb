const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-accounts',
  rootDir: __dirname,
};
