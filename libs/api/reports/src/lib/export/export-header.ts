import type { ExportWords } from './export-words';

export interface ExportHeader {
  title: string;
  organisation: string;
  period: string;
  /** Which text this is: the current version or a named/automatic one, with its time. */
  versionStamp: string;
  /** The export's own words (labels, stamps), in the exporting reader's language. */
  words: ExportWords;
}

export const EXPORT_FORMATS = ['md', 'html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
