const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-notifications',
  rootDir: __dirname,
};
