const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'shared-scheduling',
  rootDir: __dirname,
};
