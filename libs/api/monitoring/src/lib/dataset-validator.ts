import {
  DATASET_COLUMN_ALIASES,
  DATASET_COLUMNS,
  MAX_DATASET_ROWS,
  MAX_LISTED_PROBLEMS,
  REQUIRED_DATASET_COLUMNS,
  type DatasetColumn,
  type DatasetProblem,
  type DatasetProblemCode,
} from '@simashe/contracts';

/** One checked line of a dataset file, as it is stored. */
export interface CheckedRow {
  line: number;
  setting: string;
  date: number;
  source: string;
  indicatorAbbr: string;
  indicatorName: string;
  dimension: string;
  subgroup: string;
  estimate: number;
  se: number | null;
  ciLb: number | null;
  ciUb: number | null;
  population: number | null;
  flag: string | null;
  settingAverage: number | null;
  iso3: string | null;
  favourable: boolean;
  scale: number;
  ordered: boolean;
  subgroupOrder: number | null;
  reference: boolean;
}

const MESSAGES: Record<DatasetProblemCode, (column: string | null, value: string | null) => string> = {
  unreadable_file: (_c, v) => `The file could not be read${v ? `: ${v}` : ''}`,
  empty_file: () => 'The file has no data lines',
  missing_column: (c) => `The column "${c}" is missing from the first line`,
  unknown_column: (c) => `The column "${c}" is not part of the template`,
  duplicate_column: (c) => `The column "${c}" appears twice`,
  required: (c) => `${c} is required`,
  too_long: (c) => `${c} is longer than 200 characters`,
  not_a_number: (c, v) => `${c} must be a number, not "${v}"`,
  number_too_large: (c, v) => `${c} is too large (${v})`,
  outside_scale: (_c, v) => `The estimate ${v} is outside 0–100, yet the indicator is a percentage (scale 100)`,
  not_a_year: (c, v) => `${c} must be a year between 1900 and 2100, not "${v}"`,
  not_zero_or_one: (c, v) => `${c} must be 0 or 1, not "${v}"`,
  not_a_positive_number: (c, v) => `${c} must be a number above 0, not "${v}"`,
  negative: (c, v) => `${c} cannot be negative (${v})`,
  not_an_order: (c, v) => `${c} must be a whole number from 1 for an ordered dimension, not "${v}"`,
  not_iso3: (c, v) => `${c} must be a three-letter ISO code such as KEN, not "${v}"`,
  bounds_exclude_estimate: (_c, v) => `The 95 % bounds do not contain the estimate (${v})`,
  bounds_reversed: (_c, v) => `The lower bound is above the upper bound (${v})`,
  duplicate_subgroup: (_c, v) => `The subgroup appears twice in the same group (${v})`,
  incomplete_order: (_c, v) => `The ordered dimension's subgroup order must run 1, 2, 3… without gaps (${v})`,
  duplicate_order: (_c, v) => `Two subgroups share the same order (${v})`,
  missing_reference: (_c, v) => `A dimension of two subgroups needs one of them marked as the reference subgroup (${v})`,
  duplicate_reference: (_c, v) => `More than one reference subgroup (${v})`,
  mixed_scale: (_c, v) => `One indicator uses more than one scale (${v})`,
  mixed_favourable: (_c, v) => `One indicator is marked both favourable and adverse (${v})`,
  mixed_ordered: (_c, v) => `One dimension is marked both ordered and not ordered (${v})`,
  too_many_rows: () => `A dataset holds at most ${MAX_DATASET_ROWS.toLocaleString('en')} lines`,
};

export function problem(line: number, column: string | null, code: DatasetProblemCode, value: string | null = null): DatasetProblem {
  const shown = value === null ? null : value.length > 80 ? `${value.slice(0, 79)}…` : value;
  return { line, column, code, value: shown, message: MESSAGES[code](column, shown) };
}

function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Where each template column sits in the file, or the header's problems. */
export function readHeader(cells: string[]): { columns: Map<DatasetColumn, number>; problems: DatasetProblem[] } {
  const columns = new Map<DatasetColumn, number>();
  const problems: DatasetProblem[] = [];
  const known = new Set<string>(DATASET_COLUMNS);
  cells.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    if (name === '') return;
    const column = (known.has(name) ? name : DATASET_COLUMN_ALIASES[name]) as DatasetColumn | undefined;
    if (!column) problems.push(problem(1, cell.trim().slice(0, 80), 'unknown_column'));
    else if (columns.has(column)) problems.push(problem(1, column, 'duplicate_column'));
    else columns.set(column, index);
  });
  for (const column of REQUIRED_DATASET_COLUMNS) if (!columns.has(column)) problems.push(problem(1, column, 'missing_column'));
  return { columns, problems };
}

