import { DEMO_PASSWORD, expect, expectAccessible, signIn, signInThroughForm, test } from './fixtures';

test('main pages have no serious accessibility violations, in English and right-to-left Arabic', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page);

  await signInThroughForm(page, 'kenya.admin@demo.simashe.org');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Kenya country pathfinder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kenya country pathfinder' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lessons learned' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Discussions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Communities of practice' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Cycles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Action-learning cycles' })).toBeVisible();
  await expect(page.getByRole('img', { name: /World map of the pathfinders/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Health inequality monitoring' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /Profile/ }).click();
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Language', { exact: true }).first().selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('link', { name: 'الدروس المستفادة' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('navigation').getByRole('link', { name: 'الدورات' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'دورات التعلّم من خلال العمل' })).toBeVisible();
  await expect(page.locator('.initiative-list li').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('combobox', { name: 'اللغة' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('the language choice is remembered by the profile across sign-ins', async ({ page, newPage }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  const saved = page.waitForResponse((r) => r.url().includes('/api/me/profile') && r.request().method() === 'PATCH');
  await page.getByLabel('Language').selectOption('fr');
  expect((await saved).status()).toBe(200);
  await expect(page.getByRole('link', { name: 'Rapports' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // Signed in by hand: the page turns French on sign-in, which the English-labelled helper would not expect.
  const fresh = await newPage();
  await fresh.goto('/sign-in');
  await fresh.getByLabel('Email').fill('kenya.editor@demo.simashe.org');
  await fresh.getByLabel('Password').fill('simashe-demo-2026');
  await fresh.getByRole('button', { name: 'Sign in' }).click();
  await expect(fresh.getByRole('link', { name: 'Réunions' })).toBeVisible();
  await expect(fresh.getByRole('heading', { name: /Bienvenue/ })).toBeVisible();
  await page.getByLabel('Langue').selectOption('en');
  await expect(page.getByRole('link', { name: 'Meetings' })).toBeVisible();
});

test('before signing in, the language can be chosen on the sign-in and password pages', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('banner').getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await page.getByRole('link', { name: /Mot de passe oublié/ }).click();
  await expect(page.getByLabel('Adresse e-mail')).toBeFocused();
  await page.getByRole('banner').getByLabel('Langue').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'هل نسيت كلمة المرور؟' })).toBeVisible();
  await expectAccessible(page);
});

test('a language chosen before signing in stays, and becomes the profile language', async ({ page }) => {
  // Slovenia's admin reads French by profile (no other journey signs in as them).
  await page.goto('/sign-in');
  await page.getByRole('banner').getByLabel('Language').selectOption('es');
  await page.getByLabel('Correo electrónico').fill('slovenia.admin@demo.simashe.org');
  await page.getByLabel('Contraseña').fill(DEMO_PASSWORD);
  const saved = page.waitForResponse((r) => r.url().includes('/api/me/profile') && r.request().method() === 'PATCH');
  await page.getByRole('button', { name: 'Iniciar sesión' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Reuniones' })).toBeVisible();
  const session = await page.request.get('/api/auth/session');
  expect((await session.json()).user.preferredLanguage).toBe('es');
});

test('another page opens at its top with the focus on its heading, and Back returns to where one was', async ({ page }) => {
  await page.setViewportSize({ width: 900, height: 420 });
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Lessons' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Lessons learned' })).toBeFocused();
  // Tab continues from the top of the new page, not from the menu.
  const lessons = page.locator('main a[href^="/lessons/"]:not([href="/lessons/new"])');
  await lessons.last().scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(100);
  await lessons.last().click();
  await expect(page).toHaveURL(/\/lessons\/[0-9a-f-]{36}$/);
  await expect(page.locator('main h1')).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Lessons learned' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test('sign-in shows a clear error, and dates follow the profile time zone', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('kenya.admin@demo.simashe.org');
  await page.getByLabel('Password').fill('wrong-password-here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Email or password is incorrect.');

  await page.getByLabel('Password').fill('simashe-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('link', { name: /Profile/ }).click();
  await expect(page.getByLabel('Time zone')).toHaveValue('Africa/Nairobi');
  const expected = new Intl.DateTimeFormat('en', { timeZone: 'Africa/Nairobi', dateStyle: 'full' }).format(new Date());
  await expect(page.getByText(/Your local time now/)).toContainText(expected);
});
