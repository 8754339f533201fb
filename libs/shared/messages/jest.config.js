const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'shared-messages',
  rootDir: __dirname,
};
