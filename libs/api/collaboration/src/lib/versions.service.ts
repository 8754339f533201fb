import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { APP_CONFIG, EventBus, NotFoundError, withClusterLock, type AppConfig } from '@simashe/api-core';
import { REPORT_DOCUMENT_FIELD, type DocumentRef, type Version, type VersionContent } from '@simashe/contracts';
import { reportSchema, safeReportJson } from '@simashe/editor';
import { updateYFragment, yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { DocumentRooms, type DocumentRoom } from './document-rooms';

interface VersionRow {
  id: string;
  kind: Version['kind'];
  name: string | null;
  created_at: Date;
  created_by: string | null;
  contributions: Array<{ userId: string; changes: number }>;
}

/**
 * The change that makes the live text equal to a version's, as an update. It is computed on a copy by syncing the
 * copy's Yjs tree to the version's ProseMirror document node by node, as the editor binding does for typed
 * edits: paragraphs and text that the two share are kept rather than deleted and inserted again, so comments
 * anchored to them stay where they are.
 */
export function restoreChange(live: Y.Doc, content: Record<string, unknown>): Uint8Array | null {
  const copy = new Y.Doc();
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
    const before = Y.encodeStateVector(copy);
    const target = reportSchema().nodeFromJSON(content);
    copy.transact(() => updateYFragment(copy, copy.getXmlFragment(REPORT_DOCUMENT_FIELD), target, { mapping: new Map(), isOMark: new Map() }));
    const change = Y.encodeStateAsUpdate(copy, before);
    return change;
  } finally {
    copy.destroy();
  }
}

/**
 * Versions of real-time documents: automatic ones while people work, named ones on request, and restores.
 * A restore is a new change computed against the current text and sent through the same path as typed edits
 * (DocumentRooms.applyChange), so collaborators see it live and history is never rewritten.
 */
@Injectable()
export class VersionsService implements OnModuleInit {
  private readonly logger = new Logger('Versions');

  constructor(
    private readonly db: DataSource,
    private readonly rooms: DocumentRooms,
    private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  onModuleInit(): void {
    // The last editor left: keep what changed since the last version, before the room is dropped.
    this.events.on('document.releasing', async ({ document }) => {
      const room = await this.rooms.find(document);
      if (room?.changedSinceVersion) await this.save(room, 'auto', null, null);
    });
  }

  async keepAutomaticVersion(room: DocumentRoom): Promise<void> {
    if (Date.now() - room.lastVersionAt < this.config.autoVersionMinutes * 60_000) return;
    room.lastVersionAt = Date.now(); // claim the slot before the insert, so a burst of updates makes one version
    // Another instance with the document open may be keeping one too: one at a time, and not one just kept.
    await withClusterLock(this.db, `auto-version:${room.ref.documentId}`, async () => {
      const [recent] = await this.db.query('SELECT 1 FROM collab_versions WHERE document_id = $1 AND created_at > now() - make_interval(mins => $2) LIMIT 1', [
        room.ref.documentId,
        this.config.autoVersionMinutes,
      ]);
      if (!recent) await this.save(room, 'auto', null, null);
    }).catch((error: Error) => this.logger.warn(`automatic version failed: ${error.message}`));
  }

  async saveNamed(ref: DocumentRef, name: string, userId: string): Promise<Version> {
    const room = await this.rooms.open(ref);
    try {
      const id = await this.save(room, 'named', name, userId);
      return this.get(ref.documentId, id);
    } finally {
      await this.rooms.release(room);
    }
  }

  async list(documentId: string): Promise<Version[]> {
    const rows: VersionRow[] = await this.db.query(`${this.versionSql()} WHERE v.document_id = $1 ORDER BY v.created_at DESC LIMIT 200`, [documentId]);
    return this.present(rows);
  }

  async get(documentId: string, versionId: string): Promise<Version> {
    const rows: VersionRow[] = await this.db.query(`${this.versionSql()} WHERE v.document_id = $1 AND v.id = $2`, [documentId, versionId]);
    if (rows.length === 0) throw new NotFoundError('The version');
    return (await this.present(rows))[0];
  }

  async content(documentId: string, versionId: string): Promise<VersionContent> {
    const version = await this.get(documentId, versionId);
    const [row] = await this.db.query('SELECT state FROM collab_versions WHERE id = $1', [versionId]);
    return { ...version, content: safeReportJson(this.toProseMirror(row.state)) as unknown as Record<string, unknown> };
  }

  async restore(ref: DocumentRef, versionId: string, userId: string): Promise<Version> {
    const target = await this.content(ref.documentId, versionId);
    const room = await this.rooms.open(ref);
    try {
      const change = restoreChange(room.doc, target.content);
      if (change) await this.rooms.applyChange(room, change, { origin: 'restore', userId });
      // Named by what it restored (the history says "Restored from …" in each reader's language); an unnamed version
      // by its time.
      const label = target.name ?? `${new Date(target.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      const id = await this.save(room, 'restore', label, userId);
      return this.get(ref.documentId, id);
    } finally {
      await this.rooms.release(room);
    }
  }

  private async save(room: DocumentRoom, kind: Version['kind'], name: string | null, userId: string | null): Promise<string> {
    room.changedSinceVersion = false;
    room.lastVersionAt = Date.now();
    // The counts per author since the last version are taken from the database and cleared by the same statement
    // that writes the version, so none is counted twice or lost across a restart.
    const [{ id, created_at: savedAt }]: Array<{ id: string; created_at: Date }> = await this.db.query(
      `WITH taken AS (DELETE FROM collab_contributions WHERE document_id = $1 RETURNING user_id, changes)
       INSERT INTO collab_versions (document_id, kind, name, state, created_by, contributions)
       SELECT $1, $2, $3, $4, $5,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('userId', user_id, 'changes', changes) ORDER BY changes DESC, user_id), '[]') FROM taken)
       RETURNING id, created_at`,
      [room.ref.documentId, kind, name, Buffer.from(Y.encodeStateAsUpdate(room.doc)), userId],
    );
    // A settled moment to refresh what depends on the text (search).
    await this.events.emit('document.version_saved', { actor: { userId, ip: null }, document: room.ref, versionId: id, savedAt: savedAt.toISOString() });
    return id;
  }

  private toProseMirror(state: Uint8Array): Record<string, unknown> {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const json = yDocToProsemirrorJSON(doc, REPORT_DOCUMENT_FIELD);
    doc.destroy();
    return json;
  }

  private versionSql(): string {
    return 'SELECT v.id, v.kind, v.name, v.created_at, v.created_by, v.contributions FROM collab_versions v';
  }

  private async present(rows: VersionRow[]): Promise<Version[]> {
    // Authors' and contributors' names in one batch of api-accounts (never a join on `users`); someone deleted
    // has none: no author name (''), a contributor is a "Former member".
    const nameOf = await this.users.names(rows.flatMap((row) => [row.created_by, ...row.contributions.map((c) => c.userId)]));
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      name: row.name,
      createdAt: new Date(row.created_at).toISOString(),
      createdBy: row.created_by ? { id: row.created_by, name: nameOf.get(row.created_by) ?? '' } : null,
      contributions: row.contributions.map((c) => ({ userId: c.userId, name: nameOf.get(c.userId) ?? 'Former member', changes: c.changes })),
    }));
  }
}
