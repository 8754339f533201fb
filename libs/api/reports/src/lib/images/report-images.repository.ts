import { Injectable } from '@nestjs/common';
import type { ReportImageType, ReportStatus } from '@simashe/contracts';
import { DataSource } from 'typeorm';

/** One stored image, without its bytes. */
export interface ReportImageRow {
  id: string;
  report_id: string;
  name: string;
  content_type: ReportImageType;
  size: number;
  width: number;
  height: number;
  created_at: Date;
}

export interface ReportImageDataRow {
  id: string;
  content_type: ReportImageType;
  width: number;
  height: number;
  data: Buffer;
}

/** What access to a report's images is decided on (the report's own facts). */
export interface ReportFactsRow {
  organisation_id: string;
  status: ReportStatus;
  archived: boolean;
}

export interface NewReportImage {
  reportId: string;
  name: string;
  contentType: ReportImageType;
  size: number;
  width: number;
  height: number;
  data: Buffer;
  uploadedBy: string;
}

const COLUMNS = 'id, report_id, name, content_type, size, width, height, created_at';

/** All SQL on `report_images` (migration 1763900000028). */
@Injectable()
export class ReportImagesRepository {
  constructor(private readonly db: DataSource) {}

  async reportFacts(reportId: string): Promise<ReportFactsRow | null> {
    const [row]: ReportFactsRow[] = await this.db.query('SELECT organisation_id, status, archived_at IS NOT NULL AS archived FROM reports WHERE id = $1', [reportId]);
    return row ?? null;
  }

  async count(reportId: string): Promise<number> {
    const [row]: Array<{ count: number }> = await this.db.query('SELECT count(*)::int AS count FROM report_images WHERE report_id = $1', [reportId]);
    return row.count;
  }

  async insert(image: NewReportImage): Promise<ReportImageRow> {
    const [row]: ReportImageRow[] = await this.db.query(
      `INSERT INTO report_images (report_id, name, content_type, size, width, height, data, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [image.reportId, image.name, image.contentType, image.size, image.width, image.height, image.data, image.uploadedBy],
    );
    return row;
  }

  async find(reportId: string, imageId: string): Promise<(ReportImageDataRow & { name: string }) | null> {
    const [row] = await this.db.query('SELECT id, name, content_type, width, height, data FROM report_images WHERE id = $1 AND report_id = $2', [imageId, reportId]);
    return row ?? null;
  }

  /** The images of one report among `ids` (anything else in a document is ignored), with their bytes, for exports. */
  async many(reportId: string, ids: string[]): Promise<ReportImageDataRow[]> {
    if (ids.length === 0) return [];
    return this.db.query('SELECT id, content_type, width, height, data FROM report_images WHERE report_id = $1 AND id = ANY($2::uuid[])', [reportId, ids]);
  }
}
