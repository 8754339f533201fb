import type { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from './migrations';

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: ALL_MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Query errors surface through the error filter's log; TypeORM's own log would print whole binary parameters.
    logging: ['warn', 'migration'],
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
