import type { Page } from '@playwright/test';
import { createReport, expect, expectAccessible, signIn, test } from './fixtures';

/** A real PNG, 160 × 90 pixels: a yellow disc on green. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAKAAAABaCAYAAAA/xl1SAAAEY0lEQVR4nO3cTWxMYRTG8UMqLSKjkbY+0jEk7ATBisRgx0LZsdHuWKmVJZZWaqW7jg2JhdZCdxgJKwSxI2FMQ6lITYS2IThn5KaTqqr049z3eZ9fMuaObv957z3vvTML5Nrpn0LkhAGSKwZIrhgguWKA5IoBkisGSK4YILligOSKAZIrBkiuGCC5YoDkigGSKwZIrhjgNOxuGJD84rLk6irjr0UV/cu40reMlL6Pv4ojWbk72qp/oakwwEksXzgmx5Y9k7YlL6rhzYSF2Pd1g1z+vEk+/ajX/6FaDLBGvqEsJzOPpG3pc/00+/q+bJSLlW1SHM3qJzIMUFl4Zxrvz3i1m66irornhncyRBV1gHaq7Wnqn7MV719sRez4sF9iPjVHG6Bd3/U092uEo/rJz6cfDdIxtL96nRijKAO8sOK2dGYe6FF6dFV2yKmPe/UoLlEFaKfcO6uuypb69/opfZ6MtciewSO6KsZzSo4mwLTHl4gtwigCDCW+REwRRhHg4zWFYOJLWIRb37QLOvgAu1bc0s3lh3oUnouV7dL5cZ8e4YIO0LZaelde16NwHXp3GHqLBjZAu+57le3Wd999vpmyfcJ15eP6jnk9CBtgb0uv2x2O2WYPMrTrHRNEkAHavd07q6/qEY49b49A3juGDNC2XObrwYL5UhzJVrdm0MAFiLj6JRBXQbgA+1quy8GlL/QIz40vG6Tt/WE9wgEVoE2+w7kuPcLVWOoUpIkYKsBO3XC+oBvPyE7pxnSXblCjgAqwqMPHbrDhY6K7OozkB3GGEagAf64/r//iW/DytP6LASZA5Ol3IqRpGCbAs4335UzjPT3Cd254l5wd3qlH4YMJsNDUX/0ubwyQbs3BBBjDAJJAGkRgAnzV2v3Hz2Wgsp8BWTdwXI/CBxNgLBNwAmUSZoCBYoApwwDDxAADxQBTppTtlrV1cQwhr79nJFfmEJIq3IYJE0yA3IgOE0yAvBUXJpgA+TBCmGACNLFMwigTsIEKMIZBBGkAMVAB8pH88EAFyC8lhQcqQMOvZYYFLkDkaRhp+k3ABWgQhxG04SMBGSDiKoi4+hnIAA3StSDSrbeJYAO0ibiUvSQZfQ9ZRSfeXPkE1ORbCzZAw5/oTT/oAA1/pDzd4AM0T9b0yOb6IT0Kx9OxZtnypkOPsEURoF0PFlddCSZCiy8/eBT2uq9WFAGaUCKMKT4TTYAm7RHGFp+JKsBEGgeTGAaOyUQZoLEtmkLzTfd9Qtvnax86AL3VMpVoAzR2Si403XS7Y2J3OGzVi+mUO1HUASbyeu/YvtQ0Xw8w2IMF9qUixHu7/4sB1rAQ7anquVoR7Xk+e5qZ4Y1jgJOwU3P7smfV68SZroq22tn1XUFPtzGfav+GAU6DrYz5xQOSq6v8fi2q/PEzIPZzGfa7fSV711dxpJUr3TQwQHLFAMkVAyRXDJBcMUByxQDJFQMkVwyQXDFAcsUAyRUDJFcMkFwxQHLFAMkVAyRXvwDbuWm5NeZhPAAAAABJRU5ErkJggg==',
  'base64',
);

/** The image has arrived from the server and been decoded (not a broken-image icon). */
const loaded = (page: Page, selector: string) =>
  expect.poll(() => page.locator(selector).first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBe(160);

test('an image chosen from the toolbar is uploaded, described, seen by a collaborator and exported to PDF', async ({ page, openAs, consoleErrors }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  const url = await createReport(page, `Pictures ${Date.now()}`);
  const reportId = new URL(url).pathname.split('/').pop()!;
  const editorText = page.getByRole('textbox', { name: 'Report text' });
  const before = await page.request.get(`/api/reports/${reportId}/export?format=pdf`);
  expect(before.status()).toBe(200);
  expect((await before.body()).toString('latin1')).not.toContain('/Subtype /Image');

  // The toolbar button opens the file picker; the image goes to the report's own store and into the text.
  await editorText.locator('p[data-placeholder^="The setting: population"]').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: /Insert an image/ }).click();
  await (await chooser).setFiles({ name: 'kibera-drain.png', mimeType: 'image/png', buffer: PNG });
  const image = `img[src^="/api/reports/${reportId}/images/"]`;
  await expect(editorText.locator(image)).toHaveCount(1);
  await loaded(page, `.report-content ${image}`);
  await expect(page.getByRole('status').filter({ hasText: 'Uploading' })).toHaveCount(0);

  // Its alternative text, in the app's dialog.
  await editorText.locator(image).click();
  const tools = page.getByRole('toolbar', { name: 'Image' });
  await expect(tools).toContainText('This image has no alternative text yet.');
  await tools.getByRole('button', { name: 'Describe the image' }).click();
  const dialog = page.getByRole('dialog', { name: 'Describe the image' });
  await dialog.getByLabel('Alternative text').fill('A cleaned drain in Kibera');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(editorText.locator(image)).toHaveAttribute('alt', 'A cleaned drain in Kibera');
  await expectAccessible(page);

  // A collaborator sees the picture live, with its description.
  const admin = await openAs('kenya.admin@demo.simashe.org');
  await admin.goto(url);
  const adminText = admin.getByRole('textbox', { name: 'Report text' });
  await expect(adminText.locator(image)).toHaveAttribute('alt', 'A cleaned drain in Kibera');
  await loaded(admin, `.report-content ${image}`);

  // The PDF now carries the image itself: an image object of the picture's own 160 × 90 pixels.
  // (Not a size comparison: the PNG is under 1 kB compressed, so the file grows by about that.)
  const imageObject = async () => {
    const pdf = (await (await page.request.get(`/api/reports/${reportId}/export?format=pdf`)).body()).toString('latin1');
    return /\/Subtype \/Image/.test(pdf) && /\/Width 160\b/.test(pdf) && /\/Height 90\b/.test(pdf);
  };
  await expect.poll(imageObject, { timeout: 15_000 }).toBe(true);

  // SVG is refused before it leaves the browser; a file that only pretends to be a PNG is refused by the server.
  const input = page.getByTestId('report-image-input');
  await input.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') });
  await expect(page.getByRole('alert')).toContainText('logo.svg could not be added: only PNG, JPEG, GIF and WebP images can be added (SVG cannot).');
  await input.setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
  await expect(page.getByRole('alert')).toContainText('fake.png could not be added: This file is not a PNG, JPEG, GIF or WebP image');
  await expect(editorText.locator('img')).toHaveCount(1);
  // The browser logs the refused upload (400) itself: expected here, and only here.
  const others = consoleErrors.filter((message) => !/status of 400/.test(message));
  consoleErrors.splice(0, consoleErrors.length, ...others);
});

