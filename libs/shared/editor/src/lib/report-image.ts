import Image from '@tiptap/extension-image';
import type { ProseMirrorJson } from './templates';

/**
 * Images in a report live in the report's own image store (`POST /api/reports/:id/images`); the document only
 * points at them. The one address an image may have is that store's, so a document never makes the reader's
 * browser fetch anything else (no tracking pixels, no `javascript:` or `data:` addresses, no other site).
 */
const IMAGE_PATH = /^\/api\/reports\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/images\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Alternative text is a sentence, not a document. */
export const MAX_IMAGE_ALT_LENGTH = 500;

export function reportImageSrc(reportId: string, imageId: string): string {
  return `/api/reports/${reportId}/images/${imageId}`;
}

/** The report and image an address points at, or null when it is not an address of a report's image store. */
export function readReportImageSrc(src: unknown): { reportId: string; imageId: string } | null {
  if (typeof src !== 'string') return null;
  const match = IMAGE_PATH.exec(src);
  return match ? { reportId: match[1], imageId: match[2] } : null;
}

/** May this address appear in the document of `reportId` (any report's store when no report is named)? */
export function isReportImageSrc(src: unknown, reportId?: string | null): boolean {
  const parsed = readReportImageSrc(src);
  return parsed !== null && (!reportId || parsed.reportId === reportId);
}

export function imageAltText(attrs: Record<string, unknown> | undefined): string {
  const alt = attrs?.['alt'];
  // eslint-disable-next-line no-control-regex -- control characters never belong in alternative text
  return typeof alt === 'string' ? alt.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, MAX_IMAGE_ALT_LENGTH) : '';
}

interface ElementAttributes {
  getAttribute(name: string): string | null;
}

export interface ReportImageOptions {
  /** The report whose document this is: pasted images of other reports (or any other address) are not taken in. */
  reportId: string | null;
}

/**
 * A block image with alternative text. Built on @tiptap/extension-image, minus what would let other addresses in:
 * HTML pasted from elsewhere keeps only images of this report's store, the Markdown `![alt](src)` input rule is off,
 * and title/width/height are not kept (one size: the text's width).
 */
export const ReportImage = Image.extend<ReportImageOptions & { inline: boolean; allowBase64: boolean; HTMLAttributes: Record<string, unknown>; resize: false }>({
  addOptions() {
    return { inline: false, allowBase64: false, HTMLAttributes: {}, resize: false as const, reportId: null };
  },
  addAttributes() {
    const reportId = () => this.options.reportId;
    return {
      src: {
        default: null,
        parseHTML: (element: ElementAttributes) => {
          const src = element.getAttribute('src');
          return isReportImageSrc(src, reportId()) ? src : null;
        },
        renderHTML: (attributes: Record<string, unknown>) => (isReportImageSrc(attributes['src']) ? { src: attributes['src'] } : {}),
      },
      alt: {
        default: '',
        parseHTML: (element: ElementAttributes) => imageAltText({ alt: element.getAttribute('alt') }),
        renderHTML: (attributes: Record<string, unknown>) => ({ alt: imageAltText(attributes) }),
      },
    };
  },
  parseHTML() {
    const reportId = () => this.options.reportId;
    return [{ tag: 'img[src]', getAttrs: (element) => (isReportImageSrc((element as ElementAttributes).getAttribute('src'), reportId()) ? null : false) }];
  },
  addInputRules() {
    return [];
  },
});

/**
 * The document without its images: what a template keeps of a report. Its images belong to that report's store,
 * which the reports made from the template could not read. Each becomes an empty paragraph, so a table cell that
 * held only an image is still a valid cell.
 */
export function withoutImages(node: ProseMirrorJson): ProseMirrorJson {
  if (node.type === 'image') return { type: 'paragraph' };
  return node.content ? { ...node, content: node.content.map(withoutImages) } : node;
}
