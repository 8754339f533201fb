import { getSchema } from '@tiptap/core';
import { reportExtensions } from './extensions';
import { isReportImageSrc, readReportImageSrc, ReportImage, reportImageSrc, withoutImages } from './report-image';
import { reportSchema, safeReportJson } from './schema';
import type { ProseMirrorJson } from './templates';

const REPORT = '11111111-2222-4333-8444-555555555555';
const OTHER = '99999999-2222-4333-8444-555555555555';
const IMAGE = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const SRC = reportImageSrc(REPORT, IMAGE);

const doc = (...content: Array<Record<string, unknown>>) => ({ type: 'doc', content });
const image = (src: unknown, alt: unknown = 'A map of the district') => ({ type: 'image', attrs: { src, alt } });

describe('report images', () => {
  it('only knows addresses of a report image store', () => {
    expect(readReportImageSrc(SRC)).toEqual({ reportId: REPORT, imageId: IMAGE });
    expect(isReportImageSrc(SRC, REPORT)).toBe(true);
    expect(isReportImageSrc(SRC, OTHER)).toBe(false);
    for (const src of [
      'javascript:alert(1)',
      'data:image/png;base64,iVBORw0KGgo=',
      'https://tracker.example/pixel.png',
      '//tracker.example/pixel.png',
      `${SRC}?x=1`,
      `/api/reports/${REPORT}/images/${IMAGE}/../../../../users/me`,
      `/api/reports/${REPORT}/images/not-a-uuid`,
      ` ${SRC}`,
      null,
      42,
    ]) {
      expect(isReportImageSrc(src)).toBe(false);
    }
  });

  it('is a block node of the shared schema with src and alt only', () => {
    const node = reportSchema().nodeFromJSON(doc(image(SRC)));
    node.check();
    expect(node.firstChild?.type.name).toBe('image');
    expect(node.firstChild?.isBlock).toBe(true);
    expect(Object.keys(reportSchema().nodes['image'].spec.attrs ?? {}).sort()).toEqual(['alt', 'src']);
    expect(reportSchema().nodes['image'].spec.toDOM?.(node.firstChild!)).toEqual(['img', { src: SRC, alt: 'A map of the district' }]);
  });

  it('sanitises: keeps this report’s images, drops every other address and cleans the alt text', () => {
    const dirty = doc(
      image(SRC, 'Kibera\u0000 drains'),
      image(reportImageSrc(OTHER, IMAGE)),
      image('javascript:alert(1)'),
      image('data:image/svg+xml;base64,PHN2Zz4='),
      image('https://tracker.example/pixel.gif'),
      { type: 'image', attrs: { src: SRC, alt: 'x'.repeat(2000), onerror: 'alert(1)', title: 'kept?' } },
    );
    const clean = safeReportJson(dirty, { reportId: REPORT });
    expect(clean.content).toEqual([
      { type: 'image', attrs: { src: SRC, alt: 'Kibera  drains' } },
      { type: 'image', attrs: { src: SRC, alt: 'x'.repeat(500) } },
    ]);
    // Without a report named (a version view), any report store is kept, nothing else.
    expect(safeReportJson(dirty).content).toHaveLength(3);
  });

  it('renders no src for an address that is not a report image (a hand-made document)', () => {
    const schema = reportSchema();
    const node = schema.nodeFromJSON(doc(image('javascript:alert(1)')));
    expect(schema.nodes['image'].spec.toDOM?.(node.firstChild!)).toEqual(['img', { alt: 'A map of the district' }]);
  });

  it('leaves images out of what becomes a template', () => {
    const cell = (...content: unknown[]) => ({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content }] }] });
    const template = withoutImages(doc(image(SRC), { type: 'paragraph' }, cell(image(SRC))) as unknown as ProseMirrorJson);
    expect(template).toEqual(doc({ type: 'paragraph' }, { type: 'paragraph' }, cell({ type: 'paragraph' })));
    // Still a valid document: a cell that held only an image is not left empty.
    reportSchema().nodeFromJSON(template).check();
  });

  it('parses pasted HTML: only images of the report being edited come in', () => {
    // A DOM-less stand-in for pasted HTML: what ProseMirror's parser asks of an element.
    const schema = getSchema(reportExtensions().map((extension) => (extension.name === 'image' ? ReportImage.configure({ reportId: REPORT }) : extension)));
    const rule = schema.nodes['image'].spec.parseDOM?.[0];
    expect(rule?.tag).toBe('img[src]');
    const element = (src: string) => ({ getAttribute: (name: string) => (name === 'src' ? src : name === 'alt' ? 'alt text' : null) }) as unknown as HTMLElement;
    expect(rule?.getAttrs?.(element(SRC))).toEqual({ src: SRC, alt: 'alt text' });
    expect(rule?.getAttrs?.(element(reportImageSrc(OTHER, IMAGE)))).toBe(false);
    expect(rule?.getAttrs?.(element('https://tracker.example/pixel.png'))).toBe(false);
  });
});
