import { expect, expectAccessible, signIn, test } from './fixtures';

test('a lesson logged in French is found from another country without accents, discussed live, and its author is notified', async ({ page, openAs }) => {
  const title = `Logement et santé ${Date.now()}`;
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Lessons' }).click();
  await page.getByRole('link', { name: 'Log a lesson' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Context').fill('Les quartiers informels concentrent les inégalités de santé.');
  await page.getByLabel('What worked').fill('La participation communautaire a amélioré l’équité d’accès.');
  await page.getByLabel('Social', { exact: true }).check();
  await page.getByLabel('Housing').check();
  await page.getByLabel('Local', { exact: true }).check();
  await page.getByLabel('Cycle stage').selectOption('reflect');
  await page.getByLabel('Written in').selectOption('fr');
  await page.getByLabel('Who can read it once published').selectOption('network');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByLabel('Attach a file').setInputFiles({ name: 'Évaluation.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% evidence\n') });
  await expect(page.getByRole('link', { name: 'Évaluation.pdf' })).toBeVisible();
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.org-meta')).toContainText('Published');
  const lessonUrl = page.url();

  // Someone in Sri Lanka (another region) searches without accents.
  const colleague = await openAs('srilanka.admin@demo.simashe.org');
  await colleague.getByRole('search').getByRole('searchbox').first().fill('logement equite');
  await colleague.keyboard.press('Enter');
  const hit = colleague.getByRole('listitem').filter({ hasText: title });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toBeVisible();
  await expect(hit).toContainText('Kenya country pathfinder');
  await expectAccessible(colleague);
  await hit.getByRole('link', { name: title }).click();
  await expect(colleague.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const evidence = colleague.waitForEvent('download');
  await colleague.getByRole('link', { name: 'Évaluation.pdf' }).click();
  expect((await evidence).suggestedFilename()).toBe('Évaluation.pdf');

  // The author watches the lesson; the colleague's question appears there live and in the author's inbox.
  await page.goto(lessonUrl);
  const discussion = page.getByRole('region', { name: 'Discussion' });
  await expect(discussion.getByText('No posts yet. Start the discussion.')).toBeVisible();
  const theirs = colleague.getByRole('region', { name: 'Discussion' });
  await theirs.getByLabel('Your reply').fill('Très utile — how was the committee funded? <b>not bold</b>');
  await theirs.getByRole('button', { name: 'Post' }).click();
  await expect(theirs.getByRole('listitem').filter({ hasText: 'how was the committee funded?' })).toBeVisible();
  await expect(discussion.getByRole('listitem').filter({ hasText: 'how was the committee funded? <b>not bold</b>' })).toBeVisible();
  await expect(discussion.locator('b')).toHaveCount(0);

  const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const notification = page.getByRole('listitem').filter({ hasText: `Nimali Perera replied in “${title}”` });
  await expect(notification).toBeVisible();
  await expectAccessible(page);
  await notification.getByRole('link').click();
  await expect(page).toHaveURL(lessonUrl);

  // The author answers, quoting and mentioning the colleague.
  const question = discussion.getByRole('listitem').filter({ hasText: 'how was the committee funded?' });
  await question.getByRole('button', { name: 'Quote' }).click();
  const reply = discussion.getByLabel('Your reply');
  await reply.fill('Thanks @Nimali');
  await discussion.getByRole('option', { name: /@Nimali Perera/ }).click();
  await reply.press('End');
  await reply.pressSequentially('— by the county budget.');
  await discussion.getByRole('button', { name: 'Post' }).click();
  const answer = discussion.getByRole('listitem').filter({ hasText: 'by the county budget' });
  await expect(answer.locator('.mention')).toHaveText('@Nimali Perera');
  await expect(answer.locator('blockquote')).toContainText('Nimali Perera');
  await expect(colleague.getByRole('button', { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  // Opening the notification marked it read.
  await page.goto('/notifications');
  await expect(page.getByRole('listitem').filter({ hasText: `Nimali Perera replied in “${title}”` }).getByRole('button', { name: 'Mark as read' })).toHaveCount(0);
});
