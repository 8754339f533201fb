import { readFile } from 'node:fs/promises';
import { expect, expectAccessible, signIn, test } from './fixtures';

const DEMO_ARTICLE = 'Monitoring inequalities in skilled birth attendance: lessons from three pathfinders';
const LESSON = 'Housing and health committees in informal settlements';
const DOI = '10.1234/simashe.2026.1';

test('the publications list shows the demo article in drafting and a published brief with its DOI', async ({ page }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Publications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Joint publications' })).toBeVisible();
  const table = page.getByRole('region', { name: 'Joint publications' });
  await expect(table.getByRole('row').filter({ hasText: DEMO_ARTICLE })).toContainText('Drafting');
  // The published brief links its DOI to the resolver.
  const published = table.getByRole('row').filter({ hasText: 'Published' }).first();
  await expect(published.getByRole('link', { name: /^DOI / })).toHaveAttribute('href', /^https:\/\/doi\.org\/10\.\d{4,9}\//);

  // The filters live in the address, so a filtered list can be shared.
  await page.getByLabel('Status').selectOption({ label: 'Published' });
  await expect(page).toHaveURL(/[?&]status=published/);
  await expect(table.getByRole('row').filter({ hasText: DEMO_ARTICLE })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: 'Published' }).first()).toBeVisible();
  await expectAccessible(page);
});

