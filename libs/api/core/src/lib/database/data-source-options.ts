import type { DataSource, DataSourceOptions, Migration } from 'typeorm';
import { ALL_MIGRATIONS } from './migrations';
import { QueryCountingLogger } from './query-counter';

/** `countQueries`: count every statement against the HTTP request being served (see query-counter.ts). */
export function dataSourceOptions(url: string, options: { countQueries?: boolean } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: ALL_MIGRATIONS,
    // Run by `migrateOnce` after the connection is made, under a lock, not by TypeORM on its own.
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Query errors surface through the error filter's log; TypeORM's own log would print whole binary parameters.
    logging: ['warn', 'migration'],
    // Only when asked for: TypeORM then calls this logger before every statement.
    ...(options.countQueries ? { logger: new QueryCountingLogger(['warn', 'migration']) } : {}),
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}

/** The PostgreSQL advisory lock under which migrations run (named as `withClusterLock`'s jobs are). */
const MIGRATION_LOCK = 'migrations';

/**
 * Brings the schema up to date, one instance at a time: with several replicas starting together on an empty
 * database, the first takes the lock and migrates; the others wait for it, then find nothing left to run (without
 * the lock, they would all try to create the same tables, and all but one would fail to start).
 */
export async function migrateOnce(dataSource: DataSource): Promise<Migration[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [MIGRATION_LOCK]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
