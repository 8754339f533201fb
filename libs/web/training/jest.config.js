const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-training',
  rootDir: __dirname,
};
