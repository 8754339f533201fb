import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';

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

// The worker's code: its own database connection, so that neither the rows' decoding nor the merge nor the check
// runs on the thread that passes keystrokes on. Written as a string (with the modules' resolved paths) so that it
// runs the same from the built API and from the TypeScript sources under test.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Y = require(workerData.yjs);
const { Client } = require(workerData.pg);
// The lowest CPU priority for this thread alone (on Linux a nice value is per thread): when the cores are busy, the
// main thread, which passes keystrokes on, runs first, and a large document's decoding takes what is left.
try { require('node:os').setPriority(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()), 19); } catch {}
const client = new Client({ connectionString: workerData.databaseUrl, application_name: 'simashe document loader' });
const ready = client.connect();
parentPort.on('message', async ({ id, documentId }) => {
  try {
    await ready;
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
    parentPort.postMessage({ id, state, stateVector, tailLength }, [state.buffer, stateVector.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error.message });
  }
});
`;

/**
 * Loads large documents on a worker thread. Opening a document of two million characters took about 80 ms of the
 * main thread (decoding the rows, building the Yjs document, encoding the first sync), during which every other
 * document's keystrokes waited. The worker returns the encoded state; the room serves new joiners from it and
 * builds its own Yjs document only when something needs one (an edit, a returning client, a version).
 * The worker thread runs at the lowest CPU priority (nice 19, that thread alone): on two busy cores, decoding a large
 * document otherwise took CPU time from the main thread, and the others' keystrokes waited for it (the stall test of
 * `bench:collab`, five rounds each: 1.67× before, 1.35× after).
 * The worker stops once it has been idle for `idleMs`: its own V8 heap, grown by decoding a large document, held
 * about as much memory as the rest of the API (large documents are opened rarely; a start costs some 30 ms).
 */
export class DocumentLoader {
  private readonly logger = new Logger('DocumentLoader');
  private worker: Worker | null = null;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (state: LoadedState) => void; reject: (error: Error) => void }>();
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly databaseUrl: string,
    private readonly idleMs = 10_000,
  ) {}

  /** Whether a worker is running (it stops when idle). */
  get running(): boolean {
    return this.worker !== null;
  }

  load(documentId: string): Promise<LoadedState> {
    clearTimeout(this.idleTimer);
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<LoadedState>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, documentId });
    });
  }

  async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { databaseUrl: this.databaseUrl, sql: LOAD_SQL, yjs: require.resolve('yjs'), pg: require.resolve('pg') },
    });
    worker.unref();
    worker.on('message', (message: { id: number; error?: string } & Partial<LoadedState>) => {
      const waiting = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (!waiting) return;
      if (this.waiting.size === 0) {
        this.idleTimer = setTimeout(() => void this.stop(), this.idleMs);
        this.idleTimer.unref();
      }
      if (message.error) waiting.reject(new Error(message.error));
      else waiting.resolve({ state: message.state as Uint8Array, stateVector: message.stateVector as Uint8Array, tailLength: message.tailLength ?? 0 });
    });
    // A worker that dies fails what it was loading; the next load starts a new one.
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', (code) => this.fail(worker, new Error(`the document loader stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private fail(worker: Worker, error: Error): void {
    if (this.worker === worker) this.worker = null;
    if (this.waiting.size > 0) this.logger.error(`document loader failed: ${error.message}`);
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
