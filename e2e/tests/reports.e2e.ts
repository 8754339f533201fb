import type { Page } from '@playwright/test';
import { expect, expectAccessible, signIn, test } from './fixtures';

async function createReport(page: Page, title: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports' }).click();
  const card = page.getByRole('region', { name: 'New report' });
  await card.getByLabel('Title').fill(title);
  await card.getByLabel('Template').selectOption({ label: 'SIMASHE progress report' });
  await card.getByRole('button', { name: 'Create report' }).click();
  await expect(page.getByRole('textbox', { name: 'Report text' })).toContainText('Equity and inequality findings');
  return page.url();
}

test('two people co-edit a report live; a viewer cannot type', async ({ page, browser }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  const url = await createReport(page, `Live co-writing ${Date.now()}`);
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
  await expectAccessible(page);

  const adminContext = await browser.newContext();
  const viewerContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await signIn(admin, 'kenya.admin@demo.simashe.org');
    await admin.goto(url);
    const adminText = admin.getByRole('textbox', { name: 'Report text' });
    await expect(adminText).toContainText('Equity and inequality findings');
    // The template exists once, however many people joined.
    await expect(adminText.getByText('Equity and inequality findings', { exact: true })).toHaveCount(1);

    // The editor types under "Context"; the admin sees the words and the editor's named cursor.
    const editorText = page.getByRole('textbox', { name: 'Report text' });
    await editorText.getByText('The setting: population').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Nairobi county rolled out the housing programme.');
    await expect(adminText).toContainText('Nairobi county rolled out the housing programme.');
    await expect(admin.locator('.collaboration-carets__label', { hasText: 'Otieno Odhiambo' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'People in this report' }).getByRole('listitem')).toHaveCount(2);

    // And the other way round.
    await adminText.getByText('What got in the way').click();
    await admin.keyboard.press('End');
    await admin.keyboard.type(' Staff turnover in two districts.');
    await expect(editorText).toContainText('Staff turnover in two districts.');
    await expect(page.locator('.collaboration-carets__label', { hasText: 'Wanjiru Kamau' })).toBeVisible();

    const viewer = await viewerContext.newPage();
    await signIn(viewer, 'kenya.viewer@demo.simashe.org');
    await viewer.goto(url);
    const viewerText = viewer.getByRole('textbox', { name: 'Report text' });
    await expect(viewerText).toContainText('Staff turnover in two districts.');
    await expect(viewer.getByText('You can read this report but not edit it.')).toBeVisible();
    await expect(viewerText).toHaveAttribute('contenteditable', 'false');
    await viewerText.getByText('What got in the way').click();
    await viewer.keyboard.type('viewer typing');
    await expect(viewerText).not.toContainText('viewer typing');
    await expect(editorText).not.toContainText('viewer typing');
  } finally {
    await adminContext.close();
    await viewerContext.close();
  }
});

test('a submitted report turns read-only and shows on the regional office home page', async ({ page, browser }) => {
  await signIn(page, 'kenya.admin@demo.simashe.org');
  const title = `Submitted ${Date.now()}`;
  await createReport(page, title);
  await page.getByRole('button', { name: 'Submit report' }).click();
  await expect(page.getByText('This report is submitted and read-only until an admin reopens it.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Report text' })).toHaveAttribute('contenteditable', 'false');

  const officeContext = await browser.newContext();
  try {
    const office = await officeContext.newPage();
    await signIn(office, 'afro.officer@demo.simashe.org');
    const card = office.getByRole('region', { name: 'Submitted reports from your region' });
    await expect(card.getByRole('link', { name: title })).toBeVisible();
  } finally {
    await officeContext.close();
  }

  await page.getByRole('button', { name: 'Reopen (admin)' }).click();
  await expect(page.getByRole('textbox', { name: 'Report text' })).toHaveAttribute('contenteditable', 'true');
});

test('a named version can be viewed and restored, live for a collaborator', async ({ page, browser }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  const url = await createReport(page, `History ${Date.now()}`);
  const editorText = page.getByRole('textbox', { name: 'Report text' });
  await editorText.getByText('The setting: population').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' First wording.');
  await expect(page.getByRole('status').filter({ hasText: 'all changes saved' })).toBeVisible();
  const history = page.getByRole('region', { name: 'History' });
  await history.getByLabel('Version name').fill('Draft 1');
  await history.getByRole('button', { name: 'Save version' }).click();
  await expect(history.getByText('Draft 1')).toBeVisible();

  await page.keyboard.press('Control+End');
  await editorText.getByText('First wording.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Second wording.');
  await expect(page.getByRole('status').filter({ hasText: 'all changes saved' })).toBeVisible();

  const adminContext = await browser.newContext();
  try {
    const admin = await adminContext.newPage();
    await signIn(admin, 'kenya.admin@demo.simashe.org');
    await admin.goto(url);
    const adminText = admin.getByRole('textbox', { name: 'Report text' });
    await expect(adminText).toContainText('Second wording.');
    const adminHistory = admin.getByRole('region', { name: 'History' });
    const entry = adminHistory.getByRole('listitem').filter({ hasText: 'Draft 1' });
    await entry.getByRole('button', { name: 'View' }).click();
    await expect(admin.getByLabel('Viewing "Draft 1" (read-only)')).toContainText('First wording.');
    await expect(admin.getByLabel('Viewing "Draft 1" (read-only)')).not.toContainText('Second wording.');
    admin.once('dialog', (dialog) => void dialog.accept());
    await entry.getByRole('button', { name: 'Restore this version' }).click();
    await expect(admin.getByText('Version restored for everyone.')).toBeVisible();
    await expect(adminText).not.toContainText('Second wording.');
    // The other person sees the restore live, without reloading.
    await expect(editorText).not.toContainText('Second wording.');
    await expect(editorText).toContainText('First wording.');
  } finally {
    await adminContext.close();
  }
});

test('the report downloads as PDF and Word from the report page', async ({ page }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await createReport(page, 'Export check');
  for (const [label, extension] of [['PDF', 'pdf'], ['Word', 'docx']]) {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: label, exact: true }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`export-check.${extension}`);
  }
});
