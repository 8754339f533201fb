import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SearchIndexer, SearchScopes } from '@simashe/api-search';
import { occurrences } from '@simashe/scheduling';
import { DataSource } from 'typeorm';
import { MEETING_SQL, MeetingAccess, type MeetingRow } from './meeting-access';

/** Makes meetings findable by those who may see them, and tells search which meetings a person sees. */
@Injectable()
export class MeetingSearch implements OnModuleInit {
  constructor(
    private readonly db: DataSource,
    private readonly access: MeetingAccess,
    private readonly scopes: SearchScopes,
    private readonly indexer: SearchIndexer,
  ) {}

  onModuleInit(): void {
    this.scopes.registerMeetings((auth) => this.access.visibleIds(auth.userId));
  }

  async reindex(meetingId: string): Promise<void> {
    const [row]: MeetingRow[] = await this.db.query(`${MEETING_SQL} WHERE m.id = $1`, [meetingId]);
    if (!row || row.cancelled_at) {
      await this.indexer.remove('meeting', meetingId);
      return;
    }
    const agenda: Array<{ title: string; presenter: string }> = await this.db.query(
      'SELECT title, presenter FROM meeting_agenda_items WHERE meeting_id = $1 ORDER BY position',
      [meetingId],
    );
    const [first] = occurrences({ localStart: row.local_start, durationMinutes: row.duration_minutes, timeZone: row.time_zone, rrule: row.rrule });
    await this.indexer.upsert({
      kind: 'meeting',
      refId: row.id,
      title: row.title,
      body: [row.description, ...agenda.map((item) => [item.title, item.presenter].filter(Boolean).join(' — '))].filter(Boolean).join('\n'),
      language: '',
      link: `/meetings/${row.id}`,
      organisationId: row.organiser_organisation_id,
      audience: row.network_wide ? 'network' : 'meeting',
      meetingId: row.id,
      occurredAt: first.start,
    });
  }
}
