import { Injectable } from '@nestjs/common';
import type { DatasetDataQuery } from '@simashe/contracts';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { CheckedRow } from './dataset-validator';

/** The SQL of the monitoring domain (`datasets`, `dataset_versions`, `dataset_rows`, `monitoring_charts`), with typed rows. */
export interface DatasetRecord {
  id: string;
  organisation_id: string;
  organisation_name: string;
  name: string;
  description: string;
  current_version: number | null;
  published_at: Date | null;
  rows: number;
  created_at: Date;
  updated_at: Date;
}
export interface VersionRecord {
  id: string;
  dataset_id: string;
  version: number;
  file_name: string;
  row_count: number;
  imported_at: Date;
  imported_by_name: string | null;
}
export interface RowRecord {
  setting: string;
  date: number;
  source: string;
  indicator_abbr: string;
  indicator_name: string;
  dimension: string;
  subgroup: string;
  estimate: number;
  se: number | null;
  ci_lb: number | null;
  ci_ub: number | null;
  population: number | null;
  flag: string | null;
  setting_average: number | null;
  iso3: string | null;
  favourable: boolean;
  scale: number;
  ordered: boolean;
  subgroup_order: number | null;
  reference: boolean;
}
export interface ChartRecord {
  id: string;
  dataset_id: string;
  pinned_version: number | null;
  kind: 'disaggregated' | 'trend' | 'measures';
  indicator_abbr: string;
  dimension: string;
  setting: string;
  date: number | null;
  measure: string | null;
}

const DATASET_COLUMNS_SQL = `d.id, d.organisation_id, o.name AS organisation_name, d.name, d.description, d.current_version, d.published_at,
  COALESCE(v.row_count, 0) AS rows, d.created_at, d.updated_at`;
const ROW_COLUMNS =
  'setting, date, source, indicator_abbr, indicator_name, dimension, subgroup, estimate, se, ci_lb, ci_ub, population, flag, setting_average, iso3, favourable, scale, ordered, subgroup_order, reference';

const NEEDS_ESCAPE = /[\\\t\n\r]/;

/** A value in PostgreSQL's COPY text format. */
function copyValue(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** One import's transaction: the new version's row, then its lines streamed in through COPY. */
export class DatasetImport {
  private copy: NodeJS.WritableStream & { on: (event: string, listener: (...args: unknown[]) => void) => unknown } | null = null;
  private failed: Error | null = null;

  constructor(
    private readonly client: PoolClient,
    readonly versionId: string,
    readonly version: number,
  ) {}

  /** Lines gathered for the next write: one socket write per ~64 KB, not one per line. */
  private pending: string[] = [];
  private pendingLength = 0;

  /**
   * Adds one checked line. Returns a promise only when a chunk went out (resolving once PostgreSQL can take more):
   * no promise, and no microtask, per line.
   */
  write(row: CheckedRow): Promise<void> | undefined {
    if (this.failed) throw this.failed;
    const line =
      [
        this.versionId,
        row.line,
        row.setting,
        row.date,
        row.source,
        row.indicatorAbbr,
        row.indicatorName,
        row.dimension,
        row.subgroup,
        row.estimate,
        row.se,
        row.ciLb,
        row.ciUb,
        row.population,
        row.flag,
        row.settingAverage,
        row.iso3,
        row.favourable,
        row.scale,
        row.ordered,
        row.subgroupOrder,
        row.reference,
      ]
        .map(copyValue)
        .join('\t') + '\n';
    this.pending.push(line);
    this.pendingLength += line.length;
    return this.pendingLength >= 64 * 1024 ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    if (!this.copy) {
      const stream = this.client.query(copyFrom(`COPY dataset_rows (version_id, line, ${ROW_COLUMNS}) FROM STDIN`));
      stream.on('error', (error) => (this.failed = error as Error));
      this.copy = stream;
    }
    const chunk = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    const copy = this.copy;
    if (!copy.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        copy.once('drain', () => {
          copy.removeListener('error', onError);
          resolve();
        });
        copy.once('error', onError);
      });
    }
  }

  /** Ends the COPY (when one was started) and waits for PostgreSQL to have every line. */
  async end(): Promise<void> {
    await this.flush();
    const copy = this.copy;
    if (!copy) return;
    this.copy = null;
    await new Promise<void>((resolve, reject) => {
      copy.on('finish', () => resolve());
      copy.on('error', (error) => reject(error as Error));
      copy.end();
    });
    if (this.failed) throw this.failed;
  }
}

