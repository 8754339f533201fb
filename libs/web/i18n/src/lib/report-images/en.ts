/** Images in a report's text, English (the reference: fr, es and ar must have every key). */
export const reportImagesEn = {
  insert: 'Image',
  insertLabel: 'Insert an image (PNG, JPEG, GIF or WebP)',
  slash: 'Image',
  chooseFile: 'Choose an image to insert',
  uploading: 'Uploading {{name}}…',
  uploaded: 'Image added.',
  failed: '{{name}} could not be added: {{reason}}',
  dismiss: 'Dismiss',
  wrongType: 'only PNG, JPEG, GIF and WebP images can be added (SVG cannot).',
  tooLarge: 'images are at most {{size}} MB.',
  altText: 'Alternative text',
  altButton: 'Alt text',
  altTitle: 'Describe the image',
  altHint: 'What someone who cannot see the image needs to know: it is read aloud by screen readers and kept in exports.',
  altMissing: 'This image has no alternative text yet.',
  save: 'Save',
  tools: 'Image',
};

export type ReportImagesCatalogue = typeof reportImagesEn;

/** Every key of the English catalogue, translated. */
export type ReportImagesTranslation<T = ReportImagesCatalogue> = { [K in keyof T]: T[K] extends string ? string : ReportImagesTranslation<T[K]> };
