const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-ui',
  rootDir: __dirname,
};
