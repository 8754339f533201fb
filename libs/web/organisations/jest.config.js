const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-organisations',
  rootDir: __dirname,
};
