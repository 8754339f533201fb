import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'simashe-demo-2026';

/** Every page must load without console errors; each test fails if one appears. */
export const test = base.extend<{ consoleErrors: string[]; newPage: () => Promise<Page>; openAs: (email: string) => Promise<Page> }>({
  /** A second person in their own browser context, closed when the test ends. */
  newPage: async ({ browser }, use) => {
    const contexts: Array<Awaited<ReturnType<typeof browser.newContext>>> = [];
    await use(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  /** Another demo person, signed in in their own context. */
  openAs: async ({ newPage }, use) => {
    await use(async (email) => {
      const page = await newPage();
      await signIn(page, email);
      return page;
    });
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        // A 401 from the session probe before sign-in is expected; the browser logs failed fetches itself.
        if (message.type() === 'error' && !/status of 401/.test(message.text())) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/**
 * Signs in through the API, then opens the home page: one page load instead of two (the form's own journeys are
 * `signInThroughForm`, sessions.e2e and invitation.e2e). A session already in this browser is dropped first, as
 * signing in as someone else from the form would replace it.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.context().clearCookies({ name: 'simashe_session' });
  const response = await page.request.post('/api/auth/login', { data: { email, password } });
  expect(response.ok(), `signing in as ${email}: ${response.status()} ${await response.text()}`).toBe(true);
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

/** Signs in from the sign-in form, as a person does. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
}

/** axe-core on the current page: no serious or critical violations allowed. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const severe = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(severe, 'serious or critical accessibility violations').toEqual([]);
}

/** A new report from the SIMASHE progress template, opened in the editor; returns its address. */
export async function createReport(page: Page, title: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports' }).click();
  // The list comes first; "New report" opens the form in a dialog.
  await page.getByRole('button', { name: 'New report' }).click();
  const card = page.getByRole('dialog', { name: 'New report' });
  await card.getByLabel('Title').fill(title);
  await card.getByLabel('Template').selectOption({ label: 'SIMASHE progress report' });
  await card.getByRole('button', { name: 'Create report' }).click();
  await expect(page.getByRole('textbox', { name: 'Report text' })).toContainText('Equity and inequality findings');
  // The text arrives a moment before the editor learns it may edit it: typing before then is lost (a flaky run
  // typed "/tab" into a read-only editor under the full suite's load). Online means joined, with access known; the
  // editor takes typing once it has applied that (an effect after the status is drawn: a run under load clicked in
  // between, and its caret went to the start of the text).
  await expect(page.getByRole('status').filter({ hasText: 'all changes saved' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Report text' })).toHaveAttribute('contenteditable', 'true');
  return page.url();
}

/** A section's empty paragraph, found by the template guidance it shows as a placeholder (it is not text). */
export const guidance = (text: Locator, startsWith: string) => text.locator(`p[data-placeholder^="${startsWith}"]`);

/** A notification as the API lists it (the fields these checks use). */
interface ListedNotification {
  id: string;
  title: string;
  link: string | null;
}

/** The signed-in person's unread notifications, as the server has them now: every one of them. */
async function unreadOnServer(page: Page): Promise<ListedNotification[]> {
  const list = (await (await page.request.get('/api/notifications?unread=true&limit=100')).json()) as { items: ListedNotification[]; unread: number };
  expect(list.items, 'every unread notification listed').toHaveLength(list.unread);
  return list.items;
}

/** The shell's notification bell, whether or not anything is unread. */
export const notificationsBell = (page: Page) => page.getByRole('button', { name: /^Notifications(, \d+ unread)?$/ });

/** The count the bell reads out: "Notifications, N unread", or "Notifications" when none is unread. */
async function bellCount(page: Page): Promise<number> {
  const label = await notificationsBell(page).getAttribute('aria-label');
  return Number(label?.match(/^Notifications, (\d+) unread$/)?.[1] ?? 0);
}

/**
 * Marks the unread notification titled `title` read with `markRead`, and checks that the bell then counts exactly
 * one fewer. Notifications the journey did not cause can land at any moment: the demo meetings' reminders fall due at
 * fixed times of each month (a day and a quarter of an hour before each session), whenever CI runs. So the count is
 * not read once off the bell: the server's unread list is read until the bell shows its length, and afterwards what
 * arrived in the meantime (listed by the server, about something else) is added to the count expected.
 */
export async function markReadAndExpectOneFewer(page: Page, title: string, markRead: () => Promise<void>): Promise<void> {
  let before: ListedNotification[] = [];
  await expect(async () => {
    before = await unreadOnServer(page);
    expect(await bellCount(page), 'the bell counts what the server has unread').toBe(before.length);
  }).toPass({ timeout: 10_000 });
  const target = before.find((notification) => notification.title === title);
  if (!target) throw new Error(`"${title}" is not among the unread notifications: ${before.map((n) => n.title).join('; ')}`);
  const known = new Set(before.map((notification) => notification.id));
  await markRead();
  await expect(async () => {
    const after = await unreadOnServer(page);
    const unread = new Set(after.map((notification) => notification.id));
    expect(unread.has(target.id), `"${title}" is read`).toBe(false);
    expect(before.filter((n) => n.id !== target.id && !unread.has(n.id)).map((n) => n.title), 'no other notification was read').toEqual([]);
    const arrived = after.filter((notification) => !known.has(notification.id));
    expect(arrived.filter((n) => n.link === target.link).map((n) => n.title), 'nothing new arrived about the same subject').toEqual([]);
    expect(await bellCount(page), `the bell: one fewer than ${before.length}, plus ${arrived.length} arrived meanwhile`).toBe(before.length - 1 + arrived.length);
  }).toPass({ timeout: 10_000 });
}

/**
 * Puts the caret in a report editor right before (or after) the first occurrence of some words, and waits until the
 * editor has it. Arrow keys pressed faster than a person could were sometimes undone by a change arriving in between
 * (a collaborator's presence, the comments' highlights), and the test then typed in the wrong place.
 */
export async function placeCaret(editor: Locator, at: { before: string } | { after: string }): Promise<void> {
  const words = 'before' in at ? at.before : at.after;
  const after = 'after' in at;
  await editor.evaluate(
    (element, { words, after }) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const index = node.textContent?.indexOf(words) ?? -1;
        if (index < 0) continue;
        (element as HTMLElement).focus();
        getSelection()?.collapse(node, index + (after ? words.length : 0));
        return;
      }
      throw new Error(`"${words}" is not in the editor`);
    },
    { words, after },
  );
  const around = () =>
    editor.evaluate(
      (element, { length, after }) => {
        const { state } = (element as unknown as { editor: { state: { doc: { textBetween(from: number, to: number): string }; selection: { from: number } } } }).editor;
        const from = state.selection.from;
        return after ? state.doc.textBetween(Math.max(0, from - length), from) : state.doc.textBetween(from, from + length);
      },
      { length: words.length, after },
    );
  await expect.poll(around).toBe(words);
}

