import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DocumentAccessRegistry, DocumentRooms, DocumentStore } from '@simashe/api-collaboration';
import { ForbiddenError, NotFoundError, readerLanguage, type AuthContext } from '@simashe/api-core';
import { REPORT_DOCUMENT_FIELD, type ActionItem, type Agenda, type Language, type Minutes } from '@simashe/contracts';
import { readActionItemAttributes, reportSchema, type ProseMirrorJson } from '@simashe/editor';
import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { AgendaService } from './agenda.service';
import { MeetingAccess, type MeetingRow } from './meeting-access';
import { MeetingsService } from './meetings.service';

interface MinutesRow {
  id: string;
  meeting_id: string;
  occurrence: string;
}

const MINUTES_SQL = `SELECT id, meeting_id, to_char(occurrence_local_start, 'YYYY-MM-DD"T"HH24:MI') AS occurrence FROM meeting_minutes`;

const text = (value: string): ProseMirrorJson => ({ type: 'text', text: value });
const heading = (level: number, value: string): ProseMirrorJson => ({ type: 'heading', attrs: { level }, content: [text(value)] });

/** The template's headings in the language of whoever starts the minutes (they are ordinary text afterwards). */
const HEADINGS: Record<Language, { minutes: (title: string) => string; attendees: string; actionItems: string; min: string }> = {
  en: { minutes: (title) => `Minutes: ${title}`, attendees: 'Attendees', actionItems: 'Action items', min: 'min' },
  fr: { minutes: (title) => `Compte rendu : ${title}`, attendees: 'Participants', actionItems: 'Actions à mener', min: 'min' },
  es: { minutes: (title) => `Acta: ${title}`, attendees: 'Asistentes', actionItems: 'Acciones acordadas', min: 'min' },
  ar: { minutes: (title) => `المحضر: ${title}`, attendees: 'الحاضرون', actionItems: 'بنود العمل', min: 'دقيقة' },
};

/** The first state of a minutes document: the meeting, its date, one section per agenda item, and a first action item. */
export function minutesTemplate(row: MeetingRow, occurrence: string, agenda: Agenda, language: Language = 'en'): ProseMirrorJson {
  const date = DateTime.fromISO(occurrence).toFormat("yyyy-LL-dd HH:mm");
  const words = HEADINGS[language] ?? HEADINGS.en;
  return {
    type: 'doc',
    content: [
      heading(2, words.minutes(row.title)),
      { type: 'paragraph', content: [text(`${date} (${row.time_zone})`)] },
      heading(3, words.attendees),
      { type: 'paragraph' },
      ...agenda.items.flatMap((item, index) => [
        heading(3, `${index + 1}. ${item.title}${item.presenter ? ` (${item.presenter}, ${item.minutes} ${words.min})` : ` (${item.minutes} ${words.min})`}`),
        { type: 'paragraph' },
      ]),
      heading(3, words.actionItems),
      { type: 'actionItem', attrs: { itemId: randomUUID() } },
    ],
  };
}

function plainText(node: ProseMirrorJson): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(plainText).join('');
}

function findActionItems(node: ProseMirrorJson, found: ProseMirrorJson[] = []): ProseMirrorJson[] {
  if (node.type === 'actionItem') found.push(node);
  for (const child of node.content ?? []) findActionItems(child, found);
  return found;
}