@Injectable()
export class MonitoringRepository {
  constructor(private readonly db: DataSource) {}

  /** Datasets of the readable organisations, and every published one. */
  list(readableOrganisationIds: string[]): Promise<DatasetRecord[]> {
    return this.db.query(
      `SELECT ${DATASET_COLUMNS_SQL}
       FROM datasets d JOIN organisations o ON o.id = d.organisation_id
       LEFT JOIN dataset_versions v ON v.dataset_id = d.id AND v.version = d.current_version
       WHERE d.organisation_id = ANY($1::uuid[]) OR d.published_at IS NOT NULL
       ORDER BY d.updated_at DESC, d.id`,
      [readableOrganisationIds],
    );
  }

  async find(id: string): Promise<DatasetRecord | null> {
    const [row] = await this.db.query(
      `SELECT ${DATASET_COLUMNS_SQL}
       FROM datasets d JOIN organisations o ON o.id = d.organisation_id
       LEFT JOIN dataset_versions v ON v.dataset_id = d.id AND v.version = d.current_version
       WHERE d.id = $1`,
      [id],
    );
    return row ?? null;
  }

  versions(datasetId: string): Promise<VersionRecord[]> {
    return this.db.query(
      `SELECT v.id, v.dataset_id, v.version, v.file_name, v.row_count, v.imported_at, u.name AS imported_by_name
       FROM dataset_versions v LEFT JOIN users u ON u.id = v.imported_by
       WHERE v.dataset_id = $1 ORDER BY v.version DESC`,
      [datasetId],
    );
  }

  async version(datasetId: string, version: number): Promise<VersionRecord | null> {
    const [row] = await this.db.query('SELECT id, dataset_id, version, file_name, row_count, imported_at, NULL AS imported_by_name FROM dataset_versions WHERE dataset_id = $1 AND version = $2', [datasetId, version]);
    return row ?? null;
  }

  async create(input: { organisationId: string; name: string; description: string; userId: string }): Promise<string> {
    const [row] = await this.db.query('INSERT INTO datasets (organisation_id, name, description, created_by) VALUES ($1, $2, $3, $4) RETURNING id', [input.organisationId, input.name, input.description, input.userId]);
    return row.id;
  }

  async update(id: string, changes: { name?: string; description?: string }): Promise<void> {
    await this.db.query('UPDATE datasets SET name = COALESCE($2, name), description = COALESCE($3, description), updated_at = now() WHERE id = $1', [id, changes.name ?? null, changes.description ?? null]);
  }

  async publish(id: string, userId: string | null): Promise<void> {
    await this.db.query('UPDATE datasets SET published_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END, published_by = $2, updated_at = now() WHERE id = $1', [id, userId]);
  }

  async remove(id: string): Promise<void> {
    await this.db.query('DELETE FROM datasets WHERE id = $1', [id]);
  }

