const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'shared-contracts',
  rootDir: __dirname,
};
