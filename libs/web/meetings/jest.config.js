const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-meetings',
  rootDir: __dirname,
};
