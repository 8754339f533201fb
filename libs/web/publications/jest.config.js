const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-publications',
  rootDir: __dirname,
};
