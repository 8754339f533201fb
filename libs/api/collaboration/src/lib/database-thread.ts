import { Logger } from '@nestjs/common';
import { Worker, type Transferable } from 'node:worker_threads';

/** pg's error when a query's answer never came (`query_timeout`): the thread's connection has gone silent. */
export const QUERY_READ_TIMEOUT = 'Query read timeout';

/**
 * The start of every database thread's code: its own PostgreSQL connection, and a loop that answers each request
 * `{ id, ... }` with `{ id, ...reply }` or `{ id, error }`. The thread's own code (`source`) defines
 * `async function handle(message)` returning `[reply, transfer]`. Written as a string (with the modules' resolved
 * paths in `workerData`) so that it runs the same from the built API and from the TypeScript sources under test.
 * A connection that fails or breaks ends the thread, after answering: the next request starts a new one. No request
 * waits for ever: a statement is cancelled after `statementTimeoutMs`.
 */
const PRELUDE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Client } = require(workerData.pg);
// A statement stuck on a lock (a migration, a VACUUM FULL) is cancelled by PostgreSQL after statementTimeoutMs and
// answers with its reason; one whose answer never comes (a connection gone silent) fails a little later here.
const client = new Client({
  connectionString: workerData.databaseUrl,
  application_name: workerData.name,
  statement_timeout: workerData.statementTimeoutMs,
  query_timeout: workerData.statementTimeoutMs + 5000,
  connectionTimeoutMillis: 5000,
  keepAlive: true,
});
// Later (setImmediate): pg fails the queries under way after it emits the error, and they answer with the reason.
client.on('error', () => setImmediate(() => process.exit(1)));
const ready = client.connect();
ready.catch(() => setImmediate(() => process.exit(1)));
// One request at a time (the connection runs one statement at a time anyway): each timeout measures its own work.
let turn = Promise.resolve();
parentPort.on('message', (message) => {
  turn = turn.then(async () => {
    try {
      await ready;
      const [reply, transfer] = await handle(message);
      parentPort.postMessage({ ...reply, id: message.id }, transfer ?? []);
    } catch (error) {
      parentPort.postMessage({ id: message.id, error: String(error?.message ?? error), code: error?.code });
      // The connection went silent (pg gave up waiting for an answer): this thread ends, the next starts afresh.
      if (error?.message === ${JSON.stringify(QUERY_READ_TIMEOUT)}) setImmediate(() => process.exit(1));
    }
  });
});
`;

interface Waiting<Reply> {
  resolve: (reply: Reply) => void;
  reject: (error: Error) => void;
}

/**
 * A worker thread with its own database connection, started on the first request and stopped once it has been idle
 * for `idleMs` (its V8 heap is then given back; a start costs some 30 ms). A thread that dies fails what it was
 * doing; the next request starts a new one. Used to keep database work, and the waits and wake-ups of its socket, off
 * the main thread, which passes keystrokes on (DocumentLoader).
 * Tried for the group commit's INSERTs too (session 20), and not kept: handing each batch to a thread cost the main
 * thread as much (`postMessage`, which wakes the thread: 640 ms per 50-editor round in a CPU profile) as writing it to
 * PostgreSQL itself had (450 ms in `writev`, which wakes the backend).
 */
export class DatabaseThread<Request extends object, Reply> {
  private readonly logger: Logger;
  /** The running worker and the requests it has not answered yet (each worker its own: an old one's exit fails only its own). */
  private current: { worker: Worker; waiting: Map<number, Waiting<Reply>> } | null = null;
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly name: string,
    private readonly source: string,
    private readonly workerData: Record<string, unknown>,
    private readonly idleMs: number,
    /** The connection's default; a request may set its own (e.g. what remains of a deadline). */
    private readonly statementTimeoutMs = 10_000,
  ) {
    this.logger = new Logger(name);
  }

  /** Whether a worker is running (it stops when idle). */
  get running(): boolean {
    return this.current !== null;
  }

  request(message: Request, transfer: Transferable[] = []): Promise<Reply> {
    clearTimeout(this.idleTimer);
    const { worker, waiting } = this.start();
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      try {
        worker.postMessage({ ...message, id }, transfer);
      } catch (error) {
        // Not sent (e.g. a buffer that cannot be handed over): nothing will answer it.
        waiting.delete(id);
        reject(error as Error);
      }
    });
  }

  /** Stops the worker; what it had not answered fails. */
  async stop(): Promise<void> {
    clearTimeout(this.idleTimer);
    const current = this.current;
    this.current = null;
    if (current) await current.worker.terminate();
  }

  private start(): NonNullable<DatabaseThread<Request, Reply>['current']> {
    if (this.current) return this.current;
    const worker = new Worker(PRELUDE + this.source, {
      eval: true,
      workerData: { ...this.workerData, name: `simashe ${this.name}`, pg: require.resolve('pg'), statementTimeoutMs: this.statementTimeoutMs },
    });
    worker.unref();
    const current = { worker, waiting: new Map<number, Waiting<Reply>>() };
    worker.on('message', (message: { id: number; error?: string; code?: string } & Reply) => {
      const waiting = current.waiting.get(message.id);
      current.waiting.delete(message.id);
      // A thread whose connection went silent is ending: requests from now on start a new one.
      if (message.error === QUERY_READ_TIMEOUT && this.current === current) this.current = null;
      if (!waiting) return;
      if (current.waiting.size === 0 && this.current === current) {
        this.idleTimer = setTimeout(() => void this.stop(), this.idleMs);
        this.idleTimer.unref();
      }
      // pg's code kept (e.g. ECONNREFUSED), so that callers can tell a database away from a refused statement.
      if (message.error !== undefined) waiting.reject(Object.assign(new Error(message.error), message.code ? { code: message.code } : {}));
      else waiting.resolve(message);
    });
    worker.on('error', (error) => this.fail(current, error));
    worker.on('exit', (code) => this.fail(current, new Error(`the ${this.name} thread stopped (exit code ${code})`)));
    this.current = current;
    return current;
  }

  private fail(failed: NonNullable<DatabaseThread<Request, Reply>['current']>, error: Error): void {
    if (this.current === failed) this.current = null;
    if (failed.waiting.size > 0) this.logger.error(`${this.name} failed: ${error.message}`);
    for (const waiting of failed.waiting.values()) waiting.reject(error);
    failed.waiting.clear();
  }
}
