import { createReport, expect, expectAccessible, guidance, placeCaret, signIn, test } from './fixtures';

test('two people co-edit a report live; a viewer cannot type', async ({ page, openAs }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  const url = await createReport(page, `Live co-writing ${Date.now()}`);
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();
  await expectAccessible(page);

  const admin = await openAs('kenya.admin@demo.simashe.org');
  await admin.goto(url);
  const adminText = admin.getByRole('textbox', { name: 'Report text' });
  await expect(adminText).toContainText('Equity and inequality findings');
  // The template exists once, however many people joined.
  await expect(adminText.getByText('Equity and inequality findings', { exact: true })).toHaveCount(1);

  // The editor types under "Context"; the admin sees the words and the editor's named cursor.
  const editorText = page.getByRole('textbox', { name: 'Report text' });
  // The template's guidance is a placeholder: it vanishes as soon as one types.
  const context = guidance(editorText, 'The setting: population');
  await expect(context).toBeVisible();
  await expect(editorText).not.toContainText('The setting: population');
  await context.click();
  await page.keyboard.type('Nairobi county rolled out the housing programme.');
  await expect(guidance(editorText, 'The setting: population')).toHaveCount(0);
  await expect(adminText).toContainText('Nairobi county rolled out the housing programme.');
  await expect(admin.locator('.collaboration-carets__label', { hasText: 'Otieno Odhiambo' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'People in this report' }).getByRole('listitem')).toHaveCount(2);

  // An action item is given to someone of the report's organisation; the colleague sees who owns it.
  await page.getByRole('button', { name: 'Action item' }).click();
  await page.getByLabel('Owner').selectOption({ label: 'Wanjiru Kamau' });
  await expect(adminText.locator('[data-action-item][data-owner-name="Wanjiru Kamau"]')).toContainText('Nairobi county rolled out the housing programme.');
  await expect(page.getByLabel('Owner').locator('option')).toContainText(['Otieno Odhiambo', 'Wanjiru Kamau']);

  // And the other way round.
  await guidance(adminText, 'What got in the way').click();
  await admin.keyboard.type('Staff turnover in two districts.');
  await expect(editorText).toContainText('Staff turnover in two districts.');
  await expect(page.locator('.collaboration-carets__label', { hasText: 'Wanjiru Kamau' })).toBeVisible();

  const viewer = await openAs('kenya.viewer@demo.simashe.org');
  await viewer.goto(url);
  const viewerText = viewer.getByRole('textbox', { name: 'Report text' });
  await expect(viewerText).toContainText('Staff turnover in two districts.');
  await expect(viewer.getByText('You can read this report but not edit it.')).toBeVisible();
  await expect(viewerText).toHaveAttribute('contenteditable', 'false');
  await viewerText.getByText('Staff turnover in two districts.').click();
  await viewer.keyboard.type('viewer typing');
  await expect(viewerText).not.toContainText('viewer typing');
  await expect(editorText).not.toContainText('viewer typing');
});

test('words typed offline are kept and saved when the connection returns; the status line reads out only changes of state', async ({ page }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await createReport(page, `Offline ${Date.now()}`);
  const editorText = page.getByRole('textbox', { name: 'Report text' });
  const status = page.getByRole('status').filter({ hasText: /Online|Offline|Saving|Reconnecting/ });
  await guidance(editorText, 'The setting: population').click();
  await page.keyboard.type('Typed online.');
  await expect(status).toHaveText('Online — all changes saved');
  // Saving and saved, alternating with every key, are not read out.
  await expect(status).toHaveAttribute('aria-live', 'off');

  await page.context().setOffline(true);
  await expect(status).toContainText('Offline — everything so far is saved');
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await page.keyboard.type(' Typed offline.');
  await expect(status).toContainText(/unsaved changes kept on this device: \d+/);

  await page.context().setOffline(false);
  await expect(status).toHaveText('Online — all changes saved', { timeout: 20_000 });
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Report text' })).toContainText('Typed online. Typed offline.');
});

