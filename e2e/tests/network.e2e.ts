import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures';

const GHANA = 'University of Ghana School of Public Health';

/** Nothing sticks out sideways: the page fits the phone's width. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('anyone sees the network’s members without signing in, filters them, and reads them in French and Arabic on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // The public resource library leads to the members page.
  await page.goto('/public/resources');
  await page.getByRole('navigation', { name: 'Public pages' }).getByRole('link', { name: 'Network members' }).click();
  await expect(page).toHaveURL(/\/public\/members$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Network members' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', /^\/sign-in\?next=/);

  const ghana = page.getByRole('article', { name: GHANA });
  await expect(ghana).toContainText('Ghana');
  await expect(ghana).toContainText('Inequality monitoring');
  await expect(ghana).toContainText('Survey methods');
  await expect(ghana).toContainText('Kwame Mensah');
  const website = ghana.getByRole('link', { name: /publichealth\.ug\.edu\.gh/ });
  await expect(website).toHaveAttribute('href', 'https://publichealth.ug.edu.gh');
  await expect(website).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(page.getByRole('region', { name: 'Secretariat' })).toContainText('Sofia Secretariat');
  await expect(page.getByRole('region', { name: 'Steering committee' })).toContainText('Pat Partner');
  // Names only: no email address of a member is public.
  await expect(page.locator('main')).not.toContainText('@demo.simashe.org');

  // The filter looks through names, countries and expertise.
  const filter = page.getByRole('searchbox', { name: 'Filter by name, country or area of expertise' });
  await filter.fill('morocco');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(page.getByRole('article', { name: 'Institut national d’administration sanitaire' })).toBeVisible();
  await filter.fill('survey');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(ghana).toBeVisible();
  await filter.fill('no such thing');
  await expect(page.getByText('No institution matches this filter.')).toBeVisible();
  await filter.fill('');
  await expect(page.getByRole('article')).toHaveCount(3);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  // The language switcher on the page itself.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Membres du réseau' })).toBeVisible();
  await expect(ghana).toContainText('Suivi des inégalités');
  await expect(ghana).toContainText('Méthodes d’enquête');
  await expect(ghana).toContainText('Kwame Mensah');
  // Expertise is matched as the reader sees it.
  await page.getByRole('searchbox', { name: 'Filtrer par nom, pays ou domaine d’expertise' }).fill('enquête');
  await expect(page.getByRole('article')).toHaveCount(1);
  await expect(ghana).toBeVisible();

  await page.getByRole('combobox', { name: 'Langue' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'أعضاء الشبكة' })).toBeVisible();
  // The filter follows the language: the French word finds nothing in Arabic.
  await expect(page.getByText('لا توجد مؤسسة تطابق عامل التصفية هذا.')).toBeVisible();
  await page.getByRole('searchbox').fill('');
  await expect(ghana).toContainText('رصد');
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('members-ar-390.png'), fullPage: true });
  await expectAccessible(page);
});

test('the sign-in page links to the members page', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Who is in the network: see its members' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Network members' })).toBeVisible();
});

test('a secretariat admin appoints a member to the steering committee by email and removes them after confirming', async ({ page, openAs, consoleErrors }) => {
  await signIn(page, 'secretariat.admin@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Network' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Network' })).toBeVisible();
  await expect(page.getByRole('article', { name: GHANA })).toContainText('Kwame Mensah');
  const committee = page.getByRole('region', { name: 'Steering committee' });
  const list = committee.getByRole('list').first();
  await expect(list.getByRole('listitem').filter({ hasText: 'Pat Partner' })).toContainText('partner.admin@demo.simashe.org');

  // An email no account uses: the API's reason, under the field, which has the focus.
  const email = page.getByRole('textbox', { name: 'Email address of the person to appoint' });
  await email.fill('nobody-here@demo.simashe.org');
  await page.getByRole('button', { name: 'Appoint', exact: true }).click();
  await expect(page.getByText('No account uses this email address; invite the person to an organisation first')).toBeVisible();
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  // The browser logs the refused request itself; that one is expected.
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((message) => !/status of 400/.test(message)));

  await email.fill('kenya.admin@demo.simashe.org');
  await page.getByRole('button', { name: 'Appoint', exact: true }).click();
  const kenya = list.getByRole('listitem').filter({ hasText: 'Wanjiru Kamau' });
  await expect(kenya).toContainText('kenya.admin@demo.simashe.org');
  await expect(kenya).toContainText('Kenya country pathfinder');
  await expect(page.getByText('Wanjiru Kamau is now on the steering committee.')).toBeVisible();
  await expect(email).toHaveValue('');

  // A country admin sees the committee but cannot change it.
  const kenyaAdmin = await openAs('kenya.admin@demo.simashe.org');
  await kenyaAdmin.goto('/network');
  await expect(kenyaAdmin.getByRole('region', { name: 'Steering committee' })).toContainText('Wanjiru Kamau');
  await expect(kenyaAdmin.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(kenyaAdmin.getByRole('textbox', { name: 'Email address of the person to appoint' })).toHaveCount(0);

  // Removing asks first, starting on Cancel.
  await kenya.getByRole('button', { name: 'Remove Wanjiru Kamau from the steering committee' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove from the steering committee?' });
  await expect(dialog).toContainText('Wanjiru Kamau');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(kenya).toHaveCount(0);
  await expect(page.getByText('Wanjiru Kamau was removed from the steering committee.')).toBeVisible();
  await expect(list.getByRole('listitem').filter({ hasText: 'Pat Partner' })).toBeVisible();
});
