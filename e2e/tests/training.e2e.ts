import { expect, expectAccessible, signIn, test } from './fixtures';

/** The browser logs refused requests itself; those the journey provokes on purpose are expected. */
function forgiveStatus(consoleErrors: string[], status: number): void {
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((message) => !new RegExp(`status of ${status}`).test(message)));
}

const REFLECTION = 'Our district survey has skilled birth attendance by wealth quintile; we would start there.';

test('a trainer publishes a course, a learner fails then passes its quiz and gets a certificate that anyone can check, and the trainer sees the completion', async ({ page, openAs, newPage, consoleErrors }) => {
  test.setTimeout(150_000);
  const title = `Equity basics for district teams ${Date.now()}`;

  // The trainer: a Kenyan editor, who also follows the demo course.
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Training' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Training' })).toBeVisible();
  const mine = page.getByRole('list', { name: 'My courses' });
  await expect(mine.getByRole('listitem').filter({ hasText: 'Measuring health inequalities: first steps' })).toContainText('2 of 4 modules done');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'New course' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New course' })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Summary').fill('Two short steps on reading inequality data for district health teams.');
  await page.getByRole('main').getByLabel('Language').selectOption('en');

  // A quiz first, then a reflection moved above it with the keyboard.
  await page.getByLabel('Kind of module').selectOption('quiz');
  await page.getByRole('button', { name: 'Add module' }).click();
  const quizFirst = page.getByRole('group', { name: 'Module 1: Quiz' });
  // The new module's title takes the focus.
  await expect(quizFirst.getByLabel('Module title')).toBeFocused();
  await page.getByLabel('Kind of module').selectOption('reflection');
  await page.getByRole('button', { name: 'Add module' }).click();
  const reflectionEditor = page.getByRole('group', { name: 'Module 2: Reflection' });
  await reflectionEditor.getByLabel('Module title').fill('Reflect on your district');
  await reflectionEditor.getByLabel('Reflection prompt').fill('Which indicator would your team disaggregate first, and why?');
  await reflectionEditor.getByRole('button', { name: 'Move module 2 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Module 1: Reflection' })).toBeVisible();
  // The focus follows the moved module.
  await expect(page.getByRole('group', { name: 'Module 1: Reflection' }).getByRole('button', { name: 'Move module 1 down' })).toBeFocused();

  const quiz = page.getByRole('group', { name: 'Module 2: Quiz' });
  await quiz.getByLabel('Pass mark (%)').fill('100');
  const question = quiz.getByRole('group', { name: 'Question 1' });
  await question.getByLabel('Question', { exact: true }).fill('Which measure is relative?');
  await question.getByLabel('Answer 1', { exact: true }).fill('Difference');
  await question.getByLabel('Answer 2', { exact: true }).fill('Ratio');
  await question.getByLabel('Answer 2 is right').check();
  await page.getByLabel('Published').check();

  // The quiz has no title yet: the API refuses, its sentence under the field, which takes the focus.
  await page.getByRole('button', { name: 'Create the course' }).click();
  const quizTitle = quiz.getByLabel('Module title');
  await expect(quizTitle).toHaveAttribute('aria-invalid', 'true');
  await expect(quizTitle).toBeFocused();
  forgiveStatus(consoleErrors, 400);
  await quizTitle.fill('Check your understanding');
  await page.getByRole('button', { name: 'Create the course' }).click();

  await expect(page).toHaveURL(/\/training\/[0-9a-f-]{36}$/);
  const courseUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 })).toHaveText([/1\. Reflect on your district/, /2\. Check your understanding/]);
  await expect(page.getByRole('link', { name: 'Edit course' })).toBeVisible();

  // The learner enrols from the catalogue.
  const learner = await openAs('kenya.viewer@demo.simashe.org');
  await learner.goto('/training');
  const card = learner.getByRole('list', { name: 'Catalogue' }).getByRole('listitem').filter({ hasText: title });
  await expect(card).toContainText('2 modules');
  await card.getByRole('button', { name: `Enrol in ${title}` }).click();
  await expect(learner).toHaveURL(courseUrl);
  await expect(learner.getByText('0 of 2 modules done')).toBeVisible();
  await expect(learner.getByRole('link', { name: 'Edit course' })).toHaveCount(0);
  await expectAccessible(learner);

  // The reflection: too short is caught before sending, then saved and shown.
  const reflection = learner.getByRole('region', { name: /Reflect on your district/ });
  await reflection.getByLabel('Your reflection').fill('Too short.');
  await reflection.getByRole('button', { name: 'Submit the reflection' }).click();
  await expect(reflection.getByText('Write at least 20 characters.')).toBeVisible();
  await expect(reflection.getByLabel('Your reflection')).toBeFocused();
  await reflection.getByLabel('Your reflection').fill(REFLECTION);
  await reflection.getByRole('button', { name: 'Submit the reflection' }).click();
  await expect(reflection.getByRole('heading', { name: 'Your reflection' })).toBeVisible();
  await expect(reflection.getByText(REFLECTION)).toBeVisible();
  await expect(reflection.getByText('Done', { exact: true })).toBeVisible();
  await expect(learner.getByText('1 of 2 modules done')).toBeVisible();

  // The quiz: a wrong answer fails (100 % needed), a retry with the right one passes.
  const quizSection = learner.getByRole('region', { name: /Check your understanding/ });
  await quizSection.getByRole('radio', { name: 'Difference' }).check();
  await quizSection.getByRole('button', { name: 'Submit the answers' }).click();
  await expect(quizSection.getByText(/Not passed: you scored 0\s?%/)).toBeVisible();
  await expect(quizSection.getByText('Wrong answer')).toBeVisible();
  await quizSection.getByRole('button', { name: 'Try again' }).click();
  await quizSection.getByRole('radio', { name: 'Ratio' }).check();
  await quizSection.getByRole('button', { name: 'Submit the answers' }).click();
  await expect(quizSection.getByText(/Passed: you scored 100\s?%/)).toBeVisible();
  await expect(quizSection.getByText('Right answer')).toBeVisible();

  // Completed: the certificate and its verification code.
  const completed = learner.getByRole('region', { name: 'Course completed' });
  await expect(completed).toBeVisible();
  const download = completed.getByRole('link', { name: 'Download certificate (PDF)' });
  const href = await download.getAttribute('href');
  expect(href).toMatch(/^\/api\/training\/courses\/[0-9a-f-]{36}\/certificate$/);
  const pdf = await learner.request.get(href as string);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const code = (await completed.locator('code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(completed.getByRole('link', { name: 'Check the certificate' })).toHaveAttribute('href', `/verify/${code}`);
  await expectAccessible(learner);
  // The printable certificate, set by the browser in the reader's language.
  await completed.getByRole('link', { name: 'Print the certificate' }).click();
  const sheet = learner.getByRole('article', { name: 'Certificate of completion' });
  await expect(sheet).toContainText(title);
  await expect(sheet).toContainText(code);
  await expect(sheet).toContainText(`/verify/${code}`);
  await expect(learner.getByRole('button', { name: 'Print the certificate' })).toBeVisible();
  await expectAccessible(learner);
  await learner.goto('/training');
  await expect(learner.getByRole('list', { name: 'My courses' }).getByRole('listitem').filter({ hasText: title })).toContainText('Completed');

  // Anyone, signed out, checks the certificate: typed loosely, or opened by its link.
  const visitor = await newPage();
  await visitor.goto('/verify');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Check a certificate' })).toBeVisible();
  await expect(visitor.getByRole('navigation', { name: 'Main navigation' })).toHaveCount(0);
  await visitor.getByLabel('Verification code').fill('ABC');
  await visitor.getByRole('button', { name: 'Check' }).click();
  await expect(visitor.getByLabel('Verification code')).toHaveAttribute('aria-invalid', 'true');
  await visitor.getByLabel('Verification code').fill(code.replace(/-/g, '').toLowerCase());
  await visitor.getByRole('button', { name: 'Check' }).click();
  await expect(visitor).toHaveURL(new RegExp(`/verify/${code}$`));
  const valid = visitor.getByRole('region', { name: 'Valid certificate' });
  // Names and titles are set apart from the sentence by invisible direction isolates (U+2068, U+2069).
  await expect(valid).toContainText(title);
  expect((await valid.textContent())?.replace(/[\u2068\u2069]/g, '')).toContain(`completed “${title}”, offered by Kenya country pathfinder`);
  await expectAccessible(visitor);
  await visitor.goto(`/verify/${code}`);
  await expect(visitor.getByRole('region', { name: 'Valid certificate' })).toContainText(title);

  // The trainer sees one learner completed, in Kenya and in the African Region.
  await page.goto(courseUrl);
  await page.getByRole('link', { name: 'Completion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Completion' })).toBeVisible();
  const byOrganisation = page.getByRole('region', { name: 'By organisation' });
  await expect(byOrganisation.getByRole('row').filter({ hasText: 'Kenya country pathfinder' })).toHaveText(/Kenya country pathfinder\s*African Region\s*1\s*1\s*100\s?%/);
  const byRegion = page.getByRole('region', { name: 'By WHO region' });
  await expect(byRegion.getByRole('row').filter({ hasText: 'African Region' })).toHaveText(/African Region\s*1\s*1\s*100\s?%/);
  await expectAccessible(page);
});
