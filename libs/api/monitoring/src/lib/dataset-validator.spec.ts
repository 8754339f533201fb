import { DATASET_COLUMNS } from '@simashe/contracts';
import { parse } from 'csv-parse/sync';
import { DatasetValidator, plainNumber, readHeader } from './dataset-validator';
import { demoDatasetCsv } from './demo-monitoring';

function check(csv: string): DatasetValidator {
  const [header, ...lines] = parse(csv) as string[][];
  const { columns, problems } = readHeader(header);
  expect(problems).toEqual([]);
  const validator = new DatasetValidator(columns);
  lines.forEach((cells, index) => validator.row(index + 2, cells));
  validator.finish();
  return validator;
}

describe('dataset validation', () => {
  it('accepts the demo file: 5 settings × 3 years × 3 indicators × 12 subgroups', () => {
    const validator = check(demoDatasetCsv());
    expect(validator.problems).toEqual([]);
    expect(validator.rows).toBe(5 * 3 * 3 * 12);
  });

  it('matches headers without regard to case, spaces or dashes, and by their other names', () => {
    const { columns, problems } = readHeader(['Setting', 'YEAR', 'Source', 'Indicator abbr', 'indicator-name', 'Dimension', 'Subgroup', 'Estimate', 'Favourable', 'Indicator_Scale', 'Ordered', 'subgroup order', 'Reference', '\uFEFFiso3']);
    expect(problems).toEqual([]);
    expect(columns.get('date')).toBe(1);
    expect(columns.get('favourable_indicator')).toBe(8);
    expect(columns.get('iso3')).toBe(13);
  });

  it('checks each cell: numbers, years, 0/1 flags, ISO codes, lengths; strips control characters', () => {
    const columns = readHeader([...DATASET_COLUMNS]).columns;
    const validator = new DatasetValidator(columns);
    const cells = (overrides: Partial<Record<(typeof DATASET_COLUMNS)[number], string>>) =>
      DATASET_COLUMNS.map((column) => overrides[column] ?? { setting: 'Kenya', date: '2022', source: 'DHS', indicator_abbr: 'anc', indicator_name: 'ANC', dimension: 'Sex', subgroup: 'Female', estimate: '50', favourable_indicator: '1', indicator_scale: '100', ordered_dimension: '0', subgroup_order: '0', reference_subgroup: '1' }[column as string] ?? '');
    expect(validator.row(2, cells({ setting: 'Ke\u0000nya', estimate: '1,250.5', indicator_scale: '1000', iso3: 'ken' }))).toMatchObject({ setting: 'Kenya', estimate: 1250.5, iso3: 'KEN' });
    expect(validator.row(3, cells({ date: '22', estimate: '1e400', favourable_indicator: 'yes', iso3: 'KENYA', indicator_scale: '0', subgroup: 'x'.repeat(201) }))).toBeNull();
    expect(validator.problems.map((p) => `${p.line}:${p.column}:${p.code}`)).toEqual([
      '3:date:not_a_year',
      '3:subgroup:too_long',
      '3:estimate:number_too_large',
      '3:iso3:not_iso3',
      '3:favourable_indicator:not_zero_or_one',
      '3:indicator_scale:not_a_positive_number',
    ]);
  });

  it('reads thousands separators and decimal commas as the file writes them, and refuses what makes no sense', () => {
    expect(plainNumber('1,234.5', false)).toBe('1234.5');
    expect(plainNumber('80,5', false)).toBeNull();
    expect(plainNumber('1,2,3', false)).toBeNull();
    expect(plainNumber('80,5', true)).toBe('80.5');
    expect(plainNumber('1.234,5', true)).toBe('1234.5');
    expect(plainNumber('1.5', true)).toBe('1.5');
    expect(plainNumber('1 234,5', true)).toBe('1234.5');
    expect(plainNumber('1,2,3', true)).toBeNull();
  });

  it('reports a file without data lines', () => {
    const validator = new DatasetValidator(readHeader([...DATASET_COLUMNS]).columns);
    validator.finish();
    expect(validator.problems.map((p) => p.code)).toEqual(['empty_file']);
  });
});
