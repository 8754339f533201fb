const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'shared-editor',
  rootDir: __dirname,
};
