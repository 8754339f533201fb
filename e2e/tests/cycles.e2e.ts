import { expect, expectAccessible, signIn, test } from './fixtures';

test('a country team moves a cycle from plan to act with a milestone done and enters data; its regional office sees the stage and the chart', async ({ page, openAs }) => {
  const title = `Housing and health ${Date.now()}`;
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Cycles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Action-learning cycles' })).toBeVisible();
  await page.getByRole('link', { name: 'New initiative' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('What will improve').fill('Fewer respiratory admissions among children in informal settlements');
  await page.getByLabel('By how much').fill('by 20 %');
  await page.getByLabel('Environmental').check();
  await page.getByLabel('Housing').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Create initiative' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Driver diagram: a primary driver and a change idea two levels below.
  await page.getByLabel('New driver or change idea').fill('Safe housing');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('.driver-tree')).toContainText('Safe housing');

  // Plan the first cycle and start it.
  await page.getByLabel('Cycle title').fill('Community air-quality monitors');
  await page.getByLabel('Objective').fill('Alert households on bad-air days');
  await page.getByRole('button', { name: 'Start cycle 1' }).click();
  const panel = page.locator('.cycle-panel');
  await expect(panel.getByRole('heading', { name: /Cycle 1: Community air-quality monitors/ })).toBeVisible();

  // A milestone, moved to done with the keyboard alternative to dragging.
  await panel.getByRole('textbox', { name: 'Milestone' }).fill('Install five monitors');
  await panel.getByRole('button', { name: 'Add milestone' }).click();
  const card = panel.locator('.milestone-card', { hasText: 'Install five monitors' });
  await expect(card).toBeVisible();
  await card.focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(panel.locator('.board-column', { hasText: 'Doing' }).locator('.milestone-card')).toContainText('Install five monitors');
  // Focus follows the card into its new column, so the next key press moves it on.
  await expect(card).toBeFocused();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(panel.locator('.board-column', { hasText: 'Done' }).locator('.milestone-card')).toContainText('Install five monitors');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(panel.locator('.board-column', { hasText: 'Doing' }).locator('.milestone-card')).toContainText('Install five monitors');
  await panel.getByRole('button', { name: 'Move “Install five monitors” to the next column' }).click();
  await expect(panel.locator('.board-column', { hasText: 'Done' }).locator('.milestone-card')).toContainText('Install five monitors');

  await panel.getByRole('button', { name: 'Move to Act' }).click();
  await expect(panel.locator('.stage-current')).toContainText('Act');

  // An observation dated before the cycle started is refused in the form; one with an attached file is kept.
  const observations = panel.getByRole('form', { name: 'Add observation' });
  await observations.getByLabel('Observed on').fill('2020-01-15');
  await observations.getByLabel('What did you observe?').fill('First alerts reached two schools');
  await observations.getByRole('button', { name: 'Add observation' }).click();
  await expect(observations.getByText(/^The cycle started on .*: choose that day or a later one$/)).toBeVisible();
  await observations.getByLabel('Attach files (optional)').setInputFiles({ name: 'alert-log.csv', mimeType: 'text/csv', buffer: Buffer.from('day,alerts\n1,12\n') });
  await expect(observations.getByRole('list', { name: 'Attached files' })).toContainText('alert-log.csv');
  await observations.getByLabel('Observed on').fill(await page.evaluate(() => new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Nairobi' }).format(new Date())));
  await observations.getByRole('button', { name: 'Add observation' }).click();
  const evidence = panel.locator('.observation-list').getByRole('link', { name: 'File: alert-log.csv' });
  await expect(evidence).toBeVisible();
  const download = page.waitForEvent('download');
  await evidence.click();
  expect((await download).suggestedFilename()).toBe('alert-log.csv');

  // A measure with data points entered in the form.
  await page.getByRole('button', { name: 'New measure' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Households receiving alerts');
  await page.getByLabel('Chart').selectOption('xmr');
  await page.getByRole('button', { name: 'Add measure' }).click();
  const measure = page.locator('.card', { has: page.getByRole('heading', { name: 'Households receiving alerts' }) });
  const points = [['2026-08-01', '12'], ['2026-09-01', '15'], ['2026-10-01', '14'], ['2026-11-01', '19']];
  for (const [index, [date, value]] of points.entries()) {
    await measure.getByLabel('Date').fill(date);
    await measure.getByLabel('Value').fill(value);
    await measure.getByRole('button', { name: 'Add data point' }).click();
    await expect(measure.locator('summary', { hasText: /data points?$/ })).toHaveText(index === 0 ? '1 data point' : `${index + 1} data points`);
  }
  await expect(measure.getByRole('img', { name: 'Chart of Households receiving alerts' })).toBeVisible();
  await expectAccessible(page);

  // The chart goes into a progress report as a live node.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('button', { name: 'New report' }).click();
  const newReport = page.getByRole('dialog', { name: 'New report' });
  await newReport.getByLabel('Title').fill(`Progress with a chart ${Date.now()}`);
  await newReport.getByLabel('Template').selectOption({ label: 'Blank report' });
  await newReport.getByRole('button', { name: 'Create report' }).click();
  await expect(page.getByRole('textbox', { name: 'Report text' })).toBeVisible();
  await page.getByRole('button', { name: 'Insert chart' }).click();
  await page.getByLabel('Measure', { exact: true }).selectOption({ label: `Kenya country pathfinder · ${title} · Households receiving alerts` });
  await page.getByRole('button', { name: 'Insert', exact: true }).click();
  const reportText = page.getByRole('textbox', { name: 'Report text' });
  await expect(reportText.getByRole('img', { name: 'Chart of Households receiving alerts' })).toBeVisible();
  // Typing on goes after the chart and never replaces it.
  await page.keyboard.type('Alerts reached more households each month.');
  await expect(reportText).toContainText('Alerts reached more households each month.');
  await expect(reportText.getByRole('img', { name: 'Chart of Households receiving alerts' })).toBeVisible();

  // The regional office for Africa sees Kenya in act, and the chart.
  const afro = await openAs('afro.officer@demo.simashe.org');
  await afro.goto('/cycles');
  const row = afro.getByRole('row').filter({ has: afro.getByRole('rowheader', { name: /Kenya country pathfinder/ }) });
  await expect(row.locator('.stage-badge')).toHaveText('Act');
  await expect(afro.getByRole('img', { name: /World map of the pathfinders/ })).toBeVisible();
  await expectAccessible(afro);
  // Drill down to Kenya: the list, the map and the table show only its initiatives and row.
  await row.getByRole('button', { name: 'Kenya country pathfinder' }).click();
  await expect(afro.getByRole('button', { name: 'All pathfinders' })).toBeVisible();
  await expect(afro.locator('.data-table tbody tr')).toHaveCount(1);
  await afro.locator('.initiative-list').getByRole('link', { name: title }).click();
  await expect(afro.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(afro.getByRole('img', { name: 'Chart of Households receiving alerts' })).toBeVisible();
  // Read-only for the regional office.
  await expect(afro.getByRole('button', { name: 'Add data point' })).toHaveCount(0);
  await expect(afro.getByRole('button', { name: 'Move to Observe' })).toHaveCount(0);
});
