export interface ExportHeader {
  title: string;
  organisation: string;
  period: string;
  /** Which text this is: the current version or a named/automatic one, with its time. */
  versionStamp: string;
}

export const EXPORT_FORMATS = ['md', 'html', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
