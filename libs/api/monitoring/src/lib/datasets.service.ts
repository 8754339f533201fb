import { Injectable, Logger } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { NotFoundError, safeFileName, ValidationError, type AuthContext } from '@simashe/api-core';
import { AccessPolicy, OrganisationsService, type AccessScope } from '@simashe/api-organisations';
import {
  DATASET_FILE_TYPES,
  type DatasetColumn,
  MAX_SERVED_ROWS,
  type CreateDatasetRequest,
  type Dataset,
  type DatasetCatalogue,
  type DatasetDataQuery,
  type DatasetImportResult,
  type DatasetList,
  type DatasetRow,
  type DatasetRows,
  type UpdateDatasetRequest,
} from '@simashe/contracts';
import { open, rm } from 'node:fs/promises';
import { csvChunks, CsvSplitter, readable, sniffCsv, UnreadableFileError, xlsxLines, type CsvVisitor } from './dataset-reader';
import { PlainLineReader } from './plain-line';
import { DatasetValidator, problem, readHeader } from './dataset-validator';
import { MonitoringRepository, type DatasetRecord, type RowRecord, type VersionRecord } from './monitoring.repository';

/** An upload as multer's disk storage hands it over: the file is on disk, never whole in memory. */
export interface UploadedDatasetFile {
  originalname: string;
  mimetype: string;
  size: number;
  path: string;
}

type DatasetResource = { kind: 'dataset'; organisationId: string; published: boolean };
const resourceOf = (record: DatasetRecord): DatasetResource => ({ kind: 'dataset', organisationId: record.organisation_id, published: record.published_at !== null });

/** Datasets of disaggregated estimates: create, import versions (checked and streamed through COPY), read. */
@Injectable()
export class DatasetsService {
  private readonly logger = new Logger(DatasetsService.name);