  /**
   * Runs one import in a transaction of its own: `work` streams the lines in and says whether to keep them. Kept:
   * the version is recorded with its line count and becomes current. Not kept: nothing of it stays.
   */
  async importVersion(datasetId: string, fileName: string, userId: string, work: (target: DatasetImport) => Promise<{ keep: boolean; rows: number }>): Promise<{ version: number | null }> {
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      // One import at a time per dataset: version numbers follow each other.
      await client.query('SELECT 1 FROM datasets WHERE id = $1 FOR UPDATE', [datasetId]);
      const {
        rows: [next],
      } = await client.query<{ version: number }>('SELECT COALESCE(max(version), 0) + 1 AS version FROM dataset_versions WHERE dataset_id = $1', [datasetId]);
      const {
        rows: [created],
      } = await client.query<{ id: string }>('INSERT INTO dataset_versions (dataset_id, version, file_name, row_count, imported_by) VALUES ($1, $2, $3, 0, $4) RETURNING id', [
        datasetId,
        next.version,
        fileName,
        userId,
      ]);
      const target = new DatasetImport(client, created.id, next.version);
      const outcome = await work(target);
      if (!outcome.keep) {
        await runner.rollbackTransaction();
        return { version: null };
      }
      await client.query('UPDATE dataset_versions SET row_count = $2 WHERE id = $1', [created.id, outcome.rows]);
      await client.query('UPDATE datasets SET current_version = $2, updated_at = now() WHERE id = $1', [datasetId, next.version]);
      await runner.commitTransaction();
      return { version: next.version };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** What a version holds, for the pickers. */
  async catalogue(versionId: string): Promise<{
    settings: Array<{ name: string; iso3: string | null }>;
    dates: number[];
    indicators: Array<{ abbr: string; name: string; scale: number; favourable: boolean }>;
    dimensions: Array<{ name: string; ordered: boolean; subgroups: number }>;
  }> {
    const [settings, dates, indicators, dimensions] = await Promise.all([
      this.db.query('SELECT setting AS name, max(iso3) AS iso3 FROM dataset_rows WHERE version_id = $1 GROUP BY setting ORDER BY setting', [versionId]),
      this.db.query('SELECT DISTINCT date FROM dataset_rows WHERE version_id = $1 ORDER BY date', [versionId]),
      this.db.query('SELECT indicator_abbr AS abbr, min(indicator_name) AS name, min(scale) AS scale, bool_and(favourable) AS favourable FROM dataset_rows WHERE version_id = $1 GROUP BY indicator_abbr ORDER BY 2', [versionId]),
      this.db.query('SELECT dimension AS name, bool_and(ordered) AS ordered, count(DISTINCT subgroup)::int AS subgroups FROM dataset_rows WHERE version_id = $1 GROUP BY dimension ORDER BY dimension', [versionId]),
    ]);
    return { settings, dates: dates.map((row: { date: number }) => row.date), indicators, dimensions };
  }

  /** The version's lines matching the filters, in group and subgroup order, at most `limit`. */
  rows(versionId: string, filters: Omit<DatasetDataQuery, 'version'>, limit: number): Promise<RowRecord[]> {
    return this.db.query(
      `SELECT ${ROW_COLUMNS} FROM dataset_rows
       WHERE version_id = $1 AND ($2::text IS NULL OR indicator_abbr = $2) AND ($3::text IS NULL OR dimension = $3)
         AND ($4::text IS NULL OR setting = $4) AND ($5::int IS NULL OR date = $5)
       ORDER BY indicator_abbr, dimension, setting, date, subgroup_order NULLS LAST, subgroup
       LIMIT $6`,
      [versionId, filters.indicator ?? null, filters.dimension ?? null, filters.setting ?? null, filters.date ?? null, limit],
    );
  }

  async createChart(input: Omit<ChartRecord, 'id'> & { userId: string }): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO monitoring_charts (dataset_id, pinned_version, kind, indicator_abbr, dimension, setting, date, measure, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [input.dataset_id, input.pinned_version, input.kind, input.indicator_abbr, input.dimension, input.setting, input.date, input.measure, input.userId],
    );
    return row.id;
  }

  async chart(id: string): Promise<ChartRecord | null> {
    const [row] = await this.db.query('SELECT id, dataset_id, pinned_version, kind, indicator_abbr, dimension, setting, date, measure FROM monitoring_charts WHERE id = $1', [id]);
    return row ?? null;
  }
}
