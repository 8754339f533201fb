import { expect, expectAccessible, signIn, test } from './fixtures';

const HEADER = 'setting,date,source,indicator_abbr,indicator_name,dimension,subgroup,estimate,se,ci_lb,ci_ub,population,flag,setting_average,iso3,favourable_indicator,indicator_scale,ordered_dimension,subgroup_order,reference_subgroup';
const line = (date: number, subgroup: string, estimate: string, reference: 0 | 1) =>
  `Kenya,${date},DHS ${date},sba,Births attended by skilled health personnel (%),Place of residence,${subgroup},${estimate},1.1,,,1000,,88.5,KEN,1,100,0,0,${reference}`;
const csv = (rural2022: string) => [HEADER, line(2014, 'Rural', '55.2', 0), line(2014, 'Urban', '88.0', 1), line(2022, 'Rural', rural2022, 0), line(2022, 'Urban', '96.3', 1)].join('\n') + '\n';

test('a country editor creates a dataset, sees an import refused line by line, imports the fixed file and explores it', async ({ page }, testInfo) => {
  const name = `Skilled birth attendance ${Date.now()}`;
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Health inequality monitoring' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Download a template (CSV)' })).toHaveAttribute('download', 'heat-plus-template.csv');

  await page.getByRole('button', { name: 'New dataset' }).click();
  const dialog = page.getByRole('dialog', { name: 'New dataset' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Description').fill('DHS 2014 and 2022, by place of residence.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Create dataset' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const datasetId = page.url().match(/datasets\/([0-9a-f-]+)/)?.[1] ?? '';

  // The tabs are a real tablist: the arrow keys move between them.
  const importTab = page.getByRole('tab', { name: 'Import' });
  await expect(importTab).toHaveAttribute('aria-selected', 'true');
  await importTab.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(importTab).toHaveAttribute('aria-selected', 'true');

  // A file with a wrong estimate on line 4: the problem is worded, with its line and column, and nothing is saved.
  const file = page.getByLabel('File to import');
  await file.setInputFiles({ name: 'sba.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('n/a')) });
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await expect(page.getByText('1 problem found: nothing was saved.')).toBeVisible();
  // Focus moves to the outcome, so keyboard and screen-reader users land on it.
  await expect(page.locator(':focus')).toContainText('1 problem found: nothing was saved.');
  const report = page.getByRole('region', { name: 'Problems in the file' });
  const problem = report.getByRole('row').filter({ hasText: '“estimate” must be a number, not “n/a”.' });
  await expect(problem.getByRole('cell').first()).toHaveText('4');
  await expect(problem.getByRole('cell').nth(1)).toHaveText('estimate');
  await expectAccessible(page);

  await file.setInputFiles({ name: 'sba.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('71.4')) });
  await page.getByRole('button', { name: 'Upload and check' }).click();
  await expect(page.getByText('Version 1 saved, 4 rows.')).toBeVisible();

  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByRole('region', { name: 'Versions', exact: true }).last().getByRole('row')).toHaveCount(2);

  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect(page.getByLabel('Indicator', { exact: true })).toHaveValue('sba');
  await expect(page.getByLabel('Year', { exact: true })).toHaveValue('2022');
  const bars = page.getByRole('img', { name: /^Estimates by subgroup: Births attended/ });
  await expect(bars.locator('canvas')).toHaveCount(1);
  await expect(page.getByRole('img', { name: /^Estimates with their 95 % confidence intervals/ }).locator('canvas')).toHaveCount(1);
  const data = page.getByRole('region', { name: 'Data', exact: true }).last();
  await expect(data.getByRole('row', { name: /Urban \(reference\)/ })).toContainText('96.3');
  await expect(data.getByRole('row', { name: /Rural/ })).toContainText('71.4');
  await expect(page.getByRole('link', { name: 'Data as CSV' })).toHaveAttribute('href', new RegExp(`/api/datasets/${datasetId}/export\\?.*format=csv`));
  const exported = await page.request.get((await page.getByRole('link', { name: 'Data as CSV' }).getAttribute('href')) ?? '');
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toContain('71.4');
  await page.getByLabel('Year', { exact: true }).selectOption('2014');
  await expect(data.getByRole('row', { name: /Rural/ })).toContainText('55.2');
  await expectAccessible(page);
  // Two years of a binary dimension: the difference (the default measure) has a trend, and a measures table. Only the
  // measures HEAT computes for two subgroups are offered and listed, none "needs more than two subgroups".
  await expect(page.getByRole('img', { name: /^Difference: Births attended/ }).locator('canvas')).toHaveCount(1);
  await expect(page.getByLabel('Summary measure', { exact: true }).locator('option')).toHaveText(['Difference', 'Ratio', 'Population attributable risk', 'Population attributable fraction']);
  const measures = page.getByRole('region', { name: 'Summary measures, 2014', exact: true }).last();
  await expect(measures.getByRole('row', { name: /^Difference/ })).toContainText('32.8');
  await expect(measures.getByRole('row')).toHaveCount(5);
  await expect(measures).not.toContainText('Needs more than two subgroups');
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByRole('img', { name: /^Difference against the setting average/ }).locator('canvas')).toHaveCount(1);
  await expect(page.getByRole('row', { name: /Kenya/ })).toHaveAttribute('aria-current', 'true');
  await expectAccessible(page);

  // On a 390 px phone the page does not scroll sideways: wide tables scroll in their own box.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('tab', { name: 'Explore' }).click();
  await expect(data.getByRole('row', { name: /Rural/ })).toBeVisible();
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, 'no horizontal scroll').toBeLessThanOrEqual(widths.client);
  await page.screenshot({ path: testInfo.outputPath('monitoring-explore-phone.png'), fullPage: true });
});

test('an organisation admin deletes a dataset after confirming; only the secretariat may publish it', async ({ page }) => {
  const name = `Dataset to delete ${Date.now()}`;
  await signIn(page, 'kenya.admin@demo.simashe.org');
  await page.goto('/monitoring');
  await page.getByRole('button', { name: 'New dataset' }).click();
  await page.getByRole('dialog', { name: 'New dataset' }).getByLabel('Name').fill(name);
  await page.getByRole('dialog', { name: 'New dataset' }).getByRole('button', { name: 'Create dataset' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByText('No version yet. Import a file to create the first one.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Publish to the network' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Delete dataset' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this dataset?' });
  await expect(confirm).toContainText(name);
  await confirm.getByRole('button', { name: 'Delete dataset' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Health inequality monitoring' })).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);
});