/** What the whole-file checks keep of a line. */
export interface GroupFields {
  setting: string;
  date: number;
  indicatorAbbr: string;
  dimension: string;
  subgroup: string;
  ordered: boolean;
  reference: boolean;
  subgroupOrder: number | null;
  scale: number;
  favourable: boolean;
}

interface Group {
  line: number;
  ordered: boolean;
  subgroups: string[];
  orders: number[];
  references: number;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Checks a file line by line (`row`), then what only the whole file shows (`finish`): complete subgroup orders,
 * one reference per group, one scale per indicator. Keeps per-group and per-indicator summaries only, never the
 * rows, so a million-line file is checked in little memory.
 */
export class DatasetValidator {
  readonly problems: DatasetProblem[] = [];
  problemCount = 0;
  rows = 0;
  private readonly groups = new Map<string, Group>();
  /**
   * One copy of each subgroup name. A name cut from a line can keep the whole line alive in V8 (a sliced string):
   * kept per group, a million-line file held about a hundred megabytes of lines it had finished with.
   */
  private readonly names = new Map<string, string>();
  private readonly indicators = new Map<string, { scale: number; favourable: boolean; line: number; reported: Set<string> }>();
  private readonly dimensions = new Map<string, { ordered: boolean; line: number; reported: boolean }>();

  /** Where each column sits in a line (−1: absent), looked up once rather than per cell. */
  private readonly index: Record<DatasetColumn, number>;
  /** The line being checked. */
  private cells: string[] = [];
  private line = 0;

  /**
   * `decimalComma`: numbers are written 80,5 (and 1.234,5), as in files saved with semicolons by spreadsheet apps in
   * French or Spanish; otherwise a comma only separates thousands (1,234.5) and anything else with one is refused.
   */
  constructor(
    columns: Map<DatasetColumn, number>,
    private readonly decimalComma = false,
  ) {
    this.index = Object.fromEntries(DATASET_COLUMNS.map((column) => [column, columns.get(column) ?? -1])) as Record<DatasetColumn, number>;
  }

  private raw(column: DatasetColumn): string {
    const index = this.index[column];
    if (index < 0) return '';
    const cell = this.cells[index];
    return cell === undefined ? '' : cell.trim();
  }

  private text(column: DatasetColumn, required: boolean): string | null {
    // NUL and other control characters never reach the database.
    const cell = this.raw(column);
    const value = CONTROL.test(cell) ? cell.replace(CONTROLS, '') : cell;
    if (value === '') {
      if (required) this.report(problem(this.line, column, 'required'));
      return null;
    }
    if (value.length > 200) {
      this.report(problem(this.line, column, 'too_long'));
      return null;
    }
    return value;
  }

  private number(column: DatasetColumn, required: boolean): number | null {
    const cell = this.raw(column);
    if (cell === '') {
      if (required) this.report(problem(this.line, column, 'required'));
      return null;
    }
    const value = plainNumber(cell, this.decimalComma);
    if (value === null || !NUMBER.test(value)) {
      this.report(problem(this.line, column, 'not_a_number', cell));
      return null;
    }
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || Math.abs(parsed) > 1e15) {
      this.report(problem(this.line, column, 'number_too_large', cell));
      return null;
    }
    return parsed;
  }

  private flag(column: DatasetColumn): boolean | null {
    const value = this.raw(column);
    if (value === '1' || value === '0') return value === '1';
    this.report(value === '' ? problem(this.line, column, 'required') : problem(this.line, column, 'not_zero_or_one', value));
    return null;
  }

  get ok(): boolean {
    return this.problemCount === 0;
  }

  report(found: DatasetProblem): void {
    this.problemCount += 1;
    if (this.problems.length < MAX_LISTED_PROBLEMS) this.problems.push(found);
  }

