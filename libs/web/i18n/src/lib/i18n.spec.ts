import { initI18n } from './i18n';

describe('initI18n', () => {
  it('starts in a supported language without writing to the visitor’s console', () => {
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const i18n = initI18n();
      expect(['en', 'fr', 'es', 'ar']).toContain(i18n.language);
      expect(i18n.t('common.save', { lng: 'fr' })).not.toBe('common.save');
      expect([...info.mock.calls, ...log.mock.calls]).toEqual([]);
    } finally {
      info.mockRestore();
      log.mockRestore();
    }
  });
});
