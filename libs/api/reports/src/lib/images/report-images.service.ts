import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, type AuthContext, type UploadedFileData } from '@simashe/api-core';
import { AccessPolicy } from '@simashe/api-organisations';
import type { ReportImage, ReportImageType } from '@simashe/contracts';
import { readReportImageSrc, reportImageSrc, type ProseMirrorJson } from '@simashe/editor';
import { reportResource } from '../report-access';
import { requireReportImage } from './report-image-file';
import { ReportImagesRepository, type ReportFactsRow, type ReportImageRow } from './report-images.repository';

/** Enough for any report; a bound on what one writer can pile into the database. */
export const MAX_IMAGES_PER_REPORT = 200;

/** An image as an export embeds it. */
export interface EmbeddedImage {
  contentType: ReportImageType;
  width: number;
  height: number;
  data: Buffer;
}

export function presentReportImage(row: ReportImageRow): ReportImage {
  return {
    id: row.id,
    reportId: row.report_id,
    src: reportImageSrc(row.report_id, row.id),
    name: row.name,
    contentType: row.content_type,
    size: row.size,
    width: row.width,
    height: row.height,
    createdAt: row.created_at.toISOString(),
  };
}

const resource = (facts: ReportFactsRow) => reportResource({ organisationId: facts.organisation_id, status: facts.status, archived: facts.archived });

/** Images in reports' text: added by those who may type in the document, read by its readers (AccessPolicy's `image:*`). */
@Injectable()
export class ReportImagesService {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly images: ReportImagesRepository,
  ) {}

  async upload(auth: AuthContext, reportId: string, file: UploadedFileData | undefined): Promise<ReportImage> {
    const facts = await this.images.reportFacts(reportId);
    if (!facts) throw new NotFoundError('The report');
    await this.policy.require(auth, 'image:upload', resource(facts), 'The report');
    const image = requireReportImage(file);
    if ((await this.images.count(reportId)) >= MAX_IMAGES_PER_REPORT) {
      throw new ConflictError(`A report holds at most ${MAX_IMAGES_PER_REPORT} images`);
    }
    const row = await this.images.insert({ reportId, name: image.name, contentType: image.contentType, size: image.size, width: image.width, height: image.height, data: image.data, uploadedBy: auth.userId });
    return presentReportImage(row);
  }

  async image(auth: AuthContext, reportId: string, imageId: string): Promise<{ name: string; contentType: ReportImageType; data: Buffer }> {
    const facts = await this.images.reportFacts(reportId);
    if (!facts) throw new NotFoundError('The report');
    await this.policy.require(auth, 'image:read', resource(facts), 'The report');
    const row = await this.images.find(reportId, imageId);
    if (!row) throw new NotFoundError('The image');
    return { name: row.name, contentType: row.content_type, data: row.data };
  }

  /**
   * The images a (sanitised) document of `reportId` shows, keyed by their address, for an export. The caller has
   * already been allowed to read the report; images of other reports are never looked up.
   */
  async forExport(reportId: string, doc: ProseMirrorJson): Promise<Map<string, EmbeddedImage>> {
    const ids = new Set<string>();
    const visit = (node: ProseMirrorJson) => {
      const src = node.type === 'image' ? readReportImageSrc(node.attrs?.['src']) : null;
      if (src?.reportId === reportId) ids.add(src.imageId);
      node.content?.forEach(visit);
    };
    visit(doc);
    const rows = await this.images.many(reportId, [...ids]);
    return new Map(rows.map((row) => [reportImageSrc(reportId, row.id), { contentType: row.content_type, width: row.width, height: row.height, data: row.data }]));
  }
}
