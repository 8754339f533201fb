const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'shared-inequality',
  rootDir: __dirname,
};