test('a submitted report turns read-only and shows on the regional office home page', async ({ page, openAs }) => {
  await signIn(page, 'kenya.admin@demo.simashe.org');
  const title = `Submitted ${Date.now()}`;
  await createReport(page, title);
  // Submitting asks first, saying who will be told.
  await page.getByRole('button', { name: 'Submit report…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Submit this report?' });
  await expect(confirm).toContainText(/Who will be told: .+ \(\d+ (person|people)\)\./);
  // It starts on Cancel: a second Enter does not submit.
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page.getByText('This report is submitted and read-only until an admin reopens it.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Report text' })).toHaveAttribute('contenteditable', 'false');

  const office = await openAs('afro.officer@demo.simashe.org');
  const card = office.getByRole('region', { name: 'Submitted reports from your region' });
  await expect(card.getByRole('link', { name: title })).toBeVisible();

  await page.getByRole('button', { name: 'Reopen (admin)' }).click();
  await expect(page.getByRole('textbox', { name: 'Report text' })).toHaveAttribute('contenteditable', 'true');
});

test('send to review names reviewers, who are told and find the report in their list', async ({ page, openAs }) => {
  await signIn(page, 'kenya.admin@demo.simashe.org');
  const title = `Review ${Date.now()}`;
  await createReport(page, title);
  await page.getByRole('button', { name: 'Send to review…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send to review' });
  // Sending without a reviewer says so at the field.
  await dialog.getByRole('button', { name: 'Send to review' }).click();
  await expect(dialog.getByText('Choose at least one reviewer')).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Amara Afro' }).check();
  await dialog.getByRole('button', { name: 'Send to review' }).click();
  await expect(page.getByText('Sent to review. Amara Afro have been told.')).toBeVisible();
  await expect(page.getByText('Reviewers: Amara Afro')).toBeVisible();

  // Template actions live in a menu now.
  await page.getByText('More actions').click();
  await expect(page.getByRole('button', { name: 'Save as template…' })).toBeVisible();

  const reviewer = await openAs('afro.officer@demo.simashe.org');
  await reviewer.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports' }).click();
  await reviewer.getByLabel('Only reports I was asked to review').check();
  await expect(reviewer.getByRole('link', { name: title })).toBeVisible();
  // The list sorts by a column header.
  await reviewer.getByRole('button', { name: 'Sort by Title' }).click();
  await expect(reviewer.getByRole('columnheader', { name: /Title/ })).toHaveAttribute('aria-sort', 'ascending');
});

