// eslint-disable-next-line @nx/enforce-module-boundaries -- the check reads the catalogues themselves: it is their test
import { PENDING_SECTIONS, untranslatedEnglish } from '../../libs/web/i18n/src/lib/catalogue-keys';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/**
 * The main pages in Arabic and French, screenshotted into the Playwright output directory, must show no English from
 * the catalogue: every visible text (and aria-label, placeholder, title) is compared with the English values that the
 * language translates differently or not at all. User content is left out: the app marks it with `dir="auto"` or
 * `<bdi>`, and the editor's text is the writer's. Numbers and texts with no letters never match.
 *
 * English found under a key of a section still being translated by its owners (PENDING_SECTIONS) is reported as an
 * annotation on the test instead of failing it; the list goes when those sections are complete.
 */

type Language = 'ar' | 'fr';

/** Keys whose English is a name or code that stays as it is in every language. */
const IGNORED_KEYS = new Set<string>([]);

interface Needle {
  english: string;
  keys: string[];
  test: (text: string) => boolean;
}

function needles(language: Language): Needle[] {
  const byText = new Map<string, string[]>();
  for (const { key, english } of untranslatedEnglish(language)) {
    if (IGNORED_KEYS.has(key)) continue;
    const text = english.replace(/\s+/g, ' ').trim();
    byText.set(text, [...(byText.get(text) ?? []), key]);
  }
  const result: Needle[] = [];
  for (const [english, keys] of byText) {
    const parts = english.split(/\{\{[^}]+\}\}/);
    // At least a word of three letters outside the placeholders, else a name or a number could match it.
    if (!/\p{L}{3}/u.test(parts.join(' ')) && !(parts.length === 1 && /^\p{L}{2}$/u.test(english))) continue;
    if (parts.length === 1) {
      result.push({ english, keys, test: (text) => text === english });
    } else {
      const pattern = new RegExp(`^${parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?')}$`, 'su');
      result.push({ english, keys, test: (text) => pattern.test(text) });
    }
  }
  return result;
}

/** Visible interface texts, without user content. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const USER_CONTENT = '[dir="auto"], bdi, [contenteditable="true"], .ProseMirror, script, style, noscript, [aria-hidden="true"]';
    const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const element = walker.currentNode.parentElement;
      if (!element || element.closest(USER_CONTENT)) continue;
      const owner = element.closest('select') ?? element;
      if (!owner.checkVisibility()) continue;
      texts.push(clean(walker.currentNode.textContent));
    }
    for (const element of Array.from(document.body.querySelectorAll('[aria-label], [placeholder], [title]'))) {
      if (element.closest(USER_CONTENT) || !element.checkVisibility()) continue;
      for (const name of ['aria-label', 'placeholder', 'title']) texts.push(clean(element.getAttribute(name)));
    }
    return texts.filter(Boolean);
  });
}

async function settle(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

async function chooseLanguage(page: Page, language: 'ar' | 'fr' | 'en'): Promise<void> {
  const saved = page.waitForResponse((r) => r.url().includes('/api/me/profile') && r.request().method() === 'PATCH');
  await page.getByRole('combobox', { name: /^(Language|Langue|Idioma|اللغة)$/ }).selectOption(language);
  expect((await saved).status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

for (const language of ['fr', 'ar'] as const) {
  test(`the main pages in ${language === 'fr' ? 'French' : 'Arabic'} show no English from the catalogue`, async ({ page }) => {
    test.setTimeout(180_000);
    // An account of its own in these journeys, so the language it saves cannot leak into another test.
    await signIn(page, 'srilanka.admin@demo.simashe.org');
    await page.goto('/reports');
    const reportHref = await page.locator('main a[href^="/reports/"]').first().getAttribute('href');
    await chooseLanguage(page, language);
    const pages: Array<[string, string]> = [
      ['home', '/'],
      ['reports', '/reports'],
      ...(reportHref ? ([['report', reportHref]] as Array<[string, string]>) : []),
      ['meetings', '/meetings'],
      ['lessons', '/lessons'],
      ['discussions', '/discussions'],
      ['search', '/search?q=health'],
      ['cycles', '/cycles'],
      ['monitoring', '/monitoring'],
      ['resources', '/resources'],
      ['training', '/training'],
      ['publications', '/publications'],
      ['network', '/network'],
      ['public members', '/public/members'],
      ['join', '/join'],
      ['verify', '/verify'],
    ];
    const checks = needles(language);
    const failures: string[] = [];
    const pending: string[] = [];
    try {
      for (const [name, path] of pages) {
        await page.goto(path);
        await settle(page);
        await page.screenshot({ path: test.info().outputPath(`${language}-${name}.png`), fullPage: true });
        const texts = [...new Set(await visibleTexts(page))];
        for (const text of texts) {
          const found = checks.find((needle) => needle.test(text));
          if (!found) continue;
          const line = `${name} (${path}): "${text}" [${found.keys.join(', ')}]`;
          if (found.keys.some((key) => PENDING_SECTIONS.includes(key.split('.')[0]))) pending.push(line);
          else failures.push(line);
        }
      }
    } finally {
      await chooseLanguage(page, 'en');
    }
    for (const line of pending) test.info().annotations.push({ type: 'English left in a section being translated', description: line });
    if (pending.length) console.log(`${language}: English left in sections being translated:\n${pending.join('\n')}`);
    expect(failures, `English text left on ${language} pages`).toEqual([]);
  });
}
