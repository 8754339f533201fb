import { expect, expectAccessible, signIn, test } from './fixtures';

test("a regional officer sees its region's pathfinders only", async ({ page }) => {
  await signIn(page, 'afro.officer@demo.simashe.org');
  const region = page.getByRole('region', { name: 'Country pathfinders in your region' });
  await expect(region.getByRole('link')).toHaveText(['Ghana country pathfinder', 'Kenya country pathfinder']);
  await expect(page.getByText('Brazil country pathfinder')).toHaveCount(0);
  await expect(page.getByText('Sri Lanka country pathfinder')).toHaveCount(0);

  await region.getByRole('link', { name: 'Kenya country pathfinder' }).click();
  await expect(page.getByText('Visible to you as its WHO regional office.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create invitation' })).toHaveCount(0);
});

test('a core partner sees only what it was given', async ({ page }) => {
  await signIn(page, 'partner.admin@demo.simashe.org');
  await expect(page.getByRole('region', { name: 'Shared with your organisation' }).getByRole('link')).toHaveText([
    'Kenya country pathfinder',
  ]);
  await expect(page.getByText('Ghana country pathfinder')).toHaveCount(0);
});

test('a secretariat admin adds a country pathfinder, placed in its WHO region', async ({ page }) => {
  await signIn(page, 'secretariat.admin@demo.simashe.org');
  const card = page.getByRole('region', { name: 'Add an organisation to the network' });
  await expectAccessible(page);
  const name = `Peru pathfinder ${Date.now()}`;
  await card.getByLabel('Name').fill(name);
  await card.getByLabel('Kind').selectOption('country_pathfinder');
  await card.getByLabel('Country').selectOption('PER');
  await card.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Region: Region of the Americas (AMRO)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create invitation' })).toBeVisible();
});