test('a named version can be viewed and restored, live for a collaborator', async ({ page, openAs }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  const url = await createReport(page, `History ${Date.now()}`);
  const editorText = page.getByRole('textbox', { name: 'Report text' });
  await guidance(editorText, 'The setting: population').click();
  await page.keyboard.type('First draft.');
  await expect(page.getByRole('status').filter({ hasText: 'all changes saved' })).toBeVisible();
  const history = page.getByRole('region', { name: 'History' });
  await history.getByLabel('Version name').fill('Draft 1');
  await history.getByRole('button', { name: 'Save version' }).click();
  await expect(history.getByText('Draft 1')).toBeVisible();

  await page.keyboard.press('Control+End');
  await editorText.getByText('First draft.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Second wording.');
  await expect(page.getByRole('status').filter({ hasText: 'all changes saved' })).toBeVisible();

  const admin = await openAs('kenya.admin@demo.simashe.org');
  await admin.goto(url);
  const adminText = admin.getByRole('textbox', { name: 'Report text' });
  await expect(adminText).toContainText('Second wording.');
  const adminHistory = admin.getByRole('region', { name: 'History' });
  const entry = adminHistory.getByRole('listitem').filter({ hasText: 'Draft 1' });
  await entry.getByRole('button', { name: 'View' }).click();
  await expect(admin.getByLabel('Viewing "Draft 1" (read-only)')).toContainText('First draft.');
  await expect(admin.getByLabel('Viewing "Draft 1" (read-only)')).not.toContainText('Second wording.');

  // Compared with the current text, the words written since "Draft 1" are marked as added.
  await entry.getByRole('button', { name: 'Compare with current' }).click();
  const comparison = admin.locator('section.diff-view');
  await expect(comparison.getByRole('heading', { name: /^Changes from .*Draft 1.* to the current text$/ })).toBeFocused();
  await expect(comparison.getByRole('status').filter({ hasText: '2 words added' })).toBeVisible();
  await expect(comparison.getByRole('document').locator('ins.diff-ins')).toHaveText(' Second wording.');
  await expect(comparison.getByRole('document').locator('del')).toHaveCount(0);
  await expect(comparison.getByText('who made them is not recorded yet')).toBeVisible();
  await expectAccessible(admin);
  // On a phone, and in Arabic (right to left), it still fits the screen. (The language is picked on the wide
  // screen: on a phone it sits in the collapsed menu.)
  await admin.getByLabel('Language', { exact: true }).first().selectOption('ar');
  await expect(admin.locator('html')).toHaveAttribute('dir', 'rtl');
  await admin.setViewportSize({ width: 390, height: 844 });
  await expect(comparison.getByRole('status').filter({ hasText: 'أُضيفت كلمتان' })).toBeVisible();
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await admin.setViewportSize({ width: 1280, height: 720 });
  await admin.getByRole('combobox', { name: 'اللغة' }).selectOption('en');
  // Escape closes it and puts the keyboard back on the button that opened it.
  await comparison.getByRole('button', { name: 'Close comparison' }).focus();
  await admin.keyboard.press('Escape');
  await expect(comparison).toHaveCount(0);
  await expect(entry.getByRole('button', { name: 'Compare with current' })).toBeFocused();
  // Restoring asks first, in the app's own dialog; Escape cancels it and puts the keyboard back on the button.
  await entry.getByRole('button', { name: 'Restore this version' }).click();
  const confirmRestore = admin.getByRole('dialog', { name: 'Restore this version' });
  await expect(confirmRestore).toContainText('The current text is replaced for everyone');
  await admin.keyboard.press('Escape');
  await expect(confirmRestore).toHaveCount(0);
  await expect(entry.getByRole('button', { name: 'Restore this version' })).toBeFocused();
  await entry.getByRole('button', { name: 'Restore this version' }).click();
  await confirmRestore.getByRole('button', { name: 'Restore this version' }).click();
  await expect(admin.getByText('Version restored for everyone.')).toBeVisible();
  await expect(adminText).not.toContainText('Second wording.');
  // The other person sees the restore live, without reloading.
  await expect(editorText).not.toContainText('Second wording.');
  await expect(editorText).toContainText('First draft.');
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

test('a comment on selected text reaches a collaborator, who replies and resolves it', async ({ page, openAs }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  const url = await createReport(page, `Comments ${Date.now()}`);
  const editorText = page.getByRole('textbox', { name: 'Report text' });
  await guidance(editorText, 'What was done, by whom and when.').click();
  await page.keyboard.type('What was done, by whom and when.');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  const panel = page.getByRole('region', { name: 'Comments' });
  await panel.getByLabel('Comment on the selected text').fill('Please name the districts.');
  await expect(panel.getByText(/^Commenting on: “.*when\.”$/)).toBeVisible();
  await panel.getByRole('button', { name: 'Post comment' }).click();
  // The box empties once the server has answered (the live push may list the comment a moment before that).
  await expect(panel.getByText('Select some text in the report to comment on it.')).toHaveCount(0);
  await expect(panel.getByLabel('Comment on the selected text')).toHaveValue('');
  // The focus is back in the box (the button it was on turned disabled as the box emptied).
  await expect(panel.getByLabel('Comment on the selected text')).toBeFocused();
  // The words are let go once commented: a second comment needs a new selection.
  await expect(panel.getByText(/^Commenting on:/)).toHaveCount(0);
  await panel.getByLabel('Comment on the selected text').fill('And the dates?');
  await panel.getByRole('button', { name: 'Post comment' }).click();
  await expect(panel.getByText('Select some text in the report to comment on it.')).toBeVisible();
  await expect(panel.getByLabel('Comment on the selected text')).toHaveValue('And the dates?');
  await panel.getByLabel('Comment on the selected text').fill('');
  // Back in the text, the same words (still selected there) may be commented again.
  await editorText.focus();
  await expect(panel.getByText(/^Commenting on: “.*when\.”$/)).toBeVisible();
  await expect(panel.getByText('Please name the districts.')).toBeVisible();
  await expect(panel.getByText(/On: “.*when\.?”/)).toBeVisible();
  await expect(editorText.locator('.comment-anchor')).toContainText('when');
  const commented = (await editorText.locator('.comment-anchor').textContent()) ?? '';
  // Text typed right after or right before the commented words stays out of the comment.
  await placeCaret(editorText, { after: 'when.' });
  await page.keyboard.type(' Soon.');
  await placeCaret(editorText, { before: 'when.' });
  await page.keyboard.type('X');
  await expect(editorText.getByText(`What was done, by whom and X${commented} Soon.`)).toBeVisible();
  await expect(editorText.locator('.comment-anchor')).toHaveText(commented);
  // Enter before the commented words: the editor writes them anew in a new paragraph, and the comment follows them.
  await placeCaret(editorText, { before: 'by whom' });
  await page.keyboard.press('Enter');
  await expect(editorText.getByText(`by whom and X${commented} Soon.`, { exact: true })).toBeVisible();
  await expect(editorText.locator('.comment-anchor')).toHaveText(commented);
  await expect(panel.getByText(`On: “${commented}”`)).toBeVisible();
  await expect(panel.getByText('The commented text was deleted.')).toHaveCount(0);
  // The mentions hint shows once (under the new-comment box), not again under each thread's reply box.
  await expect(panel.locator('p.muted', { hasText: 'Type @ and a name to mention someone' })).toHaveCount(1);
  await expect(panel.getByRole('textbox', { name: /^Reply to/ })).toHaveAccessibleDescription(/Type @ and a name to mention someone/);
  await expectAccessible(page);

  const admin = await openAs('kenya.admin@demo.simashe.org');
  await admin.goto(url);
  const adminPanel = admin.getByRole('region', { name: 'Comments' });
  await expect(adminPanel.getByText('Please name the districts.')).toBeVisible();
  await adminPanel.getByLabel(/Reply to/).fill('Kisumu and Nakuru.');
  await adminPanel.getByRole('button', { name: 'Reply' }).click();
  await expect(panel.getByText('Kisumu and Nakuru.')).toBeVisible({ timeout: 15_000 });
  await adminPanel.getByRole('button', { name: 'Resolve' }).click();
  await expect(adminPanel.getByText('Please name the districts.')).toHaveCount(0);
  await adminPanel.getByLabel('Show resolved').check();
  await expect(adminPanel.getByText(/Resolved by Wanjiru Kamau/)).toBeVisible();
});

test('a comment keeps its words when a colleague moves them while it is being written', async ({ page, openAs }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  const url = await createReport(page, `Moved words ${Date.now()}`);
  const editorText = page.getByRole('textbox', { name: 'Report text' });
  await guidance(editorText, 'What was done, by whom and when.').click();
  await page.keyboard.type('Clinics opened in three districts.');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  const panel = page.getByRole('region', { name: 'Comments' });
  await expect(panel.getByText('Commenting on: “districts.”')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'all changes saved' })).toBeVisible();

  // Meanwhile a colleague presses Enter before those words: the editor writes them anew in a new paragraph, and the
  // writer's selection collapses.
  const admin = await openAs('kenya.admin@demo.simashe.org');
  await admin.goto(url);
  const adminText = admin.getByRole('textbox', { name: 'Report text' });
  // (The writer's named caret sits among those words on this page.)
  await placeCaret(adminText, { before: 'districts.' });
  await admin.keyboard.press('Enter');
  await expect(editorText.getByText('Clinics opened in three', { exact: true })).toBeVisible();

  // The comment is still on those words, and is placed where they went.
  await expect(panel.getByText('Commenting on: “districts.”')).toBeVisible();
  await panel.getByLabel('Comment on the selected text').fill('Which ones?');
  await panel.getByRole('button', { name: 'Post comment' }).click();
  await expect(panel.getByText('Which ones?')).toBeVisible();
  await expect(panel.getByText('Select some text in the report to comment on it.')).toHaveCount(0);
  // (The colleague's named caret may sit at their start.)
  await expect(editorText.locator('.comment-anchor')).toHaveText(/districts\.$/);
  await expect(admin.getByRole('region', { name: 'Comments' }).getByText('On: “districts.”')).toBeVisible();
});

