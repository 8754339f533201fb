const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'shared-collab-client',
  rootDir: __dirname,
};
