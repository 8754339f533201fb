import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { AdvancedConsoleLogger, type LoggerOptions, type QueryRunner } from 'typeorm';

/**
 * Opt-in SQL statement counting per HTTP request (`SQL_QUERY_COUNT=true`), for benchmarks and tests that prove a
 * request runs a fixed number of queries. Off by default: then neither the logger nor the middleware is installed.
 */
export const QUERY_COUNT_HEADER = 'X-Query-Count';

interface QueryCount {
  count: number;
}

const storage = new AsyncLocalStorage<QueryCount>();

/**
 * TypeORM calls `logQuery` before every statement run through a query runner (`DataSource.query`,
 * `EntityManager.query`, repositories, transactions' BEGIN/COMMIT). The statement is counted against the request
 * being served, if any; everything else is logged as the default logger would.
 */
export class QueryCountingLogger extends AdvancedConsoleLogger {
  constructor(options?: LoggerOptions) {
    super(options);
  }

  override logQuery(query: string, parameters?: unknown[], queryRunner?: QueryRunner): void {
    const current = storage.getStore();
    if (current) current.count += 1;
    super.logQuery(query, parameters, queryRunner);
  }
}

/** Counts a statement run outside TypeORM's query runners (a prepared statement on the pool). */
export function countStatement(): void {
  const current = storage.getStore();
  if (current) current.count += 1;
}

/** The number of statements run so far for the request being served (undefined outside one). */
export function currentQueryCount(): number | undefined {
  return storage.getStore()?.count;
}

/** Runs the rest of the request in its own counter and writes the count as a header just before the headers go out. */
export function queryCountMiddleware(_request: Request, response: Response, next: NextFunction): void {
  const current: QueryCount = { count: 0 };
  const writeHead = response.writeHead;
  // Express and Node send headers through writeHead (also implicitly on the first write), so this is the last moment.
  response.writeHead = function (this: Response, ...args: unknown[]) {
    if (!this.headersSent) this.setHeader(QUERY_COUNT_HEADER, String(current.count));
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as Response['writeHead'];
  storage.run(current, next);
}
