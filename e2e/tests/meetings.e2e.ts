import { readFileSync } from 'node:fs';
import { expect, expectAccessible, signIn, test } from './fixtures';

const DAY = 86_400_000;

/**
 * A weekly series starting on a Tuesday at least two days ahead, 14:00 in Zurich: every occurrence is still to come
 * whatever the date and hour the suite runs at, in every viewer's zone.
 */
function comingSeries() {
  const day = new Date(Date.now() + 2 * DAY);
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1);
  const date = (offsetDays: number) => new Date(day.getTime() + offsetDays * DAY).toISOString().slice(0, 10);
  // The instant of 14:00 in Zurich that day (CET or CEST).
  const at = (ymd: string) =>
    [1, 2].map((offset) => new Date(`${ymd}T${String(14 - offset).padStart(2, '0')}:00:00Z`)).find(
      (instant) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Zurich' }).format(instant) === '14',
    ) as Date;
  const shown = (instant: Date, timeZone: string) =>
    new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(instant).replace(/\u202f/g, ' ');
  const long = (ymd: string) => new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${ymd}T12:00:00Z`));
  return { first: date(0), second: date(7), at, shown, long, compact: (ymd: string) => ymd.replaceAll('-', '') };
}

test('a recurring webinar from Geneva shows at the right local time in Nairobi; RSVP, ICS, cancelled occurrence disappears', async ({ page, openAs }) => {
  await signIn(page, 'secretariat.admin@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'New meeting' }).click();
  const form = page.getByRole('dialog', { name: 'Schedule a meeting' });
  const title = `Equity webinar ${Date.now()}`;
  const series = comingSeries();
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Kind').selectOption('webinar');
  await form.getByLabel('Starts (organiser’s local time)').fill(`${series.first}T14:00`);
  await form.getByLabel('Ends (organiser’s local time)').fill(`${series.first}T15:00`);
  await form.getByLabel('Organiser’s time zone', { exact: true }).selectOption('Europe/Zurich');
  await form.getByLabel('Repeats').selectOption('weekly');
  await form.getByLabel('Number of occurrences').fill('4');
  await form.getByLabel('Conferencing link (https://…)').fill('https://meet.example.org/equity');
  await form.getByLabel('Capacity (seats; empty for no limit)').fill('40');
  await form.getByLabel('Kenya country pathfinder').check();
  await form.getByRole('button', { name: 'Schedule' }).click();
  // Confirmed, and the new meeting is shown.
  await expect(page.getByRole('status').filter({ hasText: `Meeting scheduled: ${title}` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('link', { name: 'Meetings and webinars' }).click();
  const upcoming = page.getByRole('region', { name: 'Calendar', exact: true });
  await expect(upcoming.getByRole('listitem').filter({ hasText: title })).toHaveCount(4);
  await expectAccessible(page);

  const kenyan = await openAs('kenya.viewer@demo.simashe.org');
  await kenyan.goto('/meetings');
  const items = kenyan.getByRole('region', { name: 'Calendar', exact: true }).getByRole('listitem').filter({ hasText: title });
  await expect(items).toHaveCount(4);
  const first = items.first();
  // 14:00 in Geneva is 16:00 in Nairobi in winter (15:00 in summer); the organiser's time is shown beside it.
  const firstStart = series.at(series.first);
  await expect(first).toContainText(series.shown(firstStart, 'Africa/Nairobi'));
  await expect(first).toContainText(`${series.shown(firstStart, 'Europe/Zurich')} for the organiser (Europe/Zurich)`);
  await first.getByRole('button', { name: 'Yes' }).click();
  await expect(first.getByRole('button', { name: 'Yes' })).toHaveAttribute('aria-pressed', 'true');
  await expect(first).toContainText('0 of 40 seats taken, 0 waiting');
  await first.getByRole('button', { name: 'Register' }).click();
  await expect(first).toContainText('You are registered.');
  await expect(first).toContainText('1 of 40 seats taken');

  const download = kenyan.waitForEvent('download');
  await first.getByRole('link', { name: 'Add to calendar (.ics)' }).click();
  const ics = readFileSync((await (await download).path()) as string, 'utf8');
  expect(ics).toContain('RRULE:FREQ=WEEKLY;COUNT=4');
  expect(ics).toContain(`DTSTART;TZID=Europe/Zurich:${series.compact(series.first)}T140000`);

  // The organiser cancels the second occurrence: it disappears for the invitee and from the calendar file.
  const second = upcoming.getByRole('listitem').filter({ hasText: title }).nth(1);
  await expect(second).toContainText(series.long(series.second));
  await second.getByRole('button', { name: 'Cancel this occurrence' }).click();
  // Asked first, starting on "Cancel": Escape keeps the session.
  const confirm = page.getByRole('dialog', { name: 'Cancel this occurrence' });
  await expect(confirm).toContainText(series.long(series.second));
  await page.keyboard.press('Escape');
  await expect(upcoming.getByRole('listitem').filter({ hasText: title })).toHaveCount(4);
  await second.getByRole('button', { name: 'Cancel this occurrence' }).click();
  await confirm.getByRole('button', { name: 'Cancel this occurrence' }).click();
  await expect(upcoming.getByRole('listitem').filter({ hasText: title })).toHaveCount(3);
  await kenyan.reload();
  await expect(items).toHaveCount(3);
  await expect(items.filter({ hasText: series.long(series.second) })).toHaveCount(0);
  const again = kenyan.waitForEvent('download');
  await items.first().getByRole('link', { name: 'Add to calendar (.ics)' }).click();
  expect(readFileSync((await (await again).path()) as string, 'utf8')).toContain(`EXDATE;TZID=Europe/Zurich:${series.compact(series.second)}T140000`);

  // The personal feed carries the same series, without the cancelled occurrence.
  const feedCard = kenyan.getByRole('region', { name: 'Your calendar feed' });
  await feedCard.getByRole('button', { name: 'Create a new feed link' }).click();
  const feedUrl = await feedCard.getByLabel('Calendar feed link').inputValue();
  const feed = await (await kenyan.request.get(feedUrl)).text();
  expect(feed).toContain(`EXDATE;TZID=Europe/Zurich:${series.compact(series.second)}T140000`);
  expect(feed).toContain('SUMMARY:' + title);
});

test('people check in while a meeting is on', async ({ page }) => {
  await signIn(page, 'kenya.admin@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Meetings' }).click();
  await page.getByRole('button', { name: 'New meeting' }).click();
  const form = page.getByRole('dialog', { name: 'Schedule a meeting' });
  const title = `Steering ${Date.now()}`;
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Kind').selectOption('steering_meeting');
  await form.getByLabel('Organiser’s time zone', { exact: true }).selectOption('UTC');
  await form.getByLabel('Starts (organiser’s local time)').fill(new Date(Date.now() - 5 * 60_000).toISOString().slice(0, 16));
  await form.getByLabel('Ends (organiser’s local time)').fill(new Date(Date.now() + 55 * 60_000).toISOString().slice(0, 16));
  await form.getByRole('button', { name: 'Schedule' }).click();
  const item = page.getByRole('region', { name: 'Sessions' }).getByRole('listitem').filter({ hasText: title });
  await item.getByRole('button', { name: 'Check in' }).click();
  await expect(item).toContainText('You attended.');
  await expect(item).toContainText('1 attended');
});

test('new meeting dialog: errors at the field; a guest answers the whole series at once; the organiser sees counts and reminds the rest', async ({ page, openAs }) => {
  await signIn(page, 'secretariat.admin@demo.simashe.org');
  await page.goto('/meetings');

  // "Show times in" is searchable, shows offsets, and is remembered across reloads.
  const calendar = page.getByRole('region', { name: 'Calendar', exact: true });
  // Typing selects the first match (the select follows the search), the arrow keys move through the matches.
  const zoneSearch = calendar.getByLabel('Search time zones (Show times in)');
  await zoneSearch.fill('nairobi');
  await expect(calendar.getByLabel('Show times in', { exact: true })).toHaveValue('Africa/Nairobi');
  await expect(calendar.getByRole('status').filter({ hasText: 'Selected: (UTC+03:00) Nairobi · Africa/Nairobi.' })).toBeVisible();
  await zoneSearch.fill('africa');
  await expect(calendar.getByLabel('Show times in', { exact: true })).toHaveValue('Africa/Nairobi'); // still a match: kept
  await zoneSearch.press('ArrowUp');
  await expect(calendar.getByLabel('Show times in', { exact: true })).not.toHaveValue('Africa/Nairobi');
  await expect(calendar.getByLabel('Show times in', { exact: true })).toHaveValue(/^Africa\//);
  await expect(zoneSearch).toBeFocused();
  await zoneSearch.press('ArrowDown');
  await expect(calendar.getByLabel('Show times in', { exact: true })).toHaveValue('Africa/Nairobi');
  await calendar.getByLabel('Show times in', { exact: true }).selectOption('Africa/Nairobi');
  await expect(calendar.getByLabel('Show times in', { exact: true }).locator('option:checked')).toHaveText('(UTC+03:00) Nairobi · Africa/Nairobi');
  await page.reload();
  await expect(calendar.getByLabel('Show times in', { exact: true })).toHaveValue('Africa/Nairobi');
  // The week view marks today.
  await calendar.getByRole('button', { name: 'Week' }).click();
  await expect(calendar.locator('section[aria-current="date"]')).toHaveCount(1);
  // ... with a line at the current time, and opens at working hours (08:00, or an hour before an earlier meeting).
  await expect(calendar.locator('section[aria-current="date"]').getByRole('img', { name: /^Now, / })).toHaveCount(1);
  const grid = calendar.getByRole('group', { name: /^Week grid/ });
  const opening = Number(await grid.getAttribute('data-opening-hour'));
  expect(opening).toBeLessThanOrEqual(8);
  await expect.poll(() => grid.evaluate((element) => Math.round(element.scrollTop / (element.scrollHeight / 24)))).toBe(opening);

  await page.getByRole('button', { name: 'New meeting' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule a meeting' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog.getByText('Give the meeting a title.')).toBeVisible();
  await expect(dialog.getByLabel('Title')).toBeFocused();

  const title = `Learning series ${Date.now()}`;
  const series = comingSeries();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Starts (organiser’s local time)').fill(`${series.first}T14:00`);
  await dialog.getByLabel('Ends (organiser’s local time)').fill(`${series.first}T13:00`);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog.getByText('The end must come after the start.')).toBeVisible();
  await expect(dialog.getByLabel('Ends (organiser’s local time)')).toBeFocused();
  await dialog.getByLabel('Ends (organiser’s local time)').fill(`${series.first}T15:30`);

  // Old zone names find the current one; the list offers canonical ids only.
  const zone = dialog.getByLabel('Organiser’s time zone', { exact: true });
  await dialog.getByLabel('Search time zones (Organiser’s time zone)').fill('calcutta');
  await expect(zone.locator('option', { hasText: 'Asia/Kolkata' })).toHaveCount(1);
  await expect(zone).toHaveValue('Asia/Kolkata');
  await expect(zone.locator('option[value="Asia/Calcutta"]')).toHaveCount(0);
  await dialog.getByLabel('Search time zones (Organiser’s time zone)').fill('zurich');
  await expect(zone).toHaveValue('Europe/Zurich');
  // Enter in the search box keeps the choice and does not submit the dialog's form; Escape clears the search only.
  await dialog.getByLabel('Search time zones (Organiser’s time zone)').press('Enter');
  await dialog.getByLabel('Search time zones (Organiser’s time zone)').press('Escape');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Search time zones (Organiser’s time zone)')).toHaveValue('');
  await zone.selectOption('Europe/Zurich');
  await dialog.getByLabel('Repeats').selectOption('weekly');
  await dialog.getByLabel('Number of occurrences').fill('6');
  await dialog.getByLabel('Kenya country pathfinder').check();
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Meeting scheduled: ${title}` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const meetingUrl = page.url();

  // A Kenyan answers all six sessions with one click, then changes one; sessions show start–end.
  const kenyan = await openAs('kenya.viewer@demo.simashe.org');
  await kenyan.goto(meetingUrl);
  await kenyan.getByRole('button', { name: 'Yes to all' }).click();
  await expect(kenyan.getByRole('button', { name: 'Yes to all' })).toHaveAttribute('aria-pressed', 'true');
  const sessions = kenyan.getByRole('region', { name: 'Sessions' }).locator('li.occurrence');
  await expect(sessions).toHaveCount(6);
  await expect(kenyan.getByRole('region', { name: 'Sessions' }).getByRole('button', { name: 'Yes', exact: true, pressed: true })).toHaveCount(6);
  await sessions.nth(1).getByRole('button', { name: 'No', exact: true }).click();
  await expect(sessions.nth(1).getByRole('button', { name: 'No', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(kenyan.getByRole('button', { name: 'Yes to all' })).toHaveAttribute('aria-pressed', 'false');
  const start = series.at(series.first);
  const endTime = new Intl.DateTimeFormat('en-US', { timeStyle: 'short', timeZone: 'Africa/Nairobi' }).format(new Date(start.getTime() + 90 * 60_000)).replace(/\u202f/g, ' ');
  await expect(sessions.first().locator('.occurrence-time')).toHaveText(`${series.shown(start, 'Africa/Nairobi')}–${endTime}`);

  // The organiser's guest list: counts overall and per organisation; a reminder to those who have not answered, once a day.
  await page.reload();
  const guests = page.getByRole('region', { name: 'Guests' });
  await expect(guests.getByRole('list', { name: 'Answers', exact: true })).toContainText('1 yes');
  const kenya = guests.getByRole('region', { name: 'Kenya country pathfinder' });
  await expect(kenya.getByRole('list', { name: 'Answers from Kenya country pathfinder' })).toContainText('1 yes');
  await expect(kenya.getByText('Coming')).toHaveCount(1);
  await guests.getByLabel('Session').selectOption({ index: 1 });
  await expect(guests.getByRole('list', { name: 'Answers', exact: true })).toContainText('1 no');
  await guests.getByRole('button', { name: /^Remind the \d+ (person|people) who (has|have) not answered$/ }).click();
  await expect(guests.getByRole('status')).toContainText(/Reminder sent to \d+ people’s inboxes|Reminder sent to 1 person’s inbox/);
  // The button is disabled while it sends: focus goes to the outcome, not to the top of the page.
  await expect(guests.locator('.remind-result')).toBeFocused();
  await guests.getByRole('button', { name: /^Remind the/ }).click();
  await expect(guests.getByRole('status')).toContainText('They were already reminded today');
  await expect(guests.locator('.remind-result')).toBeFocused();
  await expectAccessible(page);

  // In French, then in Arabic (right to left, six plural forms): the page speaks the language, axe stays clean.
  const language = page.getByRole('combobox').filter({ has: page.locator('option[value="ar"]') }).first();
  await language.selectOption('fr');
  await expect(page.getByRole('region', { name: 'Invités' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Oui à toutes' })).toBeVisible();
  await language.selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const arabicGuests = page.getByRole('region', { name: 'المدعوون' });
  await expect(arabicGuests.getByRole('list', { name: 'الردود', exact: true })).toContainText('لا: 1');
  await expect(page.getByRole('button', { name: 'نعم للجميع' })).toBeVisible();
  await expectAccessible(page);
  await language.selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

const PHONE = { width: 390, height: 844 };

async function expectNoHorizontalScroll(page: import('@playwright/test').Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth, 'no horizontal scroll').toBeLessThanOrEqual(clientWidth);
}

test('a busy day: "+N more" opens it in the week with focus on it; on a phone, month counts and the week as a list of days', async ({ page, openAs }, testInfo) => {
  // Four meetings on one day, two days ahead in Nairobi (the Kenyan admin's zone).
  const organiser = await openAs('kenya.editor@demo.simashe.org');
  const { csrfToken } = await (await organiser.request.get('/api/auth/session')).json();
  const organisations = (await (await organiser.request.get('/api/organisations')).json()).items as Array<{ id: string; name: string; relation: string }>;
  const kenya = organisations.find((o) => o.relation === 'member' && /Kenya/.test(o.name));
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Nairobi' }).format(new Date(Date.now() + 2 * DAY));
  const stamp = Date.now();
  const titles = [9, 10, 11, 12].map((hour) => `Busy day ${hour}:00 ${stamp}: a long title that a phone must show whole, not cut after a few letters`);
  for (const [index, title] of titles.entries()) {
    const hour = String(9 + index).padStart(2, '0');
    const created = await organiser.request.post('/api/meetings', {
      headers: { 'X-CSRF-Token': csrfToken },
      data: { organiserOrganisationId: kenya?.id, title, kind: 'intercountry_workshop', localStart: `${day}T${hour}:00`, localEnd: `${day}T${hour}:45`, timeZone: 'Africa/Nairobi', invitees: { organisationIds: [kenya?.id] } },
    });
    expect(created.status()).toBe(201);
  }

  await signIn(page, 'kenya.admin@demo.simashe.org');
  await page.goto('/meetings');
  const calendar = page.getByRole('region', { name: 'Calendar', exact: true });
  await calendar.getByRole('button', { name: 'Month' }).click();
  await expect(calendar.getByRole('table')).toBeVisible();
  const cell = calendar.locator(`td[data-day="${day}"]`);
  if ((await cell.count()) === 0) await calendar.getByRole('button', { name: 'Next' }).click();
  await cell.getByRole('button', { name: /more meetings? on .*: show the week$/ }).click();
  const opened = calendar.locator(`section[data-day="${day}"]`);
  await expect(opened).toBeFocused();
  await expect(calendar.getByRole('button', { name: 'Week' })).toHaveAttribute('aria-pressed', 'true');
  await expect(opened.getByRole('link', { name: new RegExp(`${stamp}`) })).toHaveCount(4);
  await page.screenshot({ path: testInfo.outputPath('desktop-week.png') });

  // On a phone: month cells show a count (titles in the tooltip), nothing scrolls sideways.
  await page.setViewportSize(PHONE);
  await calendar.getByRole('button', { name: 'Month' }).click();
  await expect(calendar.locator('.calendar-month .chip')).toHaveCount(0);
  const count = cell.getByRole('button', { name: /^\d+ meetings on .*: show the day$/ });
  await expect(count).toBeVisible();
  await expect(count).toHaveAttribute('title', new RegExp(titles[0]));
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('phone-month.png'), fullPage: true });

  // The count opens the day in the week, a list of days on a phone: focus on the day, every title whole.
  await count.click();
  await expect(opened).toBeFocused();
  const last = opened.getByRole('link', { name: new RegExp(titles[3]) });
  await expect(last).toBeVisible();
  const box = await last.boundingBox();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? Infinity) <= PHONE.width, 'the title fits the screen').toBe(true);
  await expect(last).toContainText(titles[3]);
  await expectNoHorizontalScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath('phone-week.png'), fullPage: true });

  // Today is named, with the current time placed among its meetings.
  await calendar.getByRole('button', { name: 'Today' }).click();
  const today = calendar.locator('section[aria-current="date"]');
  await expect(today).toHaveCount(1);
  await expect(today.getByRole('heading')).toHaveText(/^Today, /);
  await expect(today).toContainText('Now, ');
});