test('a country editor writes an article with a partner, drafts it live, takes it to publication with a DOI and cites it', async ({ page, consoleErrors }) => {
  const title = `Wealth gaps in skilled birth attendance, Kenya and Ghana ${Date.now()}`;
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Publications' }).click();
  await page.getByRole('link', { name: 'New publication' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New publication' })).toBeVisible();

  await page.getByLabel('Lead organisation').selectOption({ label: 'Kenya country pathfinder' });
  await page.getByLabel('Kind', { exact: true }).selectOption({ label: 'Article' });
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Abstract').fill('Skilled birth attendance by wealth quintile in two pathfinders, and what the teams changed.');
  await page.getByLabel('Venue').fill('International Journal for Equity in Health');
  await page.getByLabel('Year').fill('2026');

  // Two authors; the second, from another organisation, is moved to first place with the keyboard-reachable buttons.
  const first = page.getByRole('group', { name: 'Author 1' });
  await first.getByLabel('Given name').fill('Amina');
  await first.getByLabel('Family name').fill('Otieno');
  await first.getByLabel('Affiliation').fill('Ministry of Health, Kenya');
  await first.getByLabel('Workspace organisation').selectOption({ label: 'Kenya country pathfinder' });
  await page.getByRole('button', { name: 'Add an author' }).click();
  const second = page.getByRole('group', { name: 'Author 2' });
  await expect(second.getByLabel('Given name')).toBeFocused();
  await second.getByLabel('Given name').fill('Kwame');
  await second.getByLabel('Family name').fill('Mensah');
  await second.getByLabel('Affiliation').fill('Ghana Health Service');
  await second.getByLabel('Workspace organisation').selectOption({ label: 'Ghana country pathfinder' });
  await page.getByRole('button', { name: 'Move author 2 up' }).click();
  await expect(page.getByRole('group', { name: 'Author 1' }).getByLabel('Family name')).toHaveValue('Mensah');
  await expect(page.getByRole('group', { name: 'Author 2' }).getByLabel('Family name')).toHaveValue('Otieno');
  // The focus follows the moved author (now first, so "up" is off and "down" takes it).
  await expect(page.getByRole('button', { name: 'Move author 1 down' })).toBeFocused();

  // A lesson, picked from the lessons the editor may read.
  const links = page.getByRole('group', { name: 'Linked items' });
  await links.getByLabel('Kind of item').selectOption({ label: 'Lesson' });
  await links.getByLabel('Filter by title').fill('housing health');
  await links.getByLabel('Item to link').selectOption({ label: LESSON });
  await links.getByRole('button', { name: 'Link this item' }).click();
  await expect(links.getByRole('listitem')).toHaveText([new RegExp(LESSON)]);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Create the publication' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/publications\/[0-9a-f-]+$/);
  const publicationId = page.url().split('/').pop() ?? '';
  await expect(page.getByRole('region', { name: 'Authors' }).getByRole('listitem').first()).toContainText('Kwame Mensah');
  await expect(page.getByRole('region', { name: 'Authors' })).toContainText('Ghana Health Service');
  await expect(page.getByRole('region', { name: 'Linked items' }).getByRole('link', { name: LESSON })).toBeVisible();
  const current = page.getByRole('list', { name: 'Status' }).locator('[aria-current="step"]');
  await expect(current).toContainText('Idea');

  // The draft, co-written in the real-time editor; it is saved on the server (a reload shows it).
  const draft = page.getByRole('textbox', { name: 'Publication draft' });
  await expect(page.getByRole('status').filter({ hasText: 'all changes saved' })).toBeVisible();
  // Editable a moment after the status says online (see createReport in fixtures).
  await expect(draft).toHaveAttribute('contenteditable', 'true');
  await draft.click();
  await page.keyboard.type('Background: the richest fifth of households is near universal coverage.');
  await expect(page.getByRole('status').filter({ hasText: 'all changes saved' })).toBeVisible();
  await page.reload();
  await expect(draft).toContainText('the richest fifth of households');
  await expectAccessible(page);

  // idea → drafting → submitted; a submission comes back (asked first), then submitted again → under review.
  await page.getByRole('button', { name: 'Start drafting' }).click();
  await expect(current).toContainText('Drafting');
  await page.getByRole('button', { name: 'Mark as submitted' }).click();
  await expect(current).toContainText('Submitted');
  await page.getByRole('button', { name: 'Back to drafting' }).click();
  const back = page.getByRole('dialog', { name: 'Move back to “Drafting”?' });
  await back.getByRole('button', { name: 'Move back' }).click();
  await expect(current).toContainText('Drafting');
  await page.getByRole('button', { name: 'Mark as submitted' }).click();
  await expect(current).toContainText('Submitted');
  await page.getByRole('button', { name: 'Mark as under review' }).click();
  await expect(current).toContainText('Under review');

  // Publishing asks for the DOI; the server words a wrong one at the field.
  await page.getByRole('button', { name: 'Mark as published' }).click();
  const publish = page.getByRole('dialog', { name: 'Mark as published' });
  const doi = publish.getByLabel('DOI');
  await expect(doi).toBeFocused();
  await doi.fill('simashe-2026');
  await publish.getByRole('button', { name: 'Publish' }).click();
  await expect(doi).toHaveAttribute('aria-invalid', 'true');
  await expect(doi).toBeFocused();
  // The browser logs the refused request itself; that one is expected.
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((message) => !/status of 400/.test(message)));
  await doi.fill(`https://doi.org/${DOI}`);
  await publish.getByRole('button', { name: 'Publish' }).click();
  await expect(publish).toBeHidden();
  await expect(current).toContainText('Published');
  await expect(page.getByRole('link', { name: `DOI ${DOI} (opens the publisher’s page)` })).toHaveAttribute('href', `https://doi.org/${DOI}`);
  // Published is final: no more moves, and the draft is read-only.
  await expect(page.getByRole('button', { name: /^(Back to|Mark as)/ })).toHaveCount(0);
  await expect(draft).toHaveAttribute('contenteditable', 'false');
  await expect(draft).toContainText('the richest fifth of households');

  // Cite → BibTeX: the download carries the DOI.
  await page.getByRole('button', { name: 'Cite' }).click();
  const bibtex = page.getByRole('link', { name: 'BibTeX (.bib)' });
  await expect(bibtex).toHaveAttribute('href', `/api/publications/${publicationId}/citation?format=bibtex`);
  const [download] = await Promise.all([page.waitForEvent('download'), bibtex.click()]);
  const text = await readFile((await download.path()) ?? '', 'utf8');
  expect(text).toContain(`doi = {${DOI}}`);
  expect(text).toContain(title);
  await expectAccessible(page);

  // The list shows it published, with its DOI.
  await page.getByRole('link', { name: 'Joint publications' }).click();
  await page.getByRole('searchbox', { name: 'Search publications' }).fill(title);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const row = page.getByRole('region', { name: 'Joint publications' }).getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('Published');
  await expect(row).toContainText('Mensah');
  await expect(row.getByRole('link', { name: `DOI ${DOI} (opens the publisher’s page)` })).toBeVisible();
});