/** Minutes: one real-time document per occurrence, written with the report editor; action items are read out of it. */
@Injectable()
export class MinutesService implements OnModuleInit {
  constructor(
    private readonly db: DataSource,
    private readonly access: MeetingAccess,
    private readonly meetings: MeetingsService,
    private readonly agenda: AgendaService,
    private readonly store: DocumentStore,
    private readonly rooms: DocumentRooms,
    private readonly registry: DocumentAccessRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register('meeting_minutes', async (auth, documentId) => {
      const [minutes]: MinutesRow[] = await this.db.query(`${MINUTES_SQL} WHERE id = $1`, [documentId]);
      if (!minutes) return null;
      try {
        const { scope, resource } = await this.access.authorise(auth, minutes.meeting_id, 'minutes:read', true);
        return scope.can('minutes:write', resource) ? 'edit' : 'read';
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
    });
  }

  async get(auth: AuthContext, meetingId: string, occurrence: string): Promise<Minutes> {
    const { scope, resource } = await this.access.authorise(auth, meetingId, 'minutes:read', true);
    const [minutes]: MinutesRow[] = await this.db.query(`${MINUTES_SQL} WHERE meeting_id = $1 AND occurrence_local_start = $2`, [meetingId, occurrence]);
    if (!minutes) throw new NotFoundError('Minutes for that occurrence');
    return this.present(minutes, scope.can('minutes:write', resource) ? 'edit' : 'read');
  }

  /** Opens the minutes of an occurrence, creating them from the agenda the first time. Idempotent under races. */
  async open(auth: AuthContext, meetingId: string, occurrence: string): Promise<Minutes> {
    const { row, scope, resource } = await this.access.authorise(auth, meetingId, 'minutes:read');
    if (!(await this.meetings.occurrenceExists(auth, row, occurrence))) throw new NotFoundError('That occurrence');
    const canEdit = scope.can('minutes:write', resource);
    const [existing]: MinutesRow[] = await this.db.query(`${MINUTES_SQL} WHERE meeting_id = $1 AND occurrence_local_start = $2`, [meetingId, occurrence]);
    if (existing) return this.present(existing, canEdit ? 'edit' : 'read');
    if (!canEdit) throw new ForbiddenError('Only organisers and invited contributors can start the minutes');
    const template = minutesTemplate(row, occurrence, await this.agenda.read(meetingId), readerLanguage(auth));
    const initial = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(reportSchema(), template, REPORT_DOCUMENT_FIELD));
    await this.db.transaction(async (manager) => {
      const [created] = await manager.query(
        `INSERT INTO meeting_minutes (meeting_id, occurrence_local_start, created_by) VALUES ($1, $2, $3)
         ON CONFLICT (meeting_id, occurrence_local_start) DO NOTHING RETURNING id`,
        [meetingId, occurrence, auth.userId],
      );
      // Someone else created them a moment ago: theirs stand, and the document is never seeded twice.
      if (created) await this.store.create(created.id, initial, manager);
    });
    return this.get(auth, meetingId, occurrence);
  }

  /** Every action item marked in any of the meeting's minutes, earliest occurrence first. */
  async actionItems(auth: AuthContext, meetingId: string): Promise<ActionItem[]> {
    await this.access.readable(auth, meetingId, true);
    const all: MinutesRow[] = await this.db.query(`${MINUTES_SQL} WHERE meeting_id = $1 ORDER BY occurrence_local_start`, [meetingId]);
    const items: ActionItem[] = [];
    for (const minutes of all) {
      // Open minutes are read from the live copy, so a just-typed owner shows without waiting for storage.
      const room = await this.rooms.find({ kind: 'meeting_minutes', documentId: minutes.id });
      const doc = room ? room.doc : (await this.store.load(minutes.id)).doc;
      const json = yDocToProsemirrorJSON(doc, REPORT_DOCUMENT_FIELD) as ProseMirrorJson;
      for (const node of findActionItems(json)) {
        const attributes = readActionItemAttributes(node.attrs);
        const words = plainText(node).trim();
        if (!words && !attributes.ownerId) continue;
        items.push({ minutesId: minutes.id, occurrence: minutes.occurrence, text: words, ...attributes });
      }
    }
    return items;
  }

  private present(minutes: MinutesRow, access: 'edit' | 'read'): Minutes {
    return { documentId: minutes.id, meetingId: minutes.meeting_id, occurrence: minutes.occurrence, access };
  }
}
