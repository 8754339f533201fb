import { Injectable } from '@nestjs/common';
import type { AuthContext } from '@simashe/api-core';
import type { Agenda, ReplaceAgendaRequest } from '@simashe/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { MeetingAccess } from './meeting-access';
import { MeetingSearch } from './meeting-search';

/** A meeting's ordered agenda: items with a presenter and the minutes allotted. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly db: DataSource,
    private readonly access: MeetingAccess,
    private readonly search: MeetingSearch,
  ) {}

  async get(auth: AuthContext, meetingId: string): Promise<Agenda> {
    await this.access.readable(auth, meetingId, true);
    return this.read(meetingId);
  }

  /** Saving replaces the whole list, so reordering is sending the items in their new order. Locked per meeting. */
  async replace(auth: AuthContext, meetingId: string, input: ReplaceAgendaRequest): Promise<Agenda> {
    await this.access.require(auth, meetingId, 'agenda:update');
    await this.db.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE', [meetingId]);
      await manager.query('DELETE FROM meeting_agenda_items WHERE meeting_id = $1', [meetingId]);
      for (const [position, item] of input.items.entries()) {
        await manager.query('INSERT INTO meeting_agenda_items (meeting_id, position, title, presenter, minutes) VALUES ($1, $2, $3, $4, $5)', [
          meetingId, position, item.title, item.presenter, item.minutes,
        ]);
      }
    });
    await this.search.reindex(meetingId);
    return this.read(meetingId);
  }

  async read(meetingId: string, manager: EntityManager = this.db.manager): Promise<Agenda> {
    const rows: Array<{ id: string; position: number; title: string; presenter: string; minutes: number }> = await manager.query(
      'SELECT id, position, title, presenter, minutes FROM meeting_agenda_items WHERE meeting_id = $1 ORDER BY position',
      [meetingId],
    );
    return { items: rows, totalMinutes: rows.reduce((sum, item) => sum + item.minutes, 0) };
  }
}