  /** The line as a stored row, or null when it has problems (each reported). */
  row(line: number, cells: string[]): CheckedRow | null {
    if (!this.count(line)) return null;
    const before = this.problemCount;
    this.cells = cells;
    this.line = line;
    const raw = (column: DatasetColumn) => this.raw(column);
    const text = (column: DatasetColumn, required: boolean) => this.text(column, required);
    const number = (column: DatasetColumn, required: boolean) => this.number(column, required);
    const flag = (column: DatasetColumn) => this.flag(column);

    const setting = text('setting', true);
    const dateText = raw('date');
    const date = /^\d{4}$/.test(dateText) && Number(dateText) >= 1900 && Number(dateText) <= 2100 ? Number(dateText) : null;
    if (date === null) this.report(dateText === '' ? problem(line, 'date', 'required') : problem(line, 'date', 'not_a_year', dateText));
    const source = text('source', true);
    const indicatorAbbr = text('indicator_abbr', true);
    const indicatorName = text('indicator_name', true);
    const dimension = text('dimension', true);
    const subgroup = text('subgroup', true);
    const estimate = number('estimate', true);
    const se = number('se', false);
    const ciLb = number('ci_lb', false);
    const ciUb = number('ci_ub', false);
    const population = number('population', false);
    const flagText = text('flag', false);
    const settingAverage = number('setting_average', false);
    const iso3Text = text('iso3', false);
    const iso3 = iso3Text === null ? null : iso3Text.toUpperCase();
    if (iso3 !== null && !/^[A-Z]{3}$/.test(iso3)) this.report(problem(line, 'iso3', 'not_iso3', iso3Text));
    const favourable = flag('favourable_indicator');
    const scaleText = raw('indicator_scale');
    const scale = number('indicator_scale', true);
    if (scale !== null && scale <= 0) this.report(problem(line, 'indicator_scale', 'not_a_positive_number', scaleText));
    // A percentage cannot leave 0–100 (a decimal comma read as a thousands separator would, tenfold).
    if (scale === 100 && estimate !== null && (estimate < 0 || estimate > 100)) this.report(problem(line, 'estimate', 'outside_scale', String(estimate)));
    const ordered = flag('ordered_dimension');
    const reference = flag('reference_subgroup');
    const orderText = raw('subgroup_order');
    let subgroupOrder: number | null = null;
    if (orderText !== '' && orderText !== '0') {
      if (/^\d{1,4}$/.test(orderText)) subgroupOrder = Number(orderText);
      else this.report(problem(line, 'subgroup_order', 'not_an_order', orderText));
    } else if (ordered === true) this.report(problem(line, 'subgroup_order', 'not_an_order', orderText));

    if (se !== null && se < 0) this.report(problem(line, 'se', 'negative', String(se)));
    if (population !== null && population < 0) this.report(problem(line, 'population', 'negative', String(population)));
    if (ciLb !== null && ciUb !== null && ciLb > ciUb) this.report(problem(line, 'ci_lb', 'bounds_reversed', `${ciLb} > ${ciUb}`));
    else if (estimate !== null && ((ciLb !== null && estimate < ciLb) || (ciUb !== null && estimate > ciUb))) {
      this.report(problem(line, 'estimate', 'bounds_exclude_estimate', `${estimate} ∉ [${ciLb ?? '…'}, ${ciUb ?? '…'}]`));
    }

    // What only the whole file can show is gathered as we go.
    if (setting !== null && date !== null && indicatorAbbr !== null && dimension !== null && subgroup !== null && ordered !== null && scale !== null && favourable !== null && reference !== null) {
      this.remember(line, { setting, date, indicatorAbbr, dimension, subgroup, ordered, reference, subgroupOrder, scale, favourable });
    }

    if (this.problemCount > before) return null;
    return {
      line,
      setting: setting as string,
      date: date as number,
      source: source as string,
      indicatorAbbr: indicatorAbbr as string,
      indicatorName: indicatorName as string,
      dimension: dimension as string,
      subgroup: subgroup as string,
      estimate: estimate as number,
      se,
      ciLb,
      ciUb,
      population,
      flag: flagText,
      settingAverage,
      iso3,
      favourable: favourable as boolean,
      scale: scale as number,
      ordered: ordered as boolean,
      subgroupOrder,
      reference: reference as boolean,
    };
  }

  /**
   * A line the fast path read (PlainLineReader: nothing in it is wrong on its own), counted and remembered for the
   * whole-file checks; false when it is one line too many or those checks already find a problem with it.
   */
  accept(line: number, fields: GroupFields): boolean {
    if (!this.count(line)) return false;
    const before = this.problemCount;
    this.remember(line, fields);
    return this.problemCount === before;
  }

  private count(line: number): boolean {
    this.rows += 1;
    if (this.rows <= MAX_DATASET_ROWS) return true;
    if (this.rows === MAX_DATASET_ROWS + 1) this.report(problem(line, null, 'too_many_rows'));
    return false;
  }

  /** The last group, indicator and dimension seen: consecutive lines nearly always share them, so no lookup. */
  private last: { setting: string; date: number; indicatorAbbr: string; dimension: string; group: Group; scale: number; favourable: boolean; ordered: boolean } | null = null;

