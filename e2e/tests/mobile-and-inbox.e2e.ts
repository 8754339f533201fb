import type { Page } from '@playwright/test';
import { expect, expectAccessible, markReadAndExpectOneFewer, notificationsBell, signIn, test } from './fixtures';

const PHONE = { width: 390, height: 844 };

async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, 'no horizontal scroll').toBeLessThanOrEqual(clientWidth);
}

test('on a 390 px phone the content comes first, nothing scrolls sideways, and the menu button opens the menu', async ({ page }, testInfo) => {
  await signIn(page, 'kenya.admin@demo.simashe.org');
  await page.setViewportSize(PHONE);
  const pages = [
    { path: '/', heading: /Welcome/ },
    { path: '/reports', heading: 'Reports' },
    { path: '/meetings', heading: 'Meetings' },
    { path: '/lessons', heading: 'Lessons learned' },
    { path: '/monitoring', heading: 'Health inequality monitoring' },
  ];
  for (const { path, heading } of pages) {
    await page.goto(path);
    const title = page.getByRole('heading', { level: 1, name: heading });
    await expect(title).toBeVisible();
    // The header is one row: the page's own heading starts in the first sixth of the screen.
    expect((await title.boundingBox())?.y ?? Infinity).toBeLessThan(PHONE.height / 6);
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: testInfo.outputPath(`phone${path === '/' ? '-home' : path.replace('/', '-')}.png`), fullPage: true });
  }

  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Monitoring' })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('phone-menu-open.png') });
  await nav.getByRole('link', { name: 'Meetings' }).click();
  await expect(page).toHaveURL(/\/meetings$/);
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav).toBeHidden();

  // Right to left: the same menu, axe clean.
  await menu.click();
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const arabicMenu = page.getByRole('button', { name: 'القائمة' });
  if ((await arabicMenu.getAttribute('aria-expanded')) === 'false') await arabicMenu.click();
  await expect(page.getByRole('navigation')).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('phone-menu-open-ar.png') });
  await page.getByRole('combobox', { name: 'اللغة' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('the bell menu shows the latest notifications with the unread count, answers an invitation and marks it read', async ({ page, openAs }) => {
  await signIn(page, 'kenya.admin@demo.simashe.org');
  const bell = notificationsBell(page);
  await expect(bell).toBeVisible();

  // A colleague schedules a meeting with Kenya: the admin is invited, and the count rises live.
  const organiser = await openAs('kenya.editor@demo.simashe.org');
  const { csrfToken } = await (await organiser.request.get('/api/auth/session')).json();
  const organisations = (await (await organiser.request.get('/api/organisations')).json()).items as Array<{ id: string; name: string; relation: string }>;
  const kenya = organisations.find((o) => o.relation === 'member' && /Kenya/.test(o.name));
  expect(kenya).toBeTruthy();
  const title = `Bell check ${Date.now()}`;
  const day = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
  const created = await organiser.request.post('/api/meetings', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: { organiserOrganisationId: kenya?.id, title, kind: 'intercountry_workshop', localStart: `${day}T10:00`, localEnd: `${day}T11:00`, timeZone: 'Africa/Nairobi', invitees: { organisationIds: [kenya?.id] } },
  });
  expect(created.status()).toBe(201);

  await expect(page.getByRole('button', { name: /^Notifications, \d+ unread$/ })).toBeVisible({ timeout: 20_000 });
  await bell.click();
  await expect(bell).toHaveAttribute('aria-expanded', 'true');
  const panel = page.getByRole('region', { name: 'Latest notifications' });
  await expect(panel).toBeVisible();
  expect(await panel.getByRole('listitem').count()).toBeLessThanOrEqual(10);
  const row = panel.getByRole('listitem').filter({ hasText: `Invitation: ${title}` });
  await expect(row).toBeVisible();
  await expectAccessible(page);

  await row.getByRole('button', { name: 'Maybe' }).click();
  await expect(row.getByRole('status')).toContainText('Answer saved');
  await expect(row.getByRole('button', { name: 'Maybe' })).toHaveAttribute('aria-pressed', 'true');
  // Exactly one fewer, counting in what arrives meanwhile for other rows (a demo meeting's reminder can fall due at
  // any hour): one arrival would otherwise cancel out the decrease.
  await markReadAndExpectOneFewer(page, `Invitation: ${title}`, () => row.getByRole('button', { name: 'Mark as read' }).click());
  await expect(row.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);

  // Escape closes the menu and gives focus back to the bell.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(bell).toBeFocused();

  // The whole inbox, grouped by subject, in Arabic too.
  await bell.click();
  await panel.getByRole('link', { name: 'See all notifications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: `Invitation: ${title}` }).first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: /^الإشعارات/ }).click();
  await expect(page.getByRole('region', { name: 'أحدث الإشعارات' })).toBeVisible();
  // The web writes the invitation in the reader's language from its message key (the server's English is the fallback).
  await expect(page.locator('main').getByRole('listitem').filter({ hasText: title }).first()).toContainText('دعوة:');
  await expectAccessible(page);
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'اللغة' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

test('the Discussions page lists threads on meetings, reports and lessons with the topics', async ({ page, openAs }) => {
  const organiser = await openAs('kenya.editor@demo.simashe.org');
  const { csrfToken } = await (await organiser.request.get('/api/auth/session')).json();
  const organisations = (await (await organiser.request.get('/api/organisations')).json()).items as Array<{ id: string; name: string; relation: string }>;
  const kenya = organisations.find((o) => o.relation === 'member' && /Kenya/.test(o.name));
  const title = `Thread check ${Date.now()}`;
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const meeting = await organiser.request.post('/api/meetings', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: { organiserOrganisationId: kenya?.id, title, kind: 'intercountry_workshop', localStart: `${day}T09:00`, localEnd: `${day}T10:00`, timeZone: 'Africa/Nairobi' },
  });
  expect(meeting.status()).toBe(201);
  const meetingId = (await meeting.json()).id;
  const posted = await organiser.request.post(`/api/discussions/subjects/meeting/${meetingId}/posts`, { headers: { 'X-CSRF-Token': csrfToken }, data: { body: 'Agenda ideas welcome' } });
  expect(posted.status()).toBe(201);

  // A colleague of the organiser sees the meeting's thread.
  await signIn(page, 'kenya.admin@demo.simashe.org');
  await page.goto('/discussions');
  const list = page.getByRole('region', { name: 'Recent discussions' });
  await expect(list.getByRole('link', { name: title })).toBeVisible();
  await list.getByLabel('Show').selectOption('meeting');
  await expect(list.getByRole('listitem').filter({ hasText: title })).toContainText('Meeting');
  await expectAccessible(page);
  await list.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(new RegExp(`/meetings/${meetingId}$`));

  // The regional office reads Kenya's reports, not its meetings.
  const stranger = await openAs('afro.officer@demo.simashe.org');
  const loaded = stranger.waitForResponse((response) => response.url().includes('/api/discussions/threads'));
  await stranger.goto('/discussions');
  expect((await loaded).status()).toBe(200);
  await expect(stranger.getByRole('region', { name: 'Recent discussions' }).getByRole('status')).toHaveCount(0);
  await expect(stranger.getByRole('link', { name: title })).toHaveCount(0);
});

test('sign-in shows the product, focuses the e-mail field and offers the password reset', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByText('SIMASHE Workspace', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.getByRole('link', { name: /Forgot/ }).click();
  await expect(page).toHaveURL(/\/forgot-password/);
});