test('images pasted or dropped into the text are uploaded and inserted; "/" offers Image', async ({ page }) => {
  await signIn(page, 'kenya.editor@demo.simashe.org');
  const url = await createReport(page, `Pasted picture ${Date.now()}`);
  const reportId = new URL(url).pathname.split('/').pop()!;
  const editorText = page.getByRole('textbox', { name: 'Report text' });
  await editorText.locator('p[data-placeholder^="The setting: population"]').click();
  await page.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, PNG.toString('base64'));
  await expect(editorText.locator(`img[src^="/api/reports/${reportId}/images/"]`)).toHaveCount(1);

  // The "/" menu lists Image, which opens the same file picker.
  await editorText.getByText('Next steps').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('/ima');
  const menu = page.getByRole('listbox', { name: /block/i });
  await expect(menu.getByRole('option', { name: 'Image' })).toBeVisible();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'second.png', mimeType: 'image/png', buffer: PNG });
  await expect(editorText.locator(`img[src^="/api/reports/${reportId}/images/"]`)).toHaveCount(2);

  // Dropped onto the text, from the desktop.
  const target = await editorText.getByText('Lessons learned', { exact: true }).boundingBox();
  await page.evaluate(
    ({ base64, x, y }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
      document.querySelector('.ProseMirror')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, clientX: x, clientY: y, bubbles: true, cancelable: true }));
    },
    { base64: PNG.toString('base64'), x: target!.x + 5, y: target!.y + target!.height / 2 },
  );
  await expect(editorText.locator(`img[src^="/api/reports/${reportId}/images/"]`)).toHaveCount(3);

  // A WebP picture becomes a PNG before it is sent, so every export can draw it.
  await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 32;
    canvas.height = 16;
    canvas.getContext('2d')!.fillRect(0, 0, 32, 16);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/webp'));
    const data = new DataTransfer();
    data.items.add(new File([blob!], 'photo.webp', { type: 'image/webp' }));
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const images = editorText.locator(`img[src^="/api/reports/${reportId}/images/"]`);
  await expect(images).toHaveCount(4);
  const sources = await images.evaluateAll((all) => all.map((img) => img.getAttribute('src')!));
  const types = await Promise.all(sources.map(async (src) => (await page.request.get(src)).headers()['content-type']));
  expect(types).toEqual(['image/png', 'image/png', 'image/png', 'image/png']);
});

test('the demo’s Kenya report shows its picture to a viewer', async ({ page }) => {
  await signIn(page, 'kenya.viewer@demo.simashe.org');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports' }).click();
  await page.getByRole('link', { name: 'Progress report, July–December 2026' }).first().click();
  const picture = page.getByRole('textbox', { name: 'Report text' }).getByRole('img', { name: /Kibera households connected to cleaned drains/ });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(400);
});
