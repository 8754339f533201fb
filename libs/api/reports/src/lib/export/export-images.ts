import type { EmbeddedImage } from '../images/report-images.service';
import type { RenderedChart } from './chart-embeds';
import type { ExportWords } from './export-words';

/** The report's images a document shows, keyed by the address the document stores (see ReportImagesService.forExport). */
export type ExportImages = Map<string, EmbeddedImage>;

export function imageFor(images: ExportImages, attrs: Record<string, unknown> | undefined): EmbeddedImage | null {
  return images.get(String(attrs?.['src'] ?? '')) ?? null;
}

export function imageDataUrl(image: EmbeddedImage): string {
  return `data:${image.contentType};base64,${image.data.toString('base64')}`;
}


/** What the writers draw a report's blocks with: its charts and images, and the export's own words. */
export interface ExportParts {
  charts: Map<string, RenderedChart | null>;
  images: ExportImages;
  words: ExportWords;
}
