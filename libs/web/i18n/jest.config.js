const { preset } = require('../../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'web-i18n',
  rootDir: __dirname,
};
