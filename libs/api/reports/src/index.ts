export * from './lib/reports.module';
export * from './lib/reports.service';
export { ReportImagesService } from './lib/images/report-images.service';
export * from './lib/export/chart-embeds';
export { chartSvg, pdfBuffer, textInColumn } from './lib/export/to-pdf';
