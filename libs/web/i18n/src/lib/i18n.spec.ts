import { initI18n, loadCatalogue } from './i18n';

describe('initI18n', () => {
  it('starts in a supported language without writing to the visitor’s console', async () => {
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const i18n = await initI18n();
      expect(['en', 'fr', 'es', 'ar']).toContain(i18n.language);
      expect(i18n.t('common.save')).toBe('Save');
      expect([...info.mock.calls, ...log.mock.calls]).toEqual([]);
    } finally {
      info.mockRestore();
      log.mockRestore();
    }
  });

  it('holds English from the start and loads another language only when it is asked for', async () => {
    const i18n = await initI18n();
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(true);
    expect(i18n.hasResourceBundle('ar', 'translation')).toBe(false);
    expect(i18n.t('common.save', { lng: 'ar' })).toBe('Save');
    await loadCatalogue('ar');
    expect(i18n.hasResourceBundle('ar', 'translation')).toBe(true);
    expect(i18n.t('common.save', { lng: 'ar' })).not.toBe('Save');
    expect(i18n.t('common.save', { lng: 'ar' })).toMatch(/\p{Script=Arabic}/u);
  });
});
