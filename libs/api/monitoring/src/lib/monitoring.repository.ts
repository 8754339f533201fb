import { Injectable } from '@nestjs/common';
import type { DatasetColumn, DatasetDataQuery } from '@simashe/contracts';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import type { CheckedRow } from './dataset-validator';

/** The SQL of the monitoring domain (`datasets`, `dataset_versions`, `dataset_rows`, `monitoring_charts`), with typed rows. */
/** A dataset as this domain's tables hold it: its organisation by id only (its name is api-organisations'). */
export interface DatasetRecord {
  id: string;
  organisation_id: string;
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
  /** Who imported it (null once their account is gone); their name comes from UsersService. */
  imported_by: string | null;
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

const DATASET_COLUMNS_SQL = `d.id, d.organisation_id, d.name, d.description, d.current_version, d.published_at,
  COALESCE(v.row_count, 0) AS rows, d.created_at, d.updated_at`;
const ROW_COLUMNS =
  'setting, date, source, indicator_abbr, indicator_name, dimension, subgroup, estimate, se, ci_lb, ci_ub, population, flag, setting_average, iso3, favourable, scale, ordered, subgroup_order, reference';

/** Each template column's column in `dataset_rows`, and its value in a checked row. */
const STORED: Record<DatasetColumn, { column: string; value: (row: CheckedRow) => string | number | boolean | null }> = {
  setting: { column: 'setting', value: (row) => row.setting },
  date: { column: 'date', value: (row) => row.date },
  source: { column: 'source', value: (row) => row.source },
  indicator_abbr: { column: 'indicator_abbr', value: (row) => row.indicatorAbbr },
  indicator_name: { column: 'indicator_name', value: (row) => row.indicatorName },
  dimension: { column: 'dimension', value: (row) => row.dimension },
  subgroup: { column: 'subgroup', value: (row) => row.subgroup },
  estimate: { column: 'estimate', value: (row) => row.estimate },
  se: { column: 'se', value: (row) => row.se },
  ci_lb: { column: 'ci_lb', value: (row) => row.ciLb },
  ci_ub: { column: 'ci_ub', value: (row) => row.ciUb },
  population: { column: 'population', value: (row) => row.population },
  flag: { column: 'flag', value: (row) => row.flag },
  setting_average: { column: 'setting_average', value: (row) => row.settingAverage },
  iso3: { column: 'iso3', value: (row) => row.iso3 },
  favourable_indicator: { column: 'favourable', value: (row) => row.favourable },
  indicator_scale: { column: 'scale', value: (row) => row.scale },
  ordered_dimension: { column: 'ordered', value: (row) => row.ordered },
  subgroup_order: { column: 'subgroup_order', value: (row) => row.subgroupOrder },
  reference_subgroup: { column: 'reference', value: (row) => row.reference },
};

/** Bytes gathered before a write to PostgreSQL: one socket write per chunk, not one per line. */
const CHUNK = 256 * 1024;
/** Room kept for the longest line (20 cells of at most 200 characters, 4 bytes each, quoted). */
const LONGEST_LINE = 20 * 820;

/**
 * One import's transaction: the new version's row, then its lines streamed in through one COPY in CSV format,
 * written in the file's own column order and delimiter. A line the fast path read goes as its own bytes
 * (`writePlain`); any other checked line is written out cell by cell (`writeRow`).
 */
export class DatasetImport {
  private copy: NodeJS.WritableStream & { on: (event: string, listener: (...args: unknown[]) => void) => unknown } | null = null;
  private failed: Error | null = null;
  private columns: DatasetColumn[] = [];
  private delimiter = ',';
  private prefix = Buffer.alloc(0);
  private out = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  /** PostgreSQL has not taken everything written yet: resolves when it has. */
  private waiting: Promise<void> | null = null;

  constructor(
    private readonly client: PoolClient,
    readonly versionId: string,
    readonly version: number,
  ) {}

  /** The file's columns (each a template column) in their order, and its delimiter: set before any line. */
  begin(columns: DatasetColumn[], delimiter: ',' | ';'): void {
    this.columns = columns;
    this.delimiter = delimiter;
    this.prefix = Buffer.from(`${this.versionId}${delimiter}`, 'latin1');
  }

