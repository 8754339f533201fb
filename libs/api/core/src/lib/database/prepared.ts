import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Pool, type PoolConfig } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { countStatement } from './query-counter';

/**
 * The reads that (nearly) every request makes, as named prepared statements with a kept generic plan: each
 * connection parses and plans one once, instead of per request. In the load benchmark, parsing and planning were
 * 0.7 ms of the report list's 0.8 ms in PostgreSQL (execution 0.1 ms), and PostgreSQL's own choice kept planning
 * the list afresh each time.
 *
 * They run on a pool of their own whose connections keep generic plans (`plan_cache_mode`), so the rest of the
 * API's statements are planned as before. Only for SQL whose text comes from code, values always as parameters,
 * and whose plan does not hinge on the values: each distinct text stays prepared on every connection of this pool.
 * Never inside a transaction (they do not see its uncommitted writes).
 */
@Injectable()
export class PreparedStatements implements OnModuleDestroy {
  private readonly logger = new Logger('PreparedStatements');
  private readonly names = new Map<string, string>();
  private pool: Pool | undefined;

  constructor(private readonly db: DataSource) {}

  async query<Row>(sql: string, params: unknown[]): Promise<Row[]> {
    let name = this.names.get(sql);
    if (!name) {
      name = `simashe_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
      this.names.set(sql, name);
    }
    countStatement();
    const result = await this.connections().query({ name, text: sql, values: params });
    return result.rows as Row[];
  }

  async onModuleDestroy(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  private connections(): Pool {
    if (!this.pool) {
      // The same server and credentials as TypeORM's pool.
      const main = (this.db.driver as PostgresDriver).master as Pool & { options: PoolConfig };
      this.pool = new Pool({ ...main.options, max: 10, options: '-c plan_cache_mode=force_generic_plan' });
      // A connection that breaks while idle (PostgreSQL restarted) is dropped by the pool; without a listener it would end the process.
      this.pool.on('error', (error) => this.logger.warn(`An idle prepared-statement connection failed: ${error.message}`));
    }
    return this.pool;
  }
}

/**
 * What a repository function reads through: TypeORM's data source or a transaction's manager, or `PreparedStatements`
 * for the batch lookups every request makes (other domains' names: parsed and planned once per connection).
 */
export interface SqlReader {
  query(sql: string, params: unknown[]): Promise<unknown>;
}

/** A statement's rows, typed by the repository that knows their shape. */
export async function readRows<Row>(db: SqlReader, sql: string, params: unknown[]): Promise<Row[]> {
  return (await db.query(sql, params)) as Row[];
}
