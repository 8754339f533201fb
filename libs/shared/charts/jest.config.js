const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'shared-charts',
  rootDir: __dirname,
};