test('pasted HTML is sanitised: no script, no event handlers, no javascript: links', async ({ page, consoleErrors }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await createReport(page, `Paste ${Date.now()}`);
  const editorText = page.getByRole('textbox', { name: 'Report text' });
  await editorText.getByText('Next steps').click();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const html = '<p>Pasted <b>bold</b><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> <a href="javascript:window.__pwned=3">bad link</a> <a href="https://www.who.int">good link</a></p>';
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Pasted bold bad link good link');
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(editorText).toContainText('Pasted bold');
  const inner = await editorText.innerHTML();
  expect(inner).not.toContain('<script');
  expect(inner).not.toContain('onerror');
  expect(inner).not.toContain('javascript:');
  expect(inner).toContain('href="https://www.who.int"');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // Parsing the pasted HTML, the browser met the image's onerror handler: the Content-Security-Policy refused to run
  // it and said so in the console. That refusal is expected here (and only here).
  const refused = (message: string) => message.includes('Executing inline event handler violates the following Content Security Policy');
  const others = consoleErrors.filter((message) => !refused(message));
  consoleErrors.splice(0, consoleErrors.length, ...others);
});

test('undo takes back only my own typing, not a collaborator’s', async ({ page, openAs }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  const url = await createReport(page, `Undo ${Date.now()}`);
  const mine = page.getByRole('textbox', { name: 'Report text' });
  const admin = await openAs('kenya.admin@demo.simashe.org');
  await admin.goto(url);
  const theirs = admin.getByRole('textbox', { name: 'Report text' });
  await guidance(mine, 'What was done, by whom and when.').click();
  await page.keyboard.type('Done MINE');
  await expect(theirs).toContainText('MINE');
  await guidance(theirs, 'What got in the way').click();
  await admin.keyboard.type('In the way THEIRS');
  await expect(mine).toContainText('THEIRS');
  await page.getByRole('button', { name: 'Undo my last change' }).click();
  await expect(mine).not.toContainText('MINE');
  await expect(mine).toContainText('THEIRS');
  await expect(theirs).not.toContainText('MINE');
  await expect(theirs).toContainText('THEIRS');
});

