import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DocumentRooms, DocumentStore } from '@simashe/api-collaboration';
import { EventBus } from '@simashe/api-core';
import { OrganisationsService } from '@simashe/api-organisations';
import { SearchIndexer } from '@simashe/api-search';
import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import { documentText, type ProseMirrorJson } from '@simashe/editor';
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { DataSource } from 'typeorm';
import { REPORT_ROW_SQL, type StoredReportRow } from './report.presenter';

/**
 * Keeps each report findable: its title and organisation when they change, its text whenever a version is
 * kept (every few minutes of editing, and when the last editor leaves). Readers of the organisation find it.
 */
@Injectable()
export class ReportSearch implements OnModuleInit {
  private readonly logger = new Logger('ReportSearch');

  constructor(
    private readonly db: DataSource,
    private readonly store: DocumentStore,
    private readonly rooms: DocumentRooms,
    private readonly events: EventBus,
    private readonly indexer: SearchIndexer,
    private readonly organisations: OrganisationsService,
  ) {}

  onModuleInit(): void {
    // Started, not awaited: indexing need not hold up the edit or the editor leaving that stored the version.
    this.events.on('document.version_saved', ({ document }) => {
      if (document.kind === 'report') void this.reindex(document.documentId).catch((error: Error) => this.logger.warn(`indexing failed: ${error.message}`));
    });
  }

  async reindex(reportId: string): Promise<void> {
    const [row]: StoredReportRow[] = await this.db.query(`${REPORT_ROW_SQL} WHERE r.id = $1`, [reportId]);
    if (!row) return;
    // The organisation's name from its owner; a report whose organisation is gone is not indexed (as the join had it).
    const organisationName = await this.organisations.name(row.organisation_id);
    if (organisationName === null) return;
    const room = await this.rooms.find({ kind: 'report', documentId: reportId });
    const doc = room ? room.doc : (await this.store.load(reportId)).doc;
    const text = documentText(yDocToProsemirrorJSON(doc, REPORT_DOCUMENT_FIELD) as ProseMirrorJson);
    await this.indexer.upsert({
      kind: 'report',
      refId: row.id,
      title: row.title,
      body: `${organisationName} · ${row.period_start} – ${row.period_end}\n${text}`,
      language: '',
      link: `/reports/${row.id}`,
      organisationId: row.organisation_id,
      audience: 'organisation',
      occurredAt: row.updated_at,
    });
  }
}
