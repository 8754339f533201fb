import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, EventBus, eventActor, formatStamp, readerLanguage, readerTimeZone, type AppConfig, type AuthContext } from '@simashe/api-core';
import { DocumentStore, VersionsService } from '@simashe/api-collaboration';
import { REPORT_DOCUMENT_FIELD, type Report } from '@simashe/contracts';
import { safeReportJson } from '@simashe/editor';
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { ReportImagesService } from '../images/report-images.service';
import { ChartEmbedRegistry } from './chart-embeds';
import type { ExportFormat, ExportHeader } from './export-header';
import { toHtml } from './to-html';
import { toMarkdown } from './to-markdown';
import { ExportWords } from './export-words';
import { toPdf } from './to-pdf';

/** The Word writer (docx, a 1 MB library) is loaded on the first Word export. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const toDocx: typeof import('./to-docx').toDocx = (...args) => (require('./to-docx') as typeof import('./to-docx')).toDocx(...args);

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** Exports the current text, or any version, with title, organisation, period and a version stamp; each export is an event. */
@Injectable()
export class ReportExportService {
  constructor(
    private readonly store: DocumentStore,
    private readonly versions: VersionsService,
    private readonly charts: ChartEmbedRegistry,
    private readonly events: EventBus,
    private readonly images: ReportImagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Embedded charts are drawn from current data, as the reader may see it. */
  async export(auth: AuthContext, report: Report, format: ExportFormat, versionId?: string): Promise<ExportedFile> {
    let content: Record<string, unknown>;
    let versionStamp: string;
    // The export's own words speak the exporting person's language; stamped in their zone, with its offset, so the
    // file says unambiguously when it was made.
    const language = readerLanguage(auth);
    const words = new ExportWords(language);
    const stamp = (at: Date | string) => formatStamp(at, language, readerTimeZone(auth));
    const exportedAt = stamp(new Date());
    if (versionId) {
      const version = await this.versions.content(report.id, versionId);
      content = version.content;
      versionStamp = words.versionStamp(version, stamp(version.createdAt), exportedAt);
    } else {
      const { doc } = await this.store.load(report.id);
      content = yDocToProsemirrorJSON(doc, REPORT_DOCUMENT_FIELD);
      doc.destroy();
      versionStamp = words.currentStamp(report.status, exportedAt);
    }
    const header: ExportHeader = {
      title: report.title,
      organisation: report.organisationName,
      period: words.period(report.periodStart, report.periodEnd),
      versionStamp,
      words,
    };
    // Only this report's own images are kept, and only they are read from the database.
    const doc = safeReportJson(content, { reportId: report.id });
    const images = format === 'md' ? new Map() : await this.images.forExport(report.id, doc);
    // Charts too (in PDF their words are put in the order they are seen for the SVG renderer: chartSvg).
    const charts = await this.charts.render(auth, doc, language);
    const body =
      format === 'html'
        ? Buffer.from(toHtml(doc, header, charts, images))
        : format === 'md'
          ? Buffer.from(toMarkdown(doc, header, charts, this.config.publicUrl))
          : format === 'docx'
            ? await toDocx(doc, header, charts, images)
            : await toPdf(doc, header, charts, images);
    await this.events.emit('data.exported', {
      actor: eventActor(auth),
      organisationId: report.organisationId,
      dataset: 'report',
      format,
      target: { type: 'report', id: report.id, name: report.title },
      rows: null,
      filters: versionId ? { versionId } : {},
    });
    const slug = report.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'report';
    return { filename: `${slug}${versionId ? '-version' : ''}.${format}`, contentType: CONTENT_TYPES[format], body };
  }
}
