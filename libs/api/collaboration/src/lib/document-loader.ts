import { isStatementTimeout } from '@simashe/api-core';
import { DatabaseThread, QUERY_READ_TIMEOUT } from './database-thread';

/** A document read, merged and checked off the main thread: its whole state and state vector, encoded. */
export interface LoadedState {
  state: Uint8Array;
  stateVector: Uint8Array;
  tailLength: number;
}

/** The snapshot and the tail in one statement (one consistent moment), as DocumentStore.load reads them. */
export const LOAD_SQL = `SELECT 0 AS part, state AS data, 0::bigint AS id FROM collab_snapshots WHERE document_id = $1
  UNION ALL
  SELECT 1 AS part, data, id FROM collab_updates WHERE document_id = $1
  ORDER BY part, id`;

// The thread's code (after DatabaseThread's prelude): neither the rows' decoding nor the merge nor the check runs on
// the thread that passes keystrokes on.
const LOADER_SOURCE = `
const Y = require(workerData.yjs);
// The lowest CPU priority for this thread alone (on Linux a nice value is per thread): when the cores are busy, the
// main thread, which passes keystrokes on, runs first, and a large document's decoding takes what is left.
try { require('node:os').setPriority(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()), 19); } catch {}
async function handle({ documentId, timeoutMs }) {
  // What remains of the opening's deadline (the statement is cancelled after it).
  await client.query("SELECT set_config('statement_timeout', $1, false)", [String(timeoutMs)]);
  const { rows } = await client.query(workerData.sql, [documentId]);
  const doc = new Y.Doc({ gc: true });
  try {
    for (const row of rows) Y.applyUpdate(doc, row.data);
  } catch (error) {
    throw new Error('document ' + documentId + ' could not be read: ' + error.message);
  }
  const state = Y.encodeStateAsUpdate(doc);
  const stateVector = Y.encodeStateVector(doc);
  doc.destroy();
  const tailLength = rows.filter((row) => Number(row.part) === 1).length;
  return [{ state, stateVector, tailLength }, [state.buffer, stateVector.buffer]];
}
`;

/** A load that waited longer than the loader's timeout (e.g. behind a migration's lock): the document did not open. */
export class DocumentLoadTimeout extends Error {}

/**
 * Loads large documents on a worker thread. Opening a document of two million characters took about 80 ms of the
 * main thread (decoding the rows, building the Yjs document, encoding the first sync), during which every other
 * document's keystrokes waited. The worker returns the encoded state; the room serves new joiners from it and
 * builds its own Yjs document only when something needs one (an edit, a returning client, a version).
 * The worker thread runs at the lowest CPU priority (nice 19, that thread alone): on two busy cores, decoding a large
 * document otherwise took CPU time from the main thread, and the others' keystrokes waited for it (the stall test of
 * `bench:collab`, five rounds each: 1.67× before, 1.35× after).
 * The worker stops once it has been idle for `idleMs`: its own V8 heap, grown by decoding a large document, held
 * about as much memory as the rest of the API (large documents are opened rarely).
 */
export class DocumentLoader {
  private readonly thread: DatabaseThread<{ documentId: string; timeoutMs: number }, LoadedState>;

  /**
   * A read waiting longer than `timeoutMs` (e.g. behind a migration's lock) fails with DocumentLoadTimeout, and the
   * document does not open. Shorter than the editor's wait for its join (15 s), so that the editor gets the reason.
   */
  constructor(
    databaseUrl: string,
    idleMs = 10_000,
    private readonly timeoutMs = 10_000,
  ) {
    this.thread = new DatabaseThread('document loader', LOADER_SOURCE, { databaseUrl, sql: LOAD_SQL, yjs: require.resolve('yjs') }, idleMs, timeoutMs);
  }

  /** Whether a worker is running (it stops when idle). */
  get running(): boolean {
    return this.thread.running;
  }

  /** `timeoutMs`: how long the read may take (by default the loader's timeout). */
  async load(documentId: string, timeoutMs = this.timeoutMs): Promise<LoadedState> {
    try {
      const { state, stateVector, tailLength } = await this.thread.request({ documentId, timeoutMs: Math.max(1, Math.round(timeoutMs)) });
      return { state, stateVector, tailLength };
    } catch (error) {
      const reason = (error as Error).message;
      if (isStatementTimeout(error) || reason === QUERY_READ_TIMEOUT) throw new DocumentLoadTimeout(`document ${documentId} was not read in time: ${reason}`);
      throw error;
    }
  }

  stop(): Promise<void> {
    return this.thread.stop();
  }
}
