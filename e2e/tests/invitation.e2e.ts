import { expect, signIn, test } from './fixtures';

test('an admin invites a person who accepts, signs in and sees the organisation', async ({ page, newPage }) => {
  await signIn(page, 'kenya.admin@demo.simashe.org');
  await expect(page.getByRole('heading', { name: 'Welcome, Wanjiru Kamau' })).toBeVisible();
  await page.getByRole('link', { name: 'Kenya country pathfinder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kenya country pathfinder' })).toBeVisible();

  const email = `invitee.${Date.now()}@example.org`;
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Role', { exact: true }).selectOption('editor');
  await page.getByRole('button', { name: 'Create invitation' }).click();
  const link = page.getByLabel('Invitation link');
  await expect(link).toHaveValue(/\/invitations\/[\w-]{40,}$/);
  const acceptUrl = await link.inputValue();
  await expect(page.getByText(email).first()).toBeVisible();

  const invitee = await newPage();
  await invitee.goto(acceptUrl);
  await expect(invitee.getByRole('heading', { name: 'Join Kenya country pathfinder' })).toBeVisible();
  await expect(invitee.getByText('as Editor')).toBeVisible();
  await invitee.getByLabel('Your name').fill('Njeri Wambui');
  await invitee.getByLabel('Choose a password').fill('njeri-strong-password');
  await invitee.getByLabel('Your time zone').selectOption('Africa/Nairobi');
  await invitee.getByRole('button', { name: 'Create my account and join' }).click();
  await expect(invitee.getByText('You have joined Kenya country pathfinder')).toBeVisible();

  await invitee.getByRole('link', { name: 'Go to sign in' }).click();
  await expect(invitee.getByLabel('Email')).toHaveValue(email);
  await invitee.getByLabel('Password').fill('njeri-strong-password');
  await invitee.getByRole('button', { name: 'Sign in' }).click();
  await expect(invitee.getByRole('heading', { level: 1, name: 'Kenya country pathfinder' })).toBeVisible();
  // Among the members, the name with the address under it.
  await expect(invitee.getByRole('cell', { name: `Njeri Wambui ${email}`, exact: true })).toBeVisible();
  await invitee.getByRole('link', { name: /Home/ }).first().click();
  await expect(invitee.getByRole('heading', { name: 'Welcome, Njeri Wambui' })).toBeVisible();
  await expect(invitee.getByText('Your role: Editor')).toBeVisible();

  // The link works once.
  await invitee.goto(acceptUrl);
  await expect(invitee.getByText(/no longer valid/)).toBeVisible();

  await page.reload();
  await expect(page.getByRole('cell', { name: `Njeri Wambui ${email}`, exact: true })).toBeVisible();
});
