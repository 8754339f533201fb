import { DATASET_COLUMNS, REQUIRED_DATASET_COLUMNS, type DatasetColumn } from '@simashe/contracts';
import { DatasetValidator, readHeader, type CheckedRow } from './dataset-validator';
import { PlainLineReader } from './plain-line';

/** Spellings of each cell, right and wrong, plain and unusual. */
const SPELLINGS: Record<DatasetColumn, string[]> = {
  setting: ['Kenya', ' Kenya', 'Côte d’Ivoire', 'المغرب', 'Ke\u0001nya', '\u00a0Kenya', 'Kenya\u3000', '', 'x'.repeat(201), `${'x'.repeat(199)}é`, 'A, B'],
  date: ['2022', '22', '1800', '2022.0', '', '2100', '1900', ' 2022'],
  source: ['DHS', 'MICS 2019', ''],
  indicator_abbr: ['anc', 'sba', ''],
  indicator_name: ['Antenatal care', 'Births attended', ''],
  dimension: ['Sex', 'Economic status', ''],
  subgroup: ['Female', 'Q1 (poorest)', 'الريف', ''],
  estimate: ['50', '50.25', '-3.5', '1,250.5', '80,5', ' 50', '1e3', '', 'abc', '0050', '.5', '5.', '-0', '-0.0', '123456789012345', '1234567890123456', '100.0000001', '101', '0.1', '99.99999999999999'],
  se: ['', '1.2', '-1', '0'],
  ci_lb: ['', '40', '60', '-10.5'],
  ci_ub: ['', '60', '40', '100'],
  population: ['', '100', '-5', '1.5', '12345678'],
  flag: ['', 'a', 'survey note'],
  setting_average: ['', '55.5', 'x'],
  iso3: ['', 'KEN', 'ken', 'KENY', 'K1N'],
  favourable_indicator: ['0', '1', '2', '', ' 1'],
  indicator_scale: ['100', '1000', '0', '-1', '1.5'],
  ordered_dimension: ['0', '1', 'yes'],
  subgroup_order: ['', '0', '1', '2', '00', '0012', '12345', 'a', '3'],
  reference_subgroup: ['0', '1', ''],
};

let seed = 42;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];

/** What PostgreSQL stores when it reads the plain line's own cells through COPY (CSV: an empty cell is NULL). */
function asStored(column: DatasetColumn, cell: string): string | number | boolean | null {
  if (column === 'subgroup_order') return cell === '' || cell === '0' ? null : Number(cell);
  if (cell === '') return null;
  if (['favourable_indicator', 'ordered_dimension', 'reference_subgroup'].includes(column)) return cell === '1';
  if (['date', 'estimate', 'se', 'ci_lb', 'ci_ub', 'population', 'setting_average', 'indicator_scale'].includes(column)) return Number(cell);
  return cell;
}

const FIELD: Record<DatasetColumn, keyof CheckedRow> = {
  setting: 'setting',
  date: 'date',
  source: 'source',
  indicator_abbr: 'indicatorAbbr',
  indicator_name: 'indicatorName',
  dimension: 'dimension',
  subgroup: 'subgroup',
  estimate: 'estimate',
  se: 'se',
  ci_lb: 'ciLb',
  ci_ub: 'ciUb',
  population: 'population',
  flag: 'flag',
  setting_average: 'settingAverage',
  iso3: 'iso3',
  favourable_indicator: 'favourable',
  indicator_scale: 'scale',
  ordered_dimension: 'ordered',
  subgroup_order: 'subgroupOrder',
  reference_subgroup: 'reference',
};

describe('the fast path for plain lines', () => {
  for (const delimiter of [',', ';'] as const) {
    it(`accepts only lines the general checks store exactly as written, and reads them the same (delimiter "${delimiter}")`, () => {
      // The file's columns in a shuffled order, as files put them.
      const order = [...DATASET_COLUMNS].sort(() => random() - 0.5);
      const { columns } = readHeader(order);
      const reader = new PlainLineReader(order, delimiter);
      let accepted = 0;
      let refused = 0;
      for (let n = 0; n < 20_000; n += 1) {
        // Mostly plain lines (so that many pass), each with a few unusual cells.
        const cells = order.map((column) => (random() < 0.85 ? SPELLINGS[column][0] : pick(SPELLINGS[column])));
        if (cells.some((cell) => cell.includes(delimiter))) continue;
        const line = cells.join(delimiter);
        const bytes = Buffer.from(`xx${line}yy`, 'utf8');
        const fast = reader.read(bytes, 2, bytes.length - 2);
        // A fresh validator per line: only what a line shows on its own is compared here.
        const general = new DatasetValidator(columns, delimiter === ';').row(n + 2, cells);
        if (!fast) {
          refused += 1;
          continue;
        }
        accepted += 1;
        expect(general).not.toBeNull();
        const row = general as CheckedRow;
        order.forEach((column, index) => expect([column, asStored(column, cells[index])]).toEqual([column, row[FIELD[column]]]));
        const blanked = reader.blankStart === -1 ? null : bytes.toString('utf8', reader.blankStart, reader.blankEnd);
        expect(blanked).toBe(cells[order.indexOf('subgroup_order')] === '0' ? '0' : null);
        expect(reader.fields).toEqual({
          setting: row.setting,
          date: row.date,
          indicatorAbbr: row.indicatorAbbr,
          dimension: row.dimension,
          subgroup: row.subgroup,
          ordered: row.ordered,
          reference: row.reference,
          subgroupOrder: row.subgroupOrder,
          scale: row.scale,
          favourable: row.favourable,
        });
      }
      // Neither side is empty: the comparison means something.
      expect(accepted).toBeGreaterThan(1000);
      expect(refused).toBeGreaterThan(1000);
    });
  }

  it('reads a file with only the required columns (absent bounds check nothing, as in the general path)', () => {
    const order = REQUIRED_DATASET_COLUMNS.filter(() => true);
    const reader = new PlainLineReader(order, ',');
    const cells = order.map((column) => ({ estimate: '50', date: '2020', favourable_indicator: '1', indicator_scale: '100', ordered_dimension: '0', subgroup_order: '0', reference_subgroup: '1' })[column as string] ?? 'x');
    const line = Buffer.from(cells.join(','));
    expect(reader.read(line, 0, line.length)).toBe(true);
    expect(new DatasetValidator(readHeader(order).columns).row(2, cells)).toMatchObject({ estimate: 50, ciLb: null, ciUb: null });
    const negative = Buffer.from(cells.map((cell, index) => (order[index] === 'estimate' ? '-5' : order[index] === 'indicator_scale' ? '1000' : cell)).join(','));
    expect(reader.read(negative, 0, negative.length)).toBe(true);
  });

  it('refuses every line of a file with a column it does not know', () => {
    const reader = new PlainLineReader(['setting', null], ',');
    expect(reader.usable).toBe(false);
  });
});
