import { DEMO_PASSWORD, expect, expectAccessible, signInThroughForm, test } from './fixtures';

// Ghana's admin is used by no other journey: changing the password here cannot lock another test out.
const EMAIL = 'ghana.admin@demo.simashe.org';
const NEW_PASSWORD = 'ghana-new-passphrase-2026';

test('a person signs out another device, then changes the password and stays signed in', async ({ page, newPage }) => {
  const phone = await newPage();
  await signInThroughForm(phone, EMAIL);
  await signInThroughForm(page, EMAIL);

  await page.goto('/profile');
  const sessions = page.getByRole('region', { name: 'Sessions' });
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await expect(sessions.getByRole('listitem').first().getByText('This device')).toBeVisible();
  await expectAccessible(page);

  // The app's own confirmation (not the browser's): Escape leaves everything as it was, then the step is confirmed.
  await sessions.getByRole('button', { name: /^Sign out of / }).click();
  const question = page.getByRole('dialog', { name: /^Sign out of / });
  await expect(question).toContainText('will have to sign in again.');
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(sessions.getByRole('listitem')).toHaveCount(2);
  await sessions.getByRole('button', { name: /^Sign out of / }).click();
  await question.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(sessions.getByText('That session is signed out.')).toBeVisible();
  await expect(sessions.getByRole('listitem')).toHaveCount(1);
  await expect(sessions.getByText('You are signed in on this device only.')).toBeVisible();
  await phone.reload();
  await expect(phone.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  const form = page.getByRole('region', { name: 'Change password' });
  await form.getByLabel('Current password').fill(DEMO_PASSWORD);
  await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel('Repeat the new password').fill(`${NEW_PASSWORD}-typo`);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText('The two new passwords are not the same.')).toBeVisible();
  await form.getByLabel('Repeat the new password').fill(NEW_PASSWORD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await expect(form.getByText(/^Password changed\./)).toBeVisible();

  // This tab keeps working with its renewed session; the new password is the one that signs in.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  await signInThroughForm(phone, EMAIL, NEW_PASSWORD);
});

test('the sign-in page leads to "forgot password", which answers without saying whether the account exists', async ({ page, newPage }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill('nobody.here@example.org');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveValue('nobody.here@example.org');
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByText(/If an account uses .*nobody\.here@example\.org/)).toBeVisible();
  await expectAccessible(page);

  // In a page of its own: the browser logs the 400 of a dead link as a console error.
  const stale = await newPage();
  await stale.goto(`/reset-password/${'x'.repeat(43)}`);
  await expect(stale.getByText(/This link no longer works/)).toBeVisible();
  await expect(stale.getByRole('link', { name: 'Ask for a new link' })).toBeVisible();
});
