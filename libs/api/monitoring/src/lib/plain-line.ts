import type { DatasetColumn } from '@simashe/contracts';
import type { GroupFields } from './dataset-validator';

/** How a column's cell is read on the fast path. */
const enum Kind {
  Text,
  OptionalText,
  Number,
  OptionalNumber,
  Flag,
  Year,
  Iso3,
  Order,
}

const KINDS: Record<DatasetColumn, Kind> = {
  setting: Kind.Text,
  date: Kind.Year,
  source: Kind.Text,
  indicator_abbr: Kind.Text,
  indicator_name: Kind.Text,
  dimension: Kind.Text,
  subgroup: Kind.Text,
  estimate: Kind.Number,
  se: Kind.OptionalNumber,
  ci_lb: Kind.OptionalNumber,
  ci_ub: Kind.OptionalNumber,
  population: Kind.OptionalNumber,
  flag: Kind.OptionalText,
  setting_average: Kind.OptionalNumber,
  iso3: Kind.Iso3,
  favourable_indicator: Kind.Flag,
  indicator_scale: Kind.Number,
  ordered_dimension: Kind.Flag,
  subgroup_order: Kind.Order,
  reference_subgroup: Kind.Flag,
};

/** The numbers a line's cross-checks need (NaN: empty). */
const enum Slot {
  Estimate,
  Se,
  CiLb,
  CiUb,
  Population,
  Scale,
  Order,
  Year,
  Favourable,
  Ordered,
  Reference,
  Count,
}
const SLOTS: Partial<Record<DatasetColumn, Slot>> = {
  estimate: Slot.Estimate,
  se: Slot.Se,
  ci_lb: Slot.CiLb,
  ci_ub: Slot.CiUb,
  population: Slot.Population,
  indicator_scale: Slot.Scale,
  subgroup_order: Slot.Order,
  date: Slot.Year,
  favourable_indicator: Slot.Favourable,
  ordered_dimension: Slot.Ordered,
  reference_subgroup: Slot.Reference,
};
/** The texts the whole-file checks need, as strings. */
const TEXTS = ['setting', 'indicator_abbr', 'dimension', 'subgroup'] as const;

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, index) => 10 ** index);

/**
 * The import's fast path for a line without quotes, read from its bytes: it accepts only a line whose every cell
 * the general checks (DatasetValidator.row) would store exactly as written: plain decimal numbers of at most 15
 * digits, 0/1 flags, years, upper-case ISO codes, texts without control characters or surrounding spaces and within
 * 200 bytes, bounds that contain the estimate, and so on. Such a line can go to PostgreSQL's COPY (CSV) as its own
 * bytes. Anything else, a problem or merely an unusual spelling (a thousands separator, a decimal comma, "ken"),
 * is refused here and takes the general path, which stores or reports it; a spec holds the two paths to the same
 * stored rows.
 *
 * Numbers of at most 15 digits are exact as integers, and one division by an exact power of ten rounds correctly,
 * so the value read here is the one `Number()` and PostgreSQL read from the same text.
 */
export class PlainLineReader {
  /** Whether plain lines can be read here at all: every column of the file is a template column. */
  readonly usable: boolean;
  /** The cell of `subgroup_order` that holds "0" (stored as empty), or −1: the caller blanks it in the COPY line. */
  blankStart = -1;
  blankEnd = -1;
  readonly fields: GroupFields = { setting: '', date: 0, indicatorAbbr: '', dimension: '', subgroup: '', ordered: false, reference: false, subgroupOrder: null, scale: 0, favourable: false };

  private readonly kinds: Kind[];
  private readonly slots: number[];
  private readonly texts: number[];
  private readonly values = new Float64Array(Slot.Count);
  private readonly starts: number[];
  private readonly ends: number[];
  private readonly delimiter: number;

