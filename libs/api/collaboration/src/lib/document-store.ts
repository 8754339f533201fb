import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { isStatementTimeout, PreparedStatements } from '@simashe/api-core';
import { DataSource, type EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { DocumentLoader, DocumentLoadTimeout, LOAD_SQL, type LoadedState } from './document-loader';

interface PendingAppend {
  documentId: string;
  data: Uint8Array;
  userId: string | null;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** At most this many updates go into one INSERT; the rest wait for the next. */
const MAX_BATCH = 500;

/** Documents stored in more bytes than this are loaded for editing on a worker thread (DocumentLoader). */
export const LARGE_DOCUMENT_BYTES = 256 * 1024;

/**
 * Durable Yjs documents: a compacted snapshot plus the tail of updates appended after it.
 *
 * Appends use group commit: while one multi-row INSERT is in flight, the updates that arrive queue up and go
 * together in the next, so a burst of keystrokes costs a few commits rather than one each. Each append's
 * promise resolves once its row is committed; only then may it be acknowledged.
 *
 * The tail is "every update row of the document": compaction deletes exactly the rows it read and folded into
 * the snapshot, never "every id up to N" (sequence ids are not commit order, so an append committed after the
 * compaction read the tail could have a lower id). Loads read the snapshot and the tail in one statement, so
 * they see one consistent moment.
 */
@Injectable()
export class DocumentStore implements OnModuleDestroy {
  private readonly logger = new Logger('DocumentStore');
  private queue: PendingAppend[] = [];
  private writing = false;
  private readonly loader: DocumentLoader;

  constructor(
    private readonly db: DataSource,
    private readonly prepared: PreparedStatements,
  ) {
    this.loader = new DocumentLoader((db.options as { url: string }).url);
  }

  async onModuleDestroy(): Promise<void> {
    await this.loader.stop();
  }

  /**
   * How long opening a document may wait for the database (behind a migration's lock, a `VACUUM FULL`) before it
   * fails with DocumentLoadTimeout. Shorter than the editor's wait for its join (15 s), so the editor gets the reason
   * (and asks again). Tests shorten it.
   */
  loadTimeoutMs = 10_000;

  /**
   * The document for a room that people will edit: small ones as a Yjs document at once, large ones read on a
   * worker thread and handed over encoded (see DocumentLoader). Never waits longer than `loadTimeoutMs`.
   */
  async loadForEditing(documentId: string): Promise<{ doc: Y.Doc; tailLength: number } | LoadedState> {
    const deadline = Date.now() + this.loadTimeoutMs;
    let small: { doc: Y.Doc; tailLength: number } | null;
    try {
      small = await this.db.transaction(async (manager) => {
        // This transaction's statements only; a whole number from code, never from input.
        await manager.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(this.loadTimeoutMs))}`);
        const [{ bytes }] = await manager.query(
          `SELECT coalesce((SELECT octet_length(state) FROM collab_snapshots WHERE document_id = $1), 0)
                + coalesce((SELECT sum(octet_length(data)) FROM collab_updates WHERE document_id = $1), 0) AS bytes`,
          [documentId],
        );
        return Number(bytes) > LARGE_DOCUMENT_BYTES ? null : this.load(documentId, manager);
      });
    } catch (error) {
      if (isStatementTimeout(error)) throw new DocumentLoadTimeout(`document ${documentId} was not read in time: ${(error as Error).message}`);
      throw error;
    }
    return small ?? this.loader.load(documentId, deadline - Date.now());
  }

  async create(documentId: string, initialState: Uint8Array, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query('INSERT INTO collab_snapshots (document_id, state) VALUES ($1, $2)', [documentId, Buffer.from(initialState)]);
  }

  /**
   * The whole document: snapshot, then every stored update, in one statement. Throws when a stored update cannot
   * be read (the room is then not opened: an empty document never stands in for real data).
   */
  async load(documentId: string, manager: EntityManager = this.db.manager): Promise<{ doc: Y.Doc; tailLength: number }> {
    const rows: Array<{ part: number; data: Buffer }> = await manager.query(LOAD_SQL, [documentId]);
    const doc = new Y.Doc({ gc: true });
    try {
      for (const row of rows) Y.applyUpdate(doc, row.data);
    } catch (error) {
      doc.destroy();
      throw new Error(`document ${documentId} could not be read: ${(error as Error).message}`);
    }
    return { doc, tailLength: rows.filter((row) => row.part === 1).length };
  }

  /** Resolves once the update is durably stored (in the next group commit). */
  append(documentId: string, update: Uint8Array, userId: string | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ documentId, data: update, userId, resolve, reject });
      if (this.writing) return;
      // The write starts once this turn of the event loop is over: after the fan-out of the changes just read
      // (FanOutBatch, queued before), and with every change read in the same turn in one INSERT.
      this.writing = true;
      setImmediate(() => void this.drain());
    });
  }

  /** Updates queued or in flight, not yet committed. */
  get pendingCount(): number {
    return this.queue.length;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.insert(batch);
          for (const item of batch) item.resolve();
        } catch (error) {
          this.logger.error(`storing ${batch.length} updates failed: ${(error as Error).message}`);
          for (const item of batch) item.reject(error as Error);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /**
   * One statement: the updates, and each author's count of changes since the document's last version (kept in
   * the database so that "who changed what" survives a restart). Prepared once per connection: it runs per keystroke.
   */
  private async insert(batch: PendingAppend[]): Promise<void> {
    await this.prepared.query(
      `WITH stored AS (
         INSERT INTO collab_updates (document_id, data, user_id)
         SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::uuid[])
         RETURNING document_id, user_id
       )
       INSERT INTO collab_contributions (document_id, user_id, changes)
       SELECT document_id, user_id, count(*) FROM stored WHERE user_id IS NOT NULL GROUP BY document_id, user_id
       ON CONFLICT (document_id, user_id) DO UPDATE SET changes = collab_contributions.changes + EXCLUDED.changes`,
      [batch.map((item) => item.documentId), batch.map((item) => Buffer.from(item.data)), batch.map((item) => item.userId)],
    );
  }

  async lastVersionAt(documentId: string): Promise<number> {
    const [row] = await this.db.query('SELECT max(created_at) AS at FROM collab_versions WHERE document_id = $1', [documentId]);
    return row?.at ? new Date(row.at).getTime() : 0;
  }

  /** Folds the tail into the snapshot. Safe to run while editors keep appending. */
  async compact(documentId: string): Promise<number> {
    return this.db.transaction(async (manager) => {
      const [snapshot] = await manager.query('SELECT state FROM collab_snapshots WHERE document_id = $1 FOR UPDATE', [documentId]);
      const tail: Array<{ id: string; data: Buffer }> = await manager.query(
        'SELECT id, data FROM collab_updates WHERE document_id = $1 ORDER BY id',
        [documentId],
      );
      if (tail.length === 0) return 0;
      const merged = Y.mergeUpdates([...(snapshot ? [snapshot.state as Buffer] : []), ...tail.map((row) => row.data)]);
      await manager.query(
        `INSERT INTO collab_snapshots (document_id, state, last_update_id, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (document_id) DO UPDATE SET state = EXCLUDED.state, last_update_id = EXCLUDED.last_update_id, updated_at = now()`,
        [documentId, Buffer.from(merged), tail[tail.length - 1].id],
      );
      // Exactly the rows folded in: one committed meanwhile, whatever its id, stays in the tail.
      await manager.query('DELETE FROM collab_updates WHERE id = ANY($1::bigint[])', [tail.map((row) => row.id)]);
      this.logger.debug(`compacted ${tail.length} updates of ${documentId}`);
      return tail.length;
    });
  }
}
