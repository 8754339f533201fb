import { expect, expectAccessible, signIn, test } from './fixtures';

/** A tiny file the server's content sniffing takes for a PDF: it starts with the PDF signature. */
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

const PUBLIC_DEMO = 'Getting started with health inequality monitoring (made-up demo)';

test('anyone can browse the public resource library and open a public resource without signing in', async ({ page }) => {
  await page.goto('/public/resources');
  await expect(page.getByRole('heading', { level: 1, name: 'Public resource library' })).toBeVisible();
  // No session: no main navigation, a way to sign in instead.
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', /^\/sign-in\?next=/);
  const library = page.getByRole('region', { name: 'Library' });
  const card = library.getByRole('listitem').filter({ hasText: PUBLIC_DEMO });
  await expect(card).toBeVisible();
  await expectAccessible(page);

  // The filters live in the address, so a filtered list can be shared.
  await library.getByRole('searchbox', { name: 'Search the library' }).fill('inequality monitoring');
  await library.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=inequality\+monitoring/);
  await expect(card).toBeVisible();

  await card.getByRole('link', { name: PUBLIC_DEMO, exact: true }).click();
  await expect(page).toHaveURL(/\/public\/resources\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: PUBLIC_DEMO })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a country editor finds the starter collection, adds a resource with a link and a PDF, finds it by its title and deletes it', async ({ page, consoleErrors }) => {
  const title = `Equity checklist for district plans ${Date.now()}`;
  const link = 'https://example.org/equity-checklist';
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Resources' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resources' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Getting started with inequality monitoring' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Getting started with inequality monitoring' }).getByRole('listitem').first()).toBeVisible();

  await page.getByRole('link', { name: 'New resource' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New resource' })).toBeVisible();
  await page.getByLabel('Kind').selectOption({ label: 'Tool' });
  await page.getByLabel('Topic').selectOption({ label: 'Inequality monitoring' });
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Summary').fill('A one-page checklist to review a district health plan for equity.');
  await page.getByLabel('Author’s name').fill('Amina Otieno');
  await page.getByRole('button', { name: 'Add author' }).click();
  await expect(page.getByRole('group', { name: 'Authors' }).getByRole('listitem')).toHaveText([/Amina Otieno/]);
  await page.getByLabel('Region').selectOption('AFRO');
  await page.getByLabel('Year').fill('2026');
  await page.getByLabel('Link', { exact: true }).fill(link);
  await page.getByLabel('Who can see it').selectOption('network');

  // The file is checked in the browser first: a type the server refuses is caught before anything is sent.
  const file = page.getByLabel('File', { exact: true });
  await file.setInputFiles({ name: 'checklist.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await expect(page.getByText('This type of file cannot be added.')).toBeVisible();
  // An executable renamed .pdf passes the browser's check but not the server's: refused, and nothing is saved.
  await file.setInputFiles({ name: 'checklist.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]) });
  await page.getByRole('button', { name: 'Save resource' }).click();
  await expect(page.getByText(/The file was refused\. The file's content is not a PDF file/)).toBeVisible();
  expect((await (await page.request.get(`/api/resources?q=${encodeURIComponent(title)}`)).json()).items).toEqual([]);
  // The browser logs the refused request itself; that one is expected.
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((message) => !/status of 400/.test(message)));
  await file.setInputFiles({ name: 'checklist.pdf', mimeType: 'application/pdf', buffer: pdf('equity checklist') });
  await expect(page.getByText('This type of file cannot be added.')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save resource' }).click();

  // Saved, then the file uploaded: the resource's page offers both the download and the link.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/resources\/[0-9a-f-]+$/);
  const resourceId = page.url().split('/').pop() ?? '';
  await expect(page.getByText('checklist.pdf')).toBeVisible();
  const download = page.getByRole('link', { name: /^Download/ });
  await expect(download).toHaveAttribute('href', `/api/resources/${resourceId}/file`);
  const fetched = await page.request.get(`/api/resources/${resourceId}/file`);
  expect(fetched.status()).toBe(200);
  expect((await fetched.body()).subarray(0, 8).toString()).toBe('%PDF-1.4');
  await expect(page.getByRole('link', { name: /^Open link/ })).toHaveAttribute('href', link);
  await expect(page.getByRole('link', { name: 'Edit resource' })).toBeVisible();
  await expectAccessible(page);

  // Found in the library by its title; the search stays in the address.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Resources' }).click();
  const library = page.getByRole('region', { name: 'Library' });
  await library.getByRole('searchbox', { name: 'Search the library' }).fill(title);
  await library.getByRole('searchbox', { name: 'Search the library' }).press('Enter');
  await expect(page).toHaveURL(/[?&]q=Equity\+checklist/);
  const card = library.getByRole('listitem').filter({ hasText: title });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Tool');
  await expect(card).toContainText('Kenya country pathfinder');
  await expect(card).toContainText('2026');
  await expect(card.getByRole('link', { name: /^Download/ })).toBeVisible();
  await page.reload();
  await expect(library.getByRole('searchbox', { name: 'Search the library' })).toHaveValue(title);
  await expect(card).toHaveCount(1);

  // Deleting asks first.
  await card.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this resource?' });
  await expect(dialog).toContainText(title);
  // An irreversible step starts on Cancel: Enter twice does not delete.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page).toHaveURL(/\/resources$/);
  expect((await page.request.get(`/api/resources/${resourceId}`)).status()).toBe(404);
});
