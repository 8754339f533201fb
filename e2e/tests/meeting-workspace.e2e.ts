import { DateTime } from 'luxon';

import { expect, expectAccessible, markReadAndExpectOneFewer, signIn, test } from './fixtures';

test('find a time across zones, agenda, co-edited minutes with an action item, calendar views, change this and following', async ({ page, openAs }) => {
  await signIn(page, 'secretariat.admin@demo.simashe.org');
  await page.goto('/meetings');
  await page.getByRole('button', { name: 'New meeting' }).click();
  const form = page.getByRole('dialog', { name: 'Schedule a meeting' });
  const title = `Reflection session ${Date.now()}`;
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Organiser’s time zone', { exact: true }).selectOption('Europe/Zurich');
  await form.getByLabel('Kenya country pathfinder').check();

  // Find a time: Geneva (09:00–17:00 Zurich) and Nairobi (09:00–17:00 Nairobi) share their working mornings.
  await form.getByRole('button', { name: 'Find a time' }).click();
  await expect(form.getByText('Kenya country pathfinder: 09:00–17:00 (Africa/Nairobi)')).toBeVisible();
  const overlaps = form.locator('.fat-overlaps li');
  await expect(overlaps).toHaveCount(5);
  // Times in the locale's own clock (en-US: 12-hour), as everywhere else. Nairobi's 17:00 (UTC+3 all year) is 15:00
  // in Zurich, or 16:00 when next week is in Zurich's summer time.
  const nextMonday = DateTime.now().setZone('Europe/Zurich').startOf('week').plus({ weeks: 1 });
  const sharedUntil = DateTime.fromObject({ year: nextMonday.year, month: nextMonday.month, day: nextMonday.day, hour: 17 }, { zone: 'Africa/Nairobi' }).setZone('Europe/Zurich').hour;
  await expect(overlaps.first()).toContainText(new RegExp(`9:00\\sAM–${sharedUntil - 12}:00\\sPM`));
  await overlaps.first().getByRole('button', { name: 'Use this time' }).click();
  await expect(form.getByLabel('Starts (organiser’s local time)')).toHaveValue(/T09:00$/);
  await expect(form.getByLabel('Ends (organiser’s local time)')).toHaveValue(/T10:00$/);
  await expectAccessible(page);
  await form.getByLabel('Repeats').selectOption('weekly');
  await form.getByLabel('Number of occurrences').fill('3');
  await form.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('link', { name: 'Meetings and webinars' }).click();

  // Week view of next week shows it at 09:00; month view has it too.
  const calendar = page.getByRole('region', { name: 'Calendar', exact: true });
  await expect(calendar.getByRole('listitem').filter({ hasText: title })).toHaveCount(3);
  await calendar.getByRole('button', { name: 'Week' }).click();
  await calendar.getByRole('button', { name: 'Next' }).click();
  await expect(calendar.getByRole('link', { name: new RegExp(`^9:00.AM ${title}$`) })).toBeVisible();
  await calendar.getByRole('button', { name: 'Month' }).click();
  await expect(calendar.getByRole('table')).toBeVisible();
  // The series starts next Monday: in this month's grid, or in the next month's when that Monday is in it.
  const chips = calendar.getByRole('link', { name: new RegExp(title) });
  if ((await chips.count()) === 0) await calendar.getByRole('button', { name: 'Next' }).click();
  await expect(chips.first()).toBeVisible();
  await expectAccessible(page);
  await chips.first().click();

  // Agenda: ordered items with presenter and minutes.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const agenda = page.getByRole('region', { name: 'Agenda' });
  await agenda.getByRole('button', { name: 'Edit agenda' }).click();
  await agenda.getByRole('button', { name: 'Add an item' }).click();
  await agenda.getByLabel('Item 1', { exact: true }).fill('Country round');
  await agenda.getByLabel('Presenter', { exact: true }).first().fill('Kenya');
  await agenda.getByRole('button', { name: 'Add an item' }).click();
  await agenda.getByLabel('Item 2', { exact: true }).fill('Reflection');
  await agenda.getByLabel('Minutes', { exact: true }).nth(1).fill('20');
  await agenda.getByRole('button', { name: 'Move item 2 up' }).click();
  await agenda.getByRole('button', { name: 'Save agenda' }).click();
  await expect(agenda.getByRole('listitem')).toHaveText([/Reflection · 20 min/, /Country round · Kenya · 15 min/]);
  await expect(agenda).toContainText('35 minutes in total');

  // Minutes of the first session, written by two people at once.
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await sessions.getByRole('listitem').first().getByRole('link', { name: 'Minutes' }).click();
  const editor = page.getByRole('textbox', { name: 'Minutes text' });
  await expect(editor).toContainText(`Minutes: ${title}`);
  await expect(editor).toContainText('1. Reflection (20 min)');
  const minutesUrl = page.url();

  const kenyan = await openAs('kenya.editor@demo.simashe.org');
  await kenyan.goto(minutesUrl);
  const theirEditor = kenyan.getByRole('textbox', { name: 'Minutes text' });
  await expect(theirEditor).toContainText('2. Country round (Kenya, 15 min)');
  await expect(page.getByRole('list', { name: 'People in this report' }).getByRole('listitem')).toHaveCount(2);
  await theirEditor.locator('div[data-action-item]').click();
  await kenyan.keyboard.type('Share the housing survey data');
  await expect(editor.locator('div[data-action-item]')).toContainText('Share the housing survey data');

  await editor.locator('div[data-action-item]').click();
  await page.getByLabel('Owner').selectOption({ label: 'Otieno Odhiambo' });
  await page.getByLabel('Due').fill('2027-01-15');
  await expect(theirEditor.locator('div[data-action-item]')).toHaveAttribute('data-owner-name', 'Otieno Odhiambo');
  await expect(theirEditor.locator('div[data-action-item]')).toHaveAttribute('data-due-date', '2027-01-15');
  // Shown as the reader's language writes the day, not as stored.
  await expect(theirEditor.locator('div[data-action-item]')).toHaveAttribute('data-due-text', /^(15 Jan 2027|Jan 15, 2027)$/);
  await expect(page.getByRole('status')).toContainText('all changes saved');
  await expectAccessible(page);

  // Listed on the meeting page.
  await page.getByRole('link', { name: title }).click();
  const actions = page.getByRole('region', { name: 'Action items' });
  await expect(actions.getByRole('row').filter({ hasText: 'Share the housing survey data' })).toContainText('Otieno Odhiambo');
  await expect(actions).toContainText('2027-01-15');

  // Move only the third session to 16:00; the list shows it as moved.
  const third = page.getByRole('region', { name: 'Sessions' }).getByRole('listitem').nth(2);
  await third.getByRole('button', { name: 'Change this session' }).click();
  const thirdStart = await third.getByLabel('Starts (organiser’s local time)').inputValue();
  await third.getByLabel('Starts (organiser’s local time)').fill(thirdStart.replace('T09:00', 'T16:00'));
  await third.getByLabel('Ends (organiser’s local time)').fill(thirdStart.replace('T09:00', 'T17:00'));
  await third.getByRole('button', { name: 'Move this session' }).click();
  await expect(third).toContainText('moved');
  await expect(third).toContainText('4:00 PM');

  // Change this and following: from the second session on, one hour later; the first stays.
  const second = page.getByRole('region', { name: 'Sessions' }).getByRole('listitem').nth(1);
  await second.getByRole('button', { name: 'Change this and following' }).click();
  const start = second.getByLabel('Starts (organiser’s local time)');
  const startValue = await start.inputValue();
  await start.fill(startValue.replace('T09:00', 'T10:00'));
  await second.getByLabel('Ends (organiser’s local time)').fill(startValue.replace('T09:00', 'T11:00'));
  await second.getByRole('button', { name: 'Apply to this and following' }).click();
  await expect(page).not.toHaveURL(minutesUrl);
  await expect(page.getByRole('region', { name: 'Sessions' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Agenda' }).getByRole('listitem')).toHaveCount(2);
});

test('a meeting reminder arrives in the inbox, with the unread count in the shell', async ({ page }) => {
  await signIn(page, 'kenya.admin@demo.simashe.org');
  await page.goto('/meetings');
  await page.getByRole('button', { name: 'New meeting' }).click();
  const form = page.getByRole('dialog', { name: 'Schedule a meeting' });
  const title = `Short-notice call ${Date.now()}`;
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Kind').selectOption('steering_meeting');
  await form.getByLabel('Organiser’s time zone', { exact: true }).selectOption('UTC');
  await form.getByLabel('Starts (organiser’s local time)').fill(new Date(Date.now() + 10 * 60_000).toISOString().slice(0, 16));
  await form.getByLabel('Ends (organiser’s local time)').fill(new Date(Date.now() + 40 * 60_000).toISOString().slice(0, 16));
  await form.getByRole('button', { name: 'Schedule' }).click();

  // Earlier journeys may have left other notifications (invitations); the reminder arrives on top of them.
  const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible({ timeout: 45_000 });
  await bell.click();
  const reminder = page.getByRole('listitem').filter({ hasText: `Reminder: ${title}` });
  await expect(reminder).toContainText('Meeting reminder', { timeout: 45_000 });
  await expectAccessible(page);
  // Exactly one fewer, counting in what arrives meanwhile (a demo meeting's reminder can fall due at any hour).
  await markReadAndExpectOneFewer(page, `Reminder: ${title}`, () => reminder.getByRole('button', { name: 'Mark as read' }).click());
  await expect(reminder.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);
});