  /** Gathers what only the whole file shows: each group's subgroups, orders and references; each indicator's scale. */
  private remember(line: number, fields: GroupFields): void {
    const { setting, date, indicatorAbbr, dimension, subgroup, ordered, reference, subgroupOrder, scale, favourable } = fields;
    const last = this.last;
    let group: Group;
    if (last && last.setting === setting && last.date === date && last.indicatorAbbr === indicatorAbbr && last.dimension === dimension && last.scale === scale && last.favourable === favourable && last.ordered === ordered) {
      group = last.group;
    } else {
      this.rememberIndicator(line, indicatorAbbr, scale, favourable);
      this.rememberDimension(line, dimension, ordered);
      const key = groupKey(setting, date, indicatorAbbr, dimension);
      let found = this.groups.get(key);
      if (!found) {
        found = { line, ordered, subgroups: [], orders: [], references: 0 };
        this.groups.set(key, found);
      }
      group = found;
      this.last = { setting, date, indicatorAbbr, dimension, group, scale, favourable, ordered };
    }
    let name = this.names.get(subgroup);
    if (name === undefined) {
      name = flat(subgroup);
      this.names.set(name, name);
    }
    if (group.subgroups.includes(name)) this.report(problem(line, 'subgroup', 'duplicate_subgroup', `${subgroup} — ${describeGroup(groupKey(setting, date, indicatorAbbr, dimension))}`));
    else group.subgroups.push(name);
    if (subgroupOrder !== null) group.orders.push(subgroupOrder);
    if (reference) group.references += 1;
  }

  private rememberIndicator(line: number, indicatorAbbr: string, scale: number, favourable: boolean): void {
    const seen = this.indicators.get(indicatorAbbr);
    if (!seen) {
      this.indicators.set(indicatorAbbr, { scale, favourable, line, reported: new Set() });
      return;
    }
    if (seen.scale !== scale && !seen.reported.has('scale')) {
      seen.reported.add('scale');
      this.report(problem(line, 'indicator_scale', 'mixed_scale', `${indicatorAbbr}: ${seen.scale} (line ${seen.line}) and ${scale}`));
    }
    if (seen.favourable !== favourable && !seen.reported.has('favourable')) {
      seen.reported.add('favourable');
      this.report(problem(line, 'favourable_indicator', 'mixed_favourable', `${indicatorAbbr} (line ${seen.line})`));
    }
  }

  private rememberDimension(line: number, dimension: string, ordered: boolean): void {
    const seen = this.dimensions.get(dimension);
    if (!seen) this.dimensions.set(dimension, { ordered, line, reported: false });
    else if (seen.ordered !== ordered && !seen.reported) {
      seen.reported = true;
      this.report(problem(line, 'ordered_dimension', 'mixed_ordered', `${dimension} (line ${seen.line})`));
    }
  }

  /** The whole-file checks, once every line has been read. */
  finish(): void {
    if (this.rows === 0) this.report(problem(0, null, 'empty_file'));
    for (const [key, group] of this.groups) {
      // The group is named only when something is wrong with it: 200,000 groups, nearly all fine.
      if (group.references > 1) this.report(problem(group.line, 'reference_subgroup', 'duplicate_reference', describeGroup(key)));
      if (group.ordered) {
        const orders = [...group.orders].sort((a, b) => a - b);
        if (new Set(orders).size !== orders.length) this.report(problem(group.line, 'subgroup_order', 'duplicate_order', describeGroup(key)));
        else if (orders.length !== group.subgroups.length || orders.some((order, index) => order !== index + 1)) {
          this.report(problem(group.line, 'subgroup_order', 'incomplete_order', describeGroup(key)));
        }
      } else if (group.references === 0 && group.subgroups.length === 2) {
        // A binary dimension (sex, place of residence) compares the other subgroup with its reference.
        this.report(problem(group.line, 'reference_subgroup', 'missing_reference', describeGroup(key)));
      }
    }
  }
}

/**
 * The number as JavaScript reads it: thousands separators removed, a decimal comma made a point; null when the
 * separators do not make sense (1,2,3; or 80,5 where commas separate thousands).
 */
export function plainNumber(cell: string, decimalComma: boolean): string | null {
  const text = cell.replace(/[\s\u00a0\u202f]/g, '');
  if (decimalComma) {
    // 1.234,5: points separate thousands only beside a decimal comma (a lone 1.500 stays one and a half).
    if (/^[-+]?\d{1,3}(\.\d{3})+,\d+$/.test(text)) return text.replace(/\./g, '').replace(',', '.');
    if (text.includes('.') && text.includes(',')) return null;
    return /^[^,]*,?[^,]*$/.test(text) ? text.replace(',', '.') : null;
  }
  if (!text.includes(',')) return text;
  return /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : null;
}

/** A copy of the text that holds none of the string it was cut from. */
function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** Control characters are stripped from every cell, so U+0001 cannot occur inside a part of the key. */
function groupKey(setting: string, date: number, indicator: string, dimension: string): string {
  return `${setting}\u0001${date}\u0001${indicator}\u0001${dimension}`;
}

function describeGroup(key: string): string {
  return key.split('\u0001').join(', ');
}
