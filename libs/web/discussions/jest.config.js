const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-discussions',
  rootDir: __dirname,
};
