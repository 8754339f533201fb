import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** A tiny file the server's content sniffing takes for a PDF: it starts with the PDF signature. */
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

const MOTIVATION =
  'Our institute monitors health inequalities across the regions of Ghana and trains district teams in survey methods; we would share both with the network.';

/** Nothing sticks out sideways: the page fits the phone's width. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** The browser logs refused requests itself; those the journey provokes on purpose are expected. */
function forgiveStatus(consoleErrors: string[], status: number): void {
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((message) => !new RegExp(`status of ${status}`).test(message)));
}

test('an institution applies signed out, a reviewer scores it, the secretariat accepts it and the new admin finds the starter collection', async ({ page, newPage, openAs, consoleErrors }) => {
  test.setTimeout(120_000);
  const institution = `Ghana Centre for Equity Research ${Date.now()}`;
  const contact = `equity.${Date.now()}@example.org`;

  // Signed out, from the public pages.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/public/members');
  await page.getByRole('navigation', { name: 'Public pages' }).getByRole('link', { name: 'Join the network' }).click();
  await expect(page).toHaveURL(/\/join$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Join the network' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: /open call for member institutions/ })).toBeVisible();
  // The deadline in the reader's zone, the call's zone beside it.
  await expect(page.getByText(/Europe\/Zurich/)).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);

  await page.getByLabel('Institution name').fill(institution);
  await page.getByLabel('Country', { exact: true }).selectOption('GHA');
  await page.getByLabel('Website (optional)').fill('https://equity-research.example.org');
  await page.getByRole('checkbox', { name: 'Inequality monitoring' }).check();
  await page.getByRole('checkbox', { name: 'Survey methods' }).check();
  await page.getByLabel('Contact person').fill('Ama Owusu');
  await page.getByLabel('Contact email').fill(contact);
  const motivation = page.getByLabel('Motivation');
  await motivation.fill('Too short.');
  await expect(page.getByText('10 characters (50 to 5,000)')).toBeVisible();
  await motivation.fill(MOTIVATION);
  await expect(page.getByText(`${MOTIVATION.length} characters (50 to 5,000)`)).toBeVisible();

  // The browser refuses a type the server would refuse, before anything is sent.
  const documents = page.getByLabel('Supporting documents (optional)');
  await documents.setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await expect(page.getByText('“setup.exe” is not an accepted type')).toBeVisible();
  // An executable renamed .pdf passes the browser's check but not the server's: its sentence under the field, which takes the focus.
  await documents.setInputFiles({ name: 'profile.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]) });
  await page.getByRole('button', { name: 'Send the application' }).click();
  await expect(page.getByText("The file's content is not a PDF file")).toBeVisible();
  await expect(documents).toBeFocused();
  await expect(documents).toHaveAttribute('aria-invalid', 'true');
  forgiveStatus(consoleErrors, 400);

  await documents.setInputFiles({ name: 'institutional-profile.pdf', mimeType: 'application/pdf', buffer: pdf('institutional profile') });
  await page.getByRole('button', { name: 'Send the application' }).click();
  await expect(page.getByRole('heading', { name: 'Application sent' })).toBeVisible();
  await expect(page.getByText(`the application of ${institution} has been received`)).toBeVisible();
  await expect(page.getByText('No email could be sent: keep this link to follow your application.')).toBeVisible();
  const statusLink = page.getByLabel('Status link');
  await expect(statusLink).toHaveValue(/\/join\/status\/[\w-]{20,}$/);
  const statusUrl = await statusLink.inputValue();
  await expectNoSidewaysScroll(page);

  await page.goto(statusUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Application status' })).toBeVisible();
  await expect(page.locator('main')).toContainText(institution);
  await expect(page.locator('main')).toContainText('Under review');

  // A steering-committee member in Ghana may not review it: a conflict badge, no scoring form.
  const ghana = await openAs('ghana.institution@demo.simashe.org');
  await ghana.goto('/network/calls');
  await ghana.getByRole('link', { name: /open call for member institutions/ }).click();
  const ghanaRow = ghana.getByRole('row').filter({ hasText: institution });
  await expect(ghanaRow).toContainText('Conflict of interest');
  await ghanaRow.getByRole('link', { name: institution }).click();
  await expect(ghana.getByRole('heading', { level: 1, name: institution })).toBeVisible();
  await expect(ghana.getByRole('region', { name: 'Your review' })).toHaveCount(0);

  // A reviewer with no conflict scores each criterion on the application's page.
  const reviewer = await openAs('partner.admin@demo.simashe.org');
  await reviewer.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Network' }).click();
  await reviewer.getByRole('link', { name: 'Open calls for new members' }).click();
  await expect(reviewer.getByRole('heading', { level: 1, name: 'Open calls' })).toBeVisible();
  await reviewer.getByRole('link', { name: /open call for member institutions/ }).click();
  await reviewer.getByRole('row').filter({ hasText: institution }).getByRole('link', { name: institution }).click();
  await expect(reviewer.getByRole('heading', { level: 1, name: institution })).toBeVisible();
  await expect(reviewer.getByRole('link', { name: 'institutional-profile.pdf' })).toHaveAttribute('href', /\/api\/membership-applications\/.+\/documents\//);
  const review = reviewer.getByRole('region', { name: 'Your review' });
  // Sending with a criterion left out: the form says which, and the focus goes there.
  const groups = review.getByRole('group');
  await expect(groups).toHaveCount(3);
  await groups.nth(0).getByRole('radio', { name: '4' }).check();
  await review.getByRole('button', { name: 'Save the review' }).click();
  await expect(review.getByText('Choose a score from 1 to 5.')).toHaveCount(2);
  await expect(groups.nth(1).getByRole('radio', { name: '1' })).toBeFocused();
  await groups.nth(1).getByRole('radio', { name: '5' }).check();
  await groups.nth(2).getByRole('radio', { name: '3' }).check();
  await review.getByLabel('Comment (optional)').fill('Strong survey capacity.');
  await expectAccessible(reviewer);
  await review.getByRole('button', { name: 'Save the review' }).click();
  await expect(review.getByText('Your review is saved.')).toBeVisible();
  const reviews = reviewer.getByRole('region', { name: 'Reviews' });
  await expect(reviews).toContainText('Pat Partner');
  await expect(reviews).toContainText('Average score 4.0 out of 5 (1 review)');
  // The reviewer cannot decide.
  await expect(reviewer.getByRole('button', { name: 'Accept' })).toHaveCount(0);

  // The secretariat admin accepts it, after a confirmation that starts on Cancel.
  const admin = await openAs('secretariat.admin@demo.simashe.org');
  await admin.goto('/network/calls');
  await expect(admin.getByRole('region', { name: 'New call' })).toBeVisible();
  await admin.getByRole('link', { name: /open call for member institutions/ }).click();
  const row = admin.getByRole('row').filter({ hasText: institution });
  await expect(row).toContainText('Ghana');
  await expect(row).toContainText('4.0');
  await row.getByRole('link', { name: institution }).click();
  await admin.getByRole('button', { name: 'Accept' }).click();
  const dialog = admin.getByRole('dialog', { name: 'Accept this application?' });
  await expect(dialog).toContainText(`The member organisation “${institution}” will be created`);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog.getByLabel('Email of the first admin')).toHaveValue(contact);
  await dialog.getByLabel('Note (optional)').fill('Welcome to the network.');
  await dialog.getByRole('button', { name: 'Accept' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.getByText(`${institution} is now a member organisation`)).toBeVisible();
  const invitationLink = admin.getByLabel('Invitation link');
  await expect(invitationLink).toHaveValue(/\/invitations\/[\w-]{20,}$/);
  const acceptUrl = await invitationLink.inputValue();
  await expect(admin.getByRole('region', { name: 'Decision' })).toContainText('Welcome to the network.');
  await expect(admin.getByRole('button', { name: 'Accept' })).toHaveCount(0);

  // The applicant's status page says so.
  await page.goto(statusUrl);
  await expect(page.locator('main')).toContainText('Accepted');
  await expect(page.locator('main')).toContainText('The institution is now a member of the network.');

  // The new admin creates their account from the invitation, signs in and finds the starter collection.
  const newcomer = await newPage();
  await newcomer.goto(acceptUrl);
  await expect(newcomer.getByRole('heading', { name: `Join ${institution}` })).toBeVisible();
  await newcomer.getByLabel('Your name').fill('Ama Owusu');
  await newcomer.getByLabel('Choose a password').fill('ama-strong-password');
  await newcomer.getByLabel('Your time zone').selectOption('Africa/Accra');
  await newcomer.getByRole('button', { name: 'Create my account and join' }).click();
  await expect(newcomer.getByText(`You have joined ${institution}`)).toBeVisible();
  await newcomer.getByRole('link', { name: 'Go to sign in' }).click();
  await expect(newcomer.getByLabel('Email')).toHaveValue(contact);
  await newcomer.getByLabel('Password').fill('ama-strong-password');
  await newcomer.getByRole('button', { name: 'Sign in' }).click();
  await expect(newcomer.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await newcomer.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Resources' }).click();
  await expect(newcomer.getByRole('heading', { level: 2, name: 'Getting started with inequality monitoring' })).toBeVisible();
});

test('a bad status link says so, and the join page reads in French and in Arabic on a phone', async ({ page, consoleErrors }) => {
  await page.goto('/join/status/not-a-real-token-but-long-enough');
  await expect(page.getByRole('alert')).toContainText('This status link does not work');
  forgiveStatus(consoleErrors, 404);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/join');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Rejoindre le réseau' })).toBeVisible();
  await expect(page.getByLabel('Pays', { exact: true }).locator('option[value="DEU"]')).toHaveText('Allemagne');
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'الانضمام إلى الشبكة' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'إرسال الطلب' })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: test.info().outputPath('join-ar-390.png'), fullPage: true });
  await expectAccessible(page);
});