test('table controls add rows and columns, "/" inserts blocks, and links go through the app’s own dialog', async ({ page }) => {
  // The page's editors (the report's, the comment boxes') set up link detection without complaint.
  const linkWarnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && /linkify/i.test(message.text()) && linkWarnings.push(message.text()));
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await createReport(page, `Table ${Date.now()}`);
  const editorText = page.getByRole('textbox', { name: 'Report text' });
  await editorText.getByText('Next steps', { exact: true }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');

  // "/" in the empty paragraph opens the block menu; typing filters it, Enter picks.
  await page.keyboard.type('/tab');
  const blocks = page.getByRole('listbox', { name: 'Insert a block' });
  await expect(blocks.getByRole('option')).toHaveText(['Table']);
  await page.keyboard.press('Enter');
  await expect(blocks).toHaveCount(0);
  const table = editorText.locator('table');
  await expect(table.locator('tr')).toHaveCount(3);
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  await expect(editorText).not.toContainText('/tab');

  // In the table, its own toolbar: a row below, a column after, the header row off and on again.
  const tools = page.getByRole('toolbar', { name: 'Table' });
  await tools.getByRole('button', { name: 'Row below' }).click();
  await expect(table.locator('tr')).toHaveCount(4);
  await tools.getByRole('button', { name: 'Column after' }).click();
  await expect(table.locator('tr').first().locator('th')).toHaveCount(4);
  await expect(table.locator('tr').nth(1).locator('td')).toHaveCount(4);
  await page.keyboard.type('Cell text');
  await expect(table).toContainText('Cell text');
  const headerRow = tools.getByRole('button', { name: 'Header row' });
  await expect(headerRow).toHaveAttribute('aria-pressed', 'true');
  await headerRow.click();
  await expect(table.locator('th')).toHaveCount(0);
  await headerRow.click();
  await expect(table.locator('tr').first().locator('th')).toHaveCount(4);
  await expectAccessible(page);
  // From the keyboard: Alt+F10 reaches the table's tools, Escape goes back to the text.
  await page.keyboard.press('Alt+F10');
  await expect(tools.getByRole('button', { name: 'Row above' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editorText).toBeFocused();
  await tools.getByRole('button', { name: 'Delete table' }).click();
  await expect(table).toHaveCount(0);
  await expect(tools).toHaveCount(0);

  // A link: the in-app dialog refuses a javascript: address at the field, applies a web address, Escape closes.
  await page.keyboard.type('See the WHO site');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Link' });
  const address = dialog.getByLabel('Link address');
  await expect(address).toBeFocused();
  await address.fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByText('This address cannot be used.')).toBeVisible();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await address.fill('https://www.who.int');
  await address.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(editorText.locator('a[href="https://www.who.int"]')).toHaveText('site');
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(address).toHaveValue('https://www.who.int');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(editorText).toBeFocused();

  // Each paragraph and heading takes its direction from its own text (an Arabic line reads right to left).
  await editorText.getByText('Next steps', { exact: true }).click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('الخطوات التالية للدورة');
  await expect(editorText.locator('p', { hasText: 'الخطوات التالية للدورة' })).toHaveAttribute('dir', 'auto');
  await expect(editorText.getByRole('heading', { name: 'Next steps' })).toHaveAttribute('dir', 'auto');
  // A list follows its first item, so an Arabic list in the English interface has its bullets on the right, beside
  // the text (Enter twice on an empty item leaves the list).
  await page.keyboard.press('Enter');
  await page.keyboard.type('- بند أول');
  const arabicList = editorText.locator('ul', { hasText: 'بند أول' });
  await expect(arabicList).toHaveCSS('direction', 'rtl');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(arabicList.locator('li')).toHaveCount(1);

  // "/" also opens the chart tools, with the keyboard on the list of measures.
  await page.keyboard.press('Enter');
  await page.keyboard.type('/cha');
  await expect(blocks.getByRole('option')).toHaveText(['Chart']);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Measure', { exact: true })).toBeFocused();
  await expect(editorText).not.toContainText('/cha');
  await page.getByRole('button', { name: 'Insert chart' }).click();
  await expect(page.getByLabel('Measure', { exact: true })).toHaveCount(0);

  // On a phone the formatting toolbar stays one row and scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  expect((await toolbar.boundingBox())?.height ?? 0).toBeLessThan(60);
  expect(await toolbar.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Its far edge fades, as a hint that more tools lie beyond; scrolled to the end, the near edge fades instead.
  const fade = () => toolbar.evaluate((element) => ['start', 'end'].map((edge) => getComputedStyle(element).getPropertyValue(`--toolbar-fade-${edge}`)));
  await expect.poll(fade).toEqual(['0px', '28px']);
  await toolbar.evaluate((element) => (element.scrollLeft = element.scrollWidth));
  await expect.poll(fade).toEqual(['28px', '0px']);
  expect(linkWarnings).toEqual([]);
});