  /** `columns`: the template column of each of the file's columns (null: a column the import does not know). */
  constructor(columns: Array<DatasetColumn | null>, delimiter: ',' | ';') {
    this.usable = columns.every((column) => column !== null);
    const known = columns.map((column) => column ?? 'flag');
    this.kinds = known.map((column) => KINDS[column]);
    this.slots = known.map((column) => SLOTS[column] ?? -1);
    this.texts = known.map((column) => (TEXTS as readonly string[]).indexOf(column));
    this.starts = new Array(columns.length).fill(0);
    this.ends = new Array(columns.length).fill(0);
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Reads `buffer[start, end)` into `fields`; false when the line must take the general path. */
  read(buffer: Buffer, start: number, end: number): boolean {
    const count = this.kinds.length;
    const delimiter = this.delimiter;
    let column = 0;
    let cellStart = start;
    this.blankStart = -1;
    // A column the file does not have is empty (an absent upper bound checks nothing, as in the general path).
    this.values.fill(NaN);
    for (let index = start; index <= end; index += 1) {
      if (index < end && buffer[index] !== delimiter) continue;
      if (column === count || !this.cell(buffer, cellStart, index, column)) return false;
      column += 1;
      cellStart = index + 1;
    }
    if (column !== count) return false;

    const v = this.values;
    const estimate = v[Slot.Estimate];
    const scale = v[Slot.Scale];
    if (!(scale > 0) || (scale === 100 && (estimate < 0 || estimate > 100))) return false;
    if (v[Slot.Se] < 0 || v[Slot.Population] < 0) return false;
    // NaN (an empty bound) makes every comparison false, as an absent bound checks nothing.
    if (v[Slot.CiLb] > v[Slot.CiUb] || estimate < v[Slot.CiLb] || estimate > v[Slot.CiUb]) return false;
    const ordered = v[Slot.Ordered] === 1;
    const order = v[Slot.Order];
    if (ordered && Number.isNaN(order)) return false;

    const fields = this.fields;
    for (let index = 0; index < count; index += 1) {
      const text = this.texts[index];
      if (text === -1) continue;
      const value = buffer.toString('utf8', this.starts[index], this.ends[index]);
      if (text === 0) fields.setting = value;
      else if (text === 1) fields.indicatorAbbr = value;
      else if (text === 2) fields.dimension = value;
      else fields.subgroup = value;
    }
    fields.date = v[Slot.Year];
    fields.ordered = ordered;
    fields.reference = v[Slot.Reference] === 1;
    fields.favourable = v[Slot.Favourable] === 1;
    fields.subgroupOrder = Number.isNaN(order) ? null : order;
    fields.scale = scale;
    return true;
  }

  private cell(buffer: Buffer, start: number, end: number, column: number): boolean {
    const length = end - start;
    const slot = this.slots[column];
    switch (this.kinds[column]) {
      case Kind.Text:
      case Kind.OptionalText:
        if (length === 0) return this.kinds[column] === Kind.OptionalText;
        if (length > 200 || !plainText(buffer, start, end)) return false;
        this.starts[column] = start;
        this.ends[column] = end;
        return true;
      case Kind.Number:
      case Kind.OptionalNumber: {
        if (length === 0) {
          if (slot !== -1) this.values[slot] = NaN;
          return this.kinds[column] === Kind.OptionalNumber;
        }
        const value = decimal(buffer, start, end);
        if (Number.isNaN(value)) return false;
        if (slot !== -1) this.values[slot] = value;
        return true;
      }
      case Kind.Flag: {
        const byte = buffer[start];
        if (length !== 1 || (byte !== 48 && byte !== 49)) return false;
        this.values[slot] = byte - 48;
        return true;
      }
      case Kind.Year: {
        if (length !== 4) return false;
        let year = 0;
        for (let index = start; index < end; index += 1) {
          const digit = buffer[index] - 48;
          if (digit < 0 || digit > 9) return false;
          year = year * 10 + digit;
        }
        this.values[slot] = year;
        return year >= 1900 && year <= 2100;
      }
      case Kind.Iso3:
        if (length === 0) return true;
        if (length !== 3) return false;
        for (let index = start; index < end; index += 1) if (buffer[index] < 65 || buffer[index] > 90) return false;
        return true;
      case Kind.Order: {
        this.values[slot] = NaN;
        if (length === 0) return true;
        if (length === 1 && buffer[start] === 48) {
          // "0" means no order, stored as empty.
          this.blankStart = start;
          this.blankEnd = end;
          return true;
        }
        if (length > 4 || buffer[start] === 48) return false;
        let order = 0;
        for (let index = start; index < end; index += 1) {
          const digit = buffer[index] - 48;
          if (digit < 0 || digit > 9) return false;
          order = order * 10 + digit;
        }
        this.values[slot] = order;
        return true;
      }
    }
  }
}

/**
 * A text cell stored as written: no control characters, and no space of any kind at either end (multi-byte
 * characters that could be one, such as U+00A0 or U+3000, send the line to the general path, which trims).
 */
function plainText(buffer: Buffer, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) {
    const byte = buffer[index];
    if (byte < 0x20 || byte === 0x7f) return false;
  }
  if (buffer[start] === 0x20 || buffer[end - 1] === 0x20) return false;
  if (buffer[start] >= 0x80 && !plainLead(buffer, start)) return false;
  if (buffer[end - 1] >= 0x80) {
    let lead = end - 1;
    while (lead > start && (buffer[lead] & 0xc0) === 0x80) lead -= 1;
    if (!plainLead(buffer, lead)) return false;
  }
  return true;
}

/** Whether the character starting at `index` surely is not white space (U+00A0, U+1680, U+2000–U+3000, U+FEFF). */
function plainLead(buffer: Buffer, index: number): boolean {
  const byte = buffer[index];
  if (byte === 0xc2) return buffer[index + 1] !== 0xa0;
  return byte !== 0xe1 && byte !== 0xe2 && byte !== 0xe3 && byte !== 0xef;
}

/** A plain decimal (-12.5, 7, 0.25) of at most 15 digits, else NaN; "-0" is NaN too (the general path stores 0). */
function decimal(buffer: Buffer, start: number, end: number): number {
  let index = start;
  const negative = buffer[index] === 45;
  if (negative) index += 1;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; index < end; index += 1) {
    const byte = buffer[index];
    if (byte === 46) {
      if (fraction !== -1 || digits === 0) return NaN;
      fraction = 0;
      continue;
    }
    const digit = byte - 48;
    if (digit < 0 || digit > 9) return NaN;
    mantissa = mantissa * 10 + digit;
    digits += 1;
    if (fraction !== -1) fraction += 1;
  }
  if (digits === 0 || digits > 15 || fraction === 0 || (negative && mantissa === 0)) return NaN;
  const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
  return negative ? -value : value;
}
