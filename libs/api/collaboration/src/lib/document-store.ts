import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';

/**
 * Durable Yjs documents: a compacted snapshot plus the tail of updates appended after it.
 * Appends are plain inserts, so compaction (which rewrites the snapshot and trims the tail) never blocks editors.
 */
@Injectable()
export class DocumentStore {
  private readonly logger = new Logger('DocumentStore');

  constructor(private readonly db: DataSource) {}

  async create(documentId: string, initialState: Uint8Array, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query('INSERT INTO collab_snapshots (document_id, state) VALUES ($1, $2)', [documentId, Buffer.from(initialState)]);
  }

  /** The whole document: snapshot, then every stored update after it, in order. */
  async load(documentId: string): Promise<{ doc: Y.Doc; tailLength: number }> {
    const [snapshot] = await this.db.query('SELECT state, last_update_id FROM collab_snapshots WHERE document_id = $1', [documentId]);
    const tail: Array<{ data: Buffer }> = await this.db.query(
      'SELECT data FROM collab_updates WHERE document_id = $1 AND id > $2 ORDER BY id',
      [documentId, snapshot?.last_update_id ?? 0],
    );
    const doc = new Y.Doc({ gc: true });
    if (snapshot) Y.applyUpdate(doc, snapshot.state);
    for (const row of tail) Y.applyUpdate(doc, row.data);
    return { doc, tailLength: tail.length };
  }

  /** Resolves once the update is durably stored: only then may it be acknowledged. */
  async append(documentId: string, update: Uint8Array, userId: string | null): Promise<void> {
    await this.db.query('INSERT INTO collab_updates (document_id, data, user_id) VALUES ($1, $2, $3)', [
      documentId,
      Buffer.from(update),
      userId,
    ]);
  }

  async lastVersionAt(documentId: string): Promise<number> {
    const [row] = await this.db.query('SELECT max(created_at) AS at FROM collab_versions WHERE document_id = $1', [documentId]);
    return row?.at ? new Date(row.at).getTime() : 0;
  }

  /** Folds the tail into the snapshot. Safe to run while editors keep appending. */
  async compact(documentId: string): Promise<number> {
    return this.db.transaction(async (manager) => {
      const [snapshot] = await manager.query(
        'SELECT state, last_update_id FROM collab_snapshots WHERE document_id = $1 FOR UPDATE',
        [documentId],
      );
      const tail: Array<{ id: string; data: Buffer }> = await manager.query(
        'SELECT id, data FROM collab_updates WHERE document_id = $1 AND id > $2 ORDER BY id',
        [documentId, snapshot?.last_update_id ?? 0],
      );
      if (tail.length === 0) return 0;
      const merged = Y.mergeUpdates([...(snapshot ? [snapshot.state as Buffer] : []), ...tail.map((row) => row.data)]);
      const lastId = tail[tail.length - 1].id;
      await manager.query(
        `INSERT INTO collab_snapshots (document_id, state, last_update_id, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (document_id) DO UPDATE SET state = EXCLUDED.state, last_update_id = EXCLUDED.last_update_id, updated_at = now()`,
        [documentId, Buffer.from(merged), lastId],
      );
      await manager.query('DELETE FROM collab_updates WHERE document_id = $1 AND id <= $2', [documentId, lastId]);
      this.logger.debug(`compacted ${tail.length} updates of ${documentId}`);
      return tail.length;
    });
  }
}
