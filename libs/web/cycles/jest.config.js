const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-cycles',
  rootDir: __dirname,
};