  constructor(
    private readonly repo: MonitoringRepository,
    private readonly policy: AccessPolicy,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  async list(auth: AuthContext): Promise<DatasetList> {
    const scope = await this.policy.scope(auth);
    const records = (await this.repo.list(scope.readableOrganisationIds)).filter((record) => scope.can('dataset:read', resourceOf(record)));
    // The organisations' names in one batch of api-organisations; a dataset whose organisation is gone is left out (as the join did).
    const organisationNames = await this.organisations.names(records.map((record) => record.organisation_id));
    return {
      items: records
        .filter((record) => organisationNames.has(record.organisation_id))
        .map((record) => this.present(scope, record, organisationNames.get(record.organisation_id) as string, [], new Map()))
        .map(({ versions: _versions, ...rest }) => rest),
    };
  }

  /** The names of those of `ids` the caller may read, with where the web shows them (one query): for other domains' links. */
  async linkTitles(auth: AuthContext, ids: string[]): Promise<Map<string, { title: string; href: string }>> {
    if (ids.length === 0) return new Map();
    const scope = await this.policy.scope(auth);
    const records = await this.repo.findMany([...new Set(ids)]);
    return new Map(records.filter((record) => scope.can('dataset:read', resourceOf(record))).map((record) => [record.id, { title: record.name, href: `/monitoring/datasets/${record.id}` }]));
  }

  async get(auth: AuthContext, id: string): Promise<Dataset> {
    const { scope, record } = await this.readable(auth, id);
    const [versions, organisationNames] = await Promise.all([this.repo.versions(id), this.organisations.names([record.organisation_id])]);
    // The organisation's name is api-organisations'; a dataset whose organisation is gone is not found (as the join had it).
    const organisationName = organisationNames.get(record.organisation_id);
    if (organisationName === undefined) throw new NotFoundError('The dataset');
    // Who imported each version, in one lookup (null once their account is gone).
    return this.present(scope, record, organisationName, versions, await this.users.names(versions.map((version) => version.imported_by)));
  }

  async create(auth: AuthContext, input: CreateDatasetRequest): Promise<Dataset> {
    await this.policy.require(auth, 'dataset:create', { kind: 'dataset', organisationId: input.organisationId, published: false }, 'The organisation');
    const id = await this.repo.create({ ...input, userId: auth.userId });
    return this.get(auth, id);
  }

  async update(auth: AuthContext, id: string, changes: UpdateDatasetRequest): Promise<Dataset> {
    await this.writable(auth, id, 'dataset:write');
    await this.repo.update(id, changes);
    return this.get(auth, id);
  }

  async publish(auth: AuthContext, id: string, published: boolean): Promise<Dataset> {
    const record = await this.writable(auth, id, 'dataset:publish');
    if (published && record.current_version === null) throw new ValidationError('Import data into the dataset before publishing it');
    await this.repo.publish(id, published ? auth.userId : null);
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.writable(auth, id, 'dataset:delete');
    await this.repo.remove(id);
  }

  /**
   * Imports a CSV or XLSX file as the dataset's next version. Every line is checked as it streams in; lines go to
   * PostgreSQL through COPY in the same transaction. A file with any problem saves nothing and answers the
   * problems (line, column, what is wrong). The uploaded file is deleted afterwards, whatever happens.
   */
  async importFile(auth: AuthContext, id: string, file: UploadedDatasetFile | undefined, dryRun = false): Promise<DatasetImportResult> {
    try {
      // Who may import is decided first: someone who may not write learns nothing from how the upload is refused.
      await this.writable(auth, id, 'dataset:write');
      if (!file) throw new ValidationError('Choose a CSV or Excel file to upload', [{ path: 'file', message: 'No file in the upload (form field "file")' }]);
      const kind = await fileKind(file);
      const format = kind === 'csv' ? await sniffCsv(file.path) : null;
      const path = file.path;
      const name = safeFileName(file.originalname, 'text/csv');
      let validator: DatasetValidator | null = null;
      let rows = 0;
      let headerProblems: DatasetImportResult['problems'] = [];
      const outcome = await this.repo.importVersion(id, name, auth.userId, async (target) => {
        let plain: PlainLineReader | null = null;
        /** The first record is the header; false once it has problems (nothing more is read). */
        const header = (cells: string[]): boolean => {
          const found = readHeader(cells);
          if (found.problems.length) {
            headerProblems = found.problems;
            return false;
          }
          validator = new DatasetValidator(found.columns, format?.delimiter === ';');
          const byIndex = new Map([...found.columns].map(([column, index]) => [index, column]));
          const columns = cells.map((_cell, index) => byIndex.get(index) ?? null);
          // The COPY takes the file's columns in its order; a column without a template name is left out of it.
          target.begin(columns.filter((column): column is DatasetColumn => column !== null), format?.delimiter ?? ',');
          plain = format ? new PlainLineReader(columns, format.delimiter) : null;
          return true;
        };
        /** A line through the general checks; once a problem is found nothing will be kept, the rest is only checked. */
        const general = (line: number, cells: string[]): void => {
          const row = (validator as DatasetValidator).row(line, cells);
          if (row && (validator as DatasetValidator).ok && !dryRun) {
            target.writeRow(row);
            rows += 1;
          }
        };
        try {
          if (format) {
            // CSV: plain lines are read from their bytes and stored as written when they are (PlainLineReader).
            const splitter = new CsvSplitter(format.delimiter);
            let stop = false;
            const visitor: CsvVisitor = {
              plain: (buffer, start, end, line) => {
                if (stop) return;
                const reader = plain;
                const checks = validator as DatasetValidator | null;
                if (!checks || !reader) {
                  stop = !header(buffer.toString('utf8', start, end).split(format.delimiter));
                  return;
                }
                if (!reader.usable || !reader.read(buffer, start, end)) return general(line, buffer.toString('utf8', start, end).split(format.delimiter));
                if (checks.accept(line, reader.fields) && checks.ok && !dryRun) {
                  target.writePlain(buffer, start, end, line, reader.blankStart, reader.blankEnd);
                  rows += 1;
                }
              },
              quoted: (line, cells) => {
                if (stop) return;
                if (!validator) stop = !header(cells);
                else general(line, cells);
              },
            };
            for await (const chunk of csvChunks(path, format.encoding)) {
              splitter.feed(chunk, visitor);
              if (stop) return { keep: false, rows: 0 };
              await target.drained();
            }
            splitter.end(visitor);
            if (stop) return { keep: false, rows: 0 };
          } else {
            for await (const batch of readable(xlsxLines(path))) {
              for (const { line, cells } of batch) {
                if (!validator) {
                  if (!header(cells)) return { keep: false, rows: 0 };
                } else general(line, cells);
              }
              await target.drained();
            }
          }
        } catch (error) {
          if (!(error instanceof UnreadableFileError)) throw error;
          headerProblems = [problem(0, null, 'unreadable_file', (error as Error).message.slice(0, 200))];
          return { keep: false, rows: 0 };
        }
        if (!validator) {
          headerProblems = [problem(0, null, 'empty_file')];
          return { keep: false, rows: 0 };
        }
        (validator as DatasetValidator).finish();
        await target.end();
        return { keep: (validator as DatasetValidator).ok && !dryRun, rows };
      });
      const checked = validator as DatasetValidator | null;
      const problems = headerProblems.length ? headerProblems : (checked?.problems ?? []);
      const problemCount = headerProblems.length ? headerProblems.length : (checked?.problemCount ?? 0);
      if (outcome.version !== null) this.logger.log(`dataset ${id}: version ${outcome.version} imported, ${rows} lines`);
      return { saved: outcome.version !== null, version: outcome.version, rows: checked?.rows ?? 0, problemCount, problems };
    } finally {
      if (file?.path) await rm(file.path, { force: true });
    }
  }

  async catalogue(auth: AuthContext, id: string, version?: number): Promise<DatasetCatalogue> {
    const { versionRecord } = await this.readVersion(auth, id, version);
    return { version: versionRecord.version, ...(await this.repo.catalogue(versionRecord.id)) };
  }

  async data(auth: AuthContext, id: string, query: DatasetDataQuery): Promise<DatasetRows> {
    const { versionRecord } = await this.readVersion(auth, id, query.version);
    const rows = await this.repo.rows(versionRecord.id, query, MAX_SERVED_ROWS + 1);
    return { version: versionRecord.version, items: rows.slice(0, MAX_SERVED_ROWS).map(presentRow), truncated: rows.length > MAX_SERVED_ROWS };
  }

  /** The version asked for (the current one by default), once the caller may read the dataset. */
  async readVersion(auth: AuthContext, id: string, version?: number): Promise<{ record: DatasetRecord; versionRecord: VersionRecord }> {
    const { record } = await this.readable(auth, id);
    const wanted = version ?? record.current_version;
    if (wanted === null) throw new NotFoundError('The dataset has no data yet', 'The dataset has no data yet: import a file first');
    const versionRecord = await this.repo.version(id, wanted);
    if (!versionRecord) throw new NotFoundError(`Version ${wanted} of the dataset`);
    return { record, versionRecord };
  }

  private async readable(auth: AuthContext, id: string): Promise<{ scope: AccessScope; record: DatasetRecord }> {
    const record = await this.repo.find(id);
    if (!record) throw new NotFoundError('The dataset');
    const scope = await this.policy.require(auth, 'dataset:read', resourceOf(record), 'The dataset');
    return { scope, record };
  }

  private async writable(auth: AuthContext, id: string, action: 'dataset:write' | 'dataset:delete' | 'dataset:publish'): Promise<DatasetRecord> {
    const record = await this.repo.find(id);
    if (!record) throw new NotFoundError('The dataset');
    await this.policy.require(auth, action, resourceOf(record), 'The dataset');
    return record;
  }

  private present(scope: AccessScope, record: DatasetRecord, organisationName: string, versions: VersionRecord[], names: ReadonlyMap<string, string>): Dataset {
    const resource = resourceOf(record);
    return {
      id: record.id,
      organisationId: record.organisation_id,
      organisationName,
      name: record.name,
      description: record.description,
      publishedAt: record.published_at?.toISOString() ?? null,
      currentVersion: record.current_version,
      rows: Number(record.rows),
      createdAt: record.created_at.toISOString(),
      updatedAt: record.updated_at.toISOString(),
      versions: versions.map((version) => ({ version: version.version, fileName: version.file_name, rows: version.row_count, importedAt: version.imported_at.toISOString(), importedByName: version.imported_by === null ? null : (names.get(version.imported_by) ?? null) })),
      permissions: { write: scope.can('dataset:write', resource), publish: scope.can('dataset:publish', resource), delete: scope.can('dataset:delete', resource) },
    };
  }
}

export function presentRow(row: RowRecord): DatasetRow {
  return {
    setting: row.setting,
    date: row.date,
    source: row.source,
    indicatorAbbr: row.indicator_abbr,
    indicatorName: row.indicator_name,
    dimension: row.dimension,
    subgroup: row.subgroup,
    estimate: row.estimate,
    se: row.se,
    ciLb: row.ci_lb,
    ciUb: row.ci_ub,
    population: row.population,
    flag: row.flag,
    settingAverage: row.setting_average,
    iso3: row.iso3,
    favourable: row.favourable,
    scale: row.scale,
    ordered: row.ordered,
    subgroupOrder: row.subgroup_order,
    reference: row.reference,
  };
}

/** CSV or XLSX, decided by the bytes (an XLSX is a ZIP package; a CSV is UTF-8 text without NUL bytes). */
async function fileKind(file: UploadedDatasetFile): Promise<'csv' | 'xlsx'> {
  if (file.size === 0) throw new ValidationError('The file is empty', [{ path: 'file', message: 'The file is empty' }]);
  const declared = DATASET_FILE_TYPES[file.mimetype as keyof typeof DATASET_FILE_TYPES] ?? (/\.xlsx$/i.test(file.originalname) ? 'xlsx' : /\.(csv|txt)$/i.test(file.originalname) ? 'csv' : null);
  const handle = await open(file.path, 'r');
  const head = Buffer.alloc(4096);
  const { bytesRead } = await handle.read(head, 0, head.length, 0).finally(() => handle.close());
  const bytes = head.subarray(0, bytesRead);
  const zip = bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  if (declared === 'xlsx' || (declared === null && zip)) {
    if (!zip) throw new ValidationError('The file is not an Excel (XLSX) file', [{ path: 'file', message: 'The file is not an Excel (XLSX) file' }]);
    return 'xlsx';
  }
  // UTF-16 text (with its byte-order mark) is full of NUL bytes; any other file holding one is not text.
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (declared === 'csv' && !zip && (utf16 || !bytes.includes(0))) return 'csv';
  const message = 'Upload the data as CSV or Excel (XLSX), in the HEAT Plus template layout';
  throw new ValidationError(message, [{ path: 'file', message }]);
}
