const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'shared-spc',
  rootDir: __dirname,
};
