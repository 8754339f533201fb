import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures';

async function pdfSize(page: Page): Promise<number> {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'PDF', exact: true }).click();
  const file = await download;
  const path = await file.path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  return bytes.length;
}

test('an inequality chart goes into a progress report, live in the editor and drawn in its PDF', async ({ page, openAs }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('button', { name: 'New report' }).click();
  const newReport = page.getByRole('dialog', { name: 'New report' });
  await newReport.getByLabel('Title').fill(`Equity evidence ${Date.now()}`);
  await newReport.getByLabel('Template').selectOption({ label: 'Blank report' });
  await newReport.getByRole('button', { name: 'Create report' }).click();
  const reportText = page.getByRole('textbox', { name: 'Report text' });
  await expect(reportText).toBeVisible();
  const blank = await pdfSize(page);

  await page.getByRole('button', { name: 'Insert chart' }).click();
  await page.getByLabel('Chart of', { exact: true }).selectOption('monitoring');
  await page.getByLabel('Dataset', { exact: true }).selectOption({ label: 'Kenya country pathfinder · Kenya DHS equity extract – DEMO (made-up figures)' });
  await expect(page.getByLabel('Indicator', { exact: true })).toBeVisible();
  await page.getByLabel('Dimension of inequality', { exact: true }).selectOption('Economic status (wealth quintile)');
  await page.getByLabel('Year', { exact: true }).selectOption('2022');
  await page.getByRole('button', { name: 'Insert this chart' }).click();
  const chart = reportText.getByRole('img', { name: /^Chart: .*Economic status \(wealth quintile\) · Kenya · 2022/ });
  await expect(chart.locator('canvas')).toHaveCount(1);
  await expect(reportText.locator('figcaption')).toContainText('Data version 1');
  await expectAccessible(page);

  // A colleague sees the same chart live.
  const admin = await openAs('kenya.admin@demo.simashe.org');
  await admin.goto(page.url());
  await expect(admin.getByRole('textbox', { name: 'Report text' }).getByRole('img', { name: /^Chart: .*Kenya · 2022/ })).toBeVisible();

  // The export draws the chart (as vector paths, compressed): the PDF grows by the picture, ~4.7 kB here.
  const withChart = await pdfSize(page);
  expect(withChart).toBeGreaterThan(blank + 2_500);
});
