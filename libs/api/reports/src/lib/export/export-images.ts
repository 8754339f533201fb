import { imageAltText } from '@simashe/editor';
import type { EmbeddedImage } from '../images/report-images.service';

/** The report's images a document shows, keyed by the address the document stores (see ReportImagesService.forExport). */
export type ExportImages = Map<string, EmbeddedImage>;

export function imageFor(images: ExportImages, attrs: Record<string, unknown> | undefined): EmbeddedImage | null {
  return images.get(String(attrs?.['src'] ?? '')) ?? null;
}

export function imageDataUrl(image: EmbeddedImage): string {
  return `data:${image.contentType};base64,${image.data.toString('base64')}`;
}

/**
 * What an export says where an image cannot be drawn: it is missing (another report's, or not found), or its
 * format cannot go into this kind of file (pdfmake draws PNG and JPEG only; Word has no WebP).
 */
export function missingImageText(attrs: Record<string, unknown> | undefined, image: EmbeddedImage | null, format?: string): string {
  const alt = imageAltText(attrs);
  const what = image && format ? `${image.contentType.replace('image/', '').toUpperCase()} image, not shown in ${format}` : 'Image not available';
  return `[${what}${alt ? `: ${alt}` : ''}]`;
}