  /** A line the fast path read, as its bytes `buffer[start, end)`; `blank` is a cell range written as empty. */
  writePlain(buffer: Buffer, start: number, end: number, line: number, blankStart = -1, blankEnd = -1): void {
    this.room(this.prefix.length + 12 + end - start);
    const out = this.out;
    let at = this.used + this.prefix.copy(out, this.used);
    at += out.write(String(line), at, 'latin1');
    out[at++] = this.delimiter.charCodeAt(0);
    if (blankStart === -1) at += buffer.copy(out, at, start, end);
    else {
      at += buffer.copy(out, at, start, blankStart);
      at += buffer.copy(out, at, blankEnd, end);
    }
    out[at++] = 10;
    this.used = at;
  }

  /** A line checked by the general path. */
  writeRow(row: CheckedRow): void {
    let text = `${this.versionId}${this.delimiter}${row.line}`;
    for (const column of this.columns) text += this.delimiter + csvValue(STORED[column].value(row), this.delimiter);
    text += '\n';
    this.room(Buffer.byteLength(text));
    this.used += this.out.write(text, this.used, 'utf8');
  }

  /** Resolves once PostgreSQL can take more (at once when nothing is waiting). */
  drained(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    return this.waiting ?? Promise.resolve();
  }

  /** Makes room for `bytes` more, sending what is gathered when the chunk is full. */
  private room(bytes: number): void {
    if (this.failed) throw this.failed;
    if (this.used + Math.max(bytes, LONGEST_LINE) > this.out.length) this.send();
  }

  private send(): void {
    if (this.used === 0) return;
    if (!this.copy) {
      const columns = ['version_id', 'line', ...this.columns.map((column) => STORED[column].column)].join(', ');
      const stream = this.client.query(copyFrom(`COPY dataset_rows (${columns}) FROM STDIN WITH (FORMAT csv, DELIMITER '${this.delimiter}')`));
      stream.on('error', (error) => (this.failed = error as Error));
      this.copy = stream;
    }
    const chunk = this.out.subarray(0, this.used);
    this.out = Buffer.allocUnsafe(CHUNK);
    this.used = 0;
    const copy = this.copy;
    if (!copy.write(chunk) && !this.waiting) {
      this.waiting = new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        copy.once('drain', () => {
          copy.removeListener('error', onError);
          this.waiting = null;
          resolve();
        });
        copy.once('error', onError);
      });
    }
  }

  /** Ends the COPY (when one was started) and waits for PostgreSQL to have every line. */
  async end(): Promise<void> {
    this.send();
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

/** A value in COPY's CSV format: empty is NULL; text with the delimiter, a quote or a line break is quoted. */
function csvValue(value: string | number | boolean | null, delimiter: string): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  if (!value.includes(delimiter) && !/["\r\n]/.test(value) && value !== '\\.') return value;
  return `"${value.replace(/"/g, '""')}"`;
}

@Injectable()
export class MonitoringRepository {
  constructor(private readonly db: DataSource) {}

  /** Datasets of the readable organisations, and every published one. */
  list(readableOrganisationIds: string[]): Promise<DatasetRecord[]> {
    return this.db.query(
      `SELECT ${DATASET_COLUMNS_SQL}
       FROM datasets d
       LEFT JOIN dataset_versions v ON v.dataset_id = d.id AND v.version = d.current_version
       WHERE d.organisation_id = ANY($1::uuid[]) OR d.published_at IS NOT NULL
       ORDER BY d.updated_at DESC, d.id`,
      [readableOrganisationIds],
    );
  }

  /** Several datasets at once (one query), in no particular order. */
  findMany(ids: string[]): Promise<DatasetRecord[]> {
    return this.db.query(
      `SELECT ${DATASET_COLUMNS_SQL}
       FROM datasets d
       LEFT JOIN dataset_versions v ON v.dataset_id = d.id AND v.version = d.current_version
       WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async find(id: string): Promise<DatasetRecord | null> {
    const [row] = await this.db.query(
      `SELECT ${DATASET_COLUMNS_SQL}
       FROM datasets d
       LEFT JOIN dataset_versions v ON v.dataset_id = d.id AND v.version = d.current_version
       WHERE d.id = $1`,
      [id],
    );
    return row ?? null;
  }

  versions(datasetId: string): Promise<VersionRecord[]> {
    return this.db.query(
      `SELECT v.id, v.dataset_id, v.version, v.file_name, v.row_count, v.imported_at, v.imported_by
       FROM dataset_versions v
       WHERE v.dataset_id = $1 ORDER BY v.version DESC`,
      [datasetId],
    );
  }

  async version(datasetId: string, version: number): Promise<VersionRecord | null> {
    const [row] = await this.db.query('SELECT id, dataset_id, version, file_name, row_count, imported_at, imported_by FROM dataset_versions WHERE dataset_id = $1 AND version = $2', [datasetId, version]);
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
