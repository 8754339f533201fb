import type { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from './migrations';
import { QueryCountingLogger } from './query-counter';

/** `countQueries`: count every statement against the HTTP request being served (see query-counter.ts). */
export function dataSourceOptions(url: string, options: { countQueries?: boolean } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: ALL_MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Query errors surface through the error filter's log; TypeORM's own log would print whole binary parameters.
    logging: ['warn', 'migration'],
    // Only when asked for: TypeORM then calls this logger before every statement.
    ...(options.countQueries ? { logger: new QueryCountingLogger(['warn', 'migration']) } : {}),
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
