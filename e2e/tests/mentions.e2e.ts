import type { Page } from '@playwright/test';
import { createReport, expect, expectAccessible, guidance, notificationsBell, signIn, test } from './fixtures';

/** The mention notifications about one report, as the person's inbox lists them. */
async function mentionsOf(page: Page, reportUrl: string): Promise<Array<{ title: string }>> {
  const items = (await (await page.request.get('/api/notifications')).json()).items as Array<{ kind: string; title: string; link: string }>;
  return items.filter((item) => item.kind === 'mention' && reportUrl.endsWith(item.link));
}

test('an editor mentions a colleague in the report with the keyboard; the colleague is told once, in the bell', async ({ page, openAs }) => {
  // Kenya's viewer reads Kenya's reports: the person to mention. Their bell is open in their own browser.
  const colleague = await openAs('kenya.viewer@demo.simashe.org');
  const bell = notificationsBell(colleague);
  await expect(bell).toBeVisible();

  await signIn(page, 'kenya.editor@demo.simashe.org');
  const title = `Mentions ${Date.now()}`;
  const url = await createReport(page, title);
  const text = page.getByRole('textbox', { name: 'Report text' });
  await guidance(text, 'The setting: population').click();
  await page.keyboard.type('Survey led by @Achi');

  // The list opens under the "@"; the text keeps the keyboard and points at the highlighted name.
  const list = page.getByRole('listbox', { name: 'People and organisations to mention' });
  const option = list.getByRole('option', { name: /@Achieng Mwangi/ });
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(text).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) ?? 'missing');
  await expectAccessible(page);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(list.getByRole('option', { selected: true })).toHaveCount(1);
  await page.keyboard.type('eng');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(list).toHaveCount(0);
  await expect(text).not.toHaveAttribute('aria-activedescendant', /.+/);
  // The mention reads "@Name" (isolated, in its own direction), never a raw token; typing goes on after it.
  const mention = text.locator('bdi.mention[dir="auto"]', { hasText: '@Achieng Mwangi' });
  await expect(mention).toBeVisible();
  await page.keyboard.type('in Kibera.');
  await expect(text).toContainText('Survey led by @Achieng Mwangi in Kibera.');
  await expect(text).not.toContainText('user:');

  // The colleague's bell counts it, and the menu says who mentioned them where.
  await expect.poll(async () => (await mentionsOf(colleague, url)).length, { timeout: 20_000 }).toBe(1);
  await expect(colleague.getByRole('button', { name: /^Notifications, \d+ unread$/ })).toBeVisible();
  await bell.click();
  const panel = colleague.getByRole('region', { name: 'Latest notifications' });
  const row = panel.getByRole('listitem').filter({ hasText: `Otieno Odhiambo mentioned you in “${title}”` });
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await expect(colleague).toHaveURL(url);
  await expect(colleague.getByRole('textbox', { name: 'Report text' }).locator('bdi.mention', { hasText: '@Achieng Mwangi' })).toBeVisible();

  // Escape closes the list and leaves what was typed. Mentioning the colleague again tells them nothing new; a
  // second person mentioned after that (Tab picks too) shows the later change was handled.
  // Typed at the bottom of the window, the list opens above the "@" rather than below the visible page.
  const paragraph = text.locator('p', { hasText: 'Survey led by' });
  const viewport = page.viewportSize()!;
  const line = (await paragraph.boundingBox())!;
  await page.setViewportSize({ width: viewport.width, height: Math.ceil(line.y + line.height + 12) });
  await page.keyboard.type(' Also @Wanj');
  await expect(list.getByRole('option', { name: /@Wanjiru Kamau/ })).toBeVisible();
  const listBox = (await list.boundingBox())!;
  expect(listBox.y + listBox.height).toBeLessThanOrEqual((await paragraph.boundingBox())!.y);
  expect(listBox.y).toBeGreaterThanOrEqual(0);
  await page.setViewportSize(viewport);
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(text).toContainText('Also @Wanj');
  await page.keyboard.type('iru, cc @Achieng');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(text.locator('bdi.mention', { hasText: '@Achieng Mwangi' })).toHaveCount(2);
  await page.keyboard.type('and @Wanj');
  await expect(list.getByRole('option', { name: /@Wanjiru Kamau/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Tab');
  await expect(text.locator('bdi.mention', { hasText: '@Wanjiru Kamau' })).toBeVisible();
  const admin = await openAs('kenya.admin@demo.simashe.org');
  await expect.poll(async () => (await mentionsOf(admin, url)).length, { timeout: 20_000 }).toBe(1);
  await expect.poll(async () => (await mentionsOf(colleague, url)).length).toBe(1);
});

test('the comment composer offers names to the keyboard and shows "@Name", never the stored token', async ({ page, openAs }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  const url = await createReport(page, `Comment mentions ${Date.now()}`);
  const text = page.getByRole('textbox', { name: 'Report text' });
  await guidance(text, 'What was done, by whom and when.').click();
  await page.keyboard.type('Drains cleared in Kibera.');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  const panel = page.getByRole('region', { name: 'Comments' });
  const box = panel.getByLabel('Comment on the selected text');
  await box.click();
  await box.pressSequentially('Can @Achi');
  const list = panel.getByRole('listbox', { name: 'People and organisations to mention' });
  const option = list.getByRole('option', { name: /@Achieng Mwangi/ });
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id')) ?? 'missing');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue('Can @Achieng Mwangi ');
  await expect(list).toHaveCount(0);
  await expect(panel.getByRole('list', { name: 'Mentioning:' })).toContainText('@Achieng Mwangi');
  await box.pressSequentially('confirm the date?');
  await panel.getByRole('button', { name: 'Post comment' }).click();
  // The box empties once the server has answered; the live push may show the comment a moment before that.
  await expect(box).toHaveValue('');
  const posted = panel.getByText('confirm the date?');
  await expect(posted).toBeVisible();
  await expect(panel.locator('.mention', { hasText: '@Achieng Mwangi' })).toBeVisible();
  await expect(panel).not.toContainText('](user:');
  await expectAccessible(page);

  const colleague = await openAs('kenya.viewer@demo.simashe.org');
  await expect.poll(async () => (await mentionsOf(colleague, url)).map((n) => n.title)).toContainEqual(expect.stringContaining('mentioned you in a comment on'));
});

test('a pasted mention stays a mention only when it is well formed', async ({ page }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  await createReport(page, `Pasted mentions ${Date.now()}`);
  const candidates = (await (await page.request.get('/api/discussions/mention-candidates?q=Achieng')).json()).items as Array<{ id: string; name: string }>;
  const achieng = candidates.find((candidate) => candidate.name === 'Achieng Mwangi');
  expect(achieng).toBeTruthy();
  const text = page.getByRole('textbox', { name: 'Report text' });
  await text.getByText('Next steps').click();
  await page.keyboard.press('End');
  await page.evaluate((id) => {
    const html =
      `<p>Ask <bdi data-type="mention" data-id="${id}" data-kind="user" data-label="Achieng Mwangi">@Achieng Mwangi</bdi>` +
      ` and <span data-type="mention" data-id="javascript:alert(1)" data-kind="user" data-label="Nobody">@Nobody</span> today</p>`;
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Ask @Achieng Mwangi and @Nobody today');
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, achieng!.id);
  await expect(text).toContainText('Ask @Achieng Mwangi and');
  await expect(text.locator('bdi.mention')).toHaveCount(1);
  await expect(text.locator('bdi.mention')).toHaveAttribute('data-id', achieng!.id);
  expect(await text.innerHTML()).not.toContain('javascript:');
});
