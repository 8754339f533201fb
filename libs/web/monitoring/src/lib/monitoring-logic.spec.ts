import { DATASET_COLUMNS, DATASET_PROBLEM_CODES, type DatasetCatalogue } from '@simashe/contracts';
import { catalogueFor } from '@simashe/web-i18n';
import i18next from 'i18next';
import { checkFile, completeChoice, csvCell, isStructural, measuresFor, problemText, reasonText, REASON_CODES, tabKeyTarget, templateCsv, templateHref, uploadErrorKey } from './monitoring-logic';

async function translator(language: 'en' | 'fr' | 'es' | 'ar') {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, fallbackLng: 'en', resources: Object.fromEntries(await Promise.all((['en', 'fr', 'es', 'ar'] as const).map(async (l) => [l, { translation: await catalogueFor(l) }]))) });
  return instance.t.bind(instance) as unknown as (key: string, options?: Record<string, unknown>) => string;
}

describe('template CSV', () => {
  it('has the template’s columns in order and two complete example lines of one group', () => {
    const lines = templateCsv().trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].split(',')).toEqual([...DATASET_COLUMNS]);
    const rows = lines.slice(1).map((line) => line.split(','));
    for (const row of rows) expect(row).toHaveLength(DATASET_COLUMNS.length);
    const column = (row: string[], name: (typeof DATASET_COLUMNS)[number]) => row[DATASET_COLUMNS.indexOf(name)];
    // A binary dimension needs exactly one reference subgroup, or the template itself would not import.
    expect(rows.map((row) => column(row, 'reference_subgroup')).sort()).toEqual(['0', '1']);
    expect(new Set(rows.map((row) => column(row, 'dimension'))).size).toBe(1);
  });

  it('quotes cells holding commas, quotes or line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });

  it('is offered as a data address the browser downloads without the server', () => {
    expect(decodeURIComponent(templateHref().replace('data:text/csv;charset=utf-8,', ''))).toBe(templateCsv());
  });
});

describe('problem wording', () => {
  it('words every problem code in every language, with the column and value, not the English message', async () => {
    for (const language of ['en', 'fr', 'es', 'ar'] as const) {
      const t = await translator(language);
      for (const code of DATASET_PROBLEM_CODES) {
        const text = problemText(t, { code, line: 7, column: 'estimate', value: 'abc' });
        expect(text).not.toContain('monitoring.problems');
        expect(text).not.toContain('{{');
      }
    }
    const fr = await translator('fr');
    expect(problemText(fr, { code: 'not_a_number', line: 3, column: 'estimate', value: 'n/a' })).toBe('« estimate » doit être un nombre, et non « n/a ».');
    const en = await translator('en');
    expect(problemText(en, { code: 'missing_column', line: 1, column: 'subgroup', value: null })).toBe('The column “subgroup” is missing from the first line.');
  });

  it('words known reasons and shows unknown ones as sent', async () => {
    const es = await translator('es');
    expect(reasonText(es, { reasonCode: 'needs_two_subgroups', reason: 'D needs at least two subgroups' })).toBe('Se necesitan al menos dos subgrupos.');
    expect(reasonText(es, { reason: 'inequality.reasons.needs_population' })).toBe('Se necesita la población de cada subgrupo.');
    expect(reasonText(es, { reasonCode: 'something_new', reason: 'Something new' })).toBe('Something new');
    expect(reasonText(es, { reasonCode: null, reason: null })).toBe('No corresponde');
    const ar = await translator('ar');
    for (const code of REASON_CODES) expect(reasonText(ar, { reasonCode: code, reason: null })).not.toContain('monitoring.');
  });

  it('says how many rows were saved with the plural rules of each language', async () => {
    const ar = await translator('ar');
    expect(ar('monitoring.import.saved', { count: 2, rows: '2', version: '1' })).toBe('حُفظ الإصدار 1، صفّان.');
    const en = await translator('en');
    expect(en('monitoring.import.saved', { count: 2, rows: '2', version: '1' })).toBe('Version 1 saved, 2 rows.');
  });
});

describe('file checks', () => {
  it('accepts CSV and XLSX up to 200 MB', () => {
    expect(checkFile({ name: 'data.CSV', size: 10 })).toBe('ok');
    expect(checkFile({ name: 'data.xlsx', size: 10 })).toBe('ok');
    expect(checkFile({ name: 'data.pdf', size: 10 })).toBe('wrongType');
    expect(checkFile({ name: 'data.csv', size: 201 * 1024 * 1024 })).toBe('tooBig');
  });
});

describe('choices', () => {
  const catalogue: DatasetCatalogue = {
    version: 2,
    settings: [
      { name: 'Kenya', iso3: 'KEN' },
      { name: 'Ghana', iso3: 'GHA' },
    ],
    dates: [2014, 2022, 2018],
    indicators: [{ abbr: 'sba', name: 'Skilled birth attendance', scale: 100, favourable: true }],
    dimensions: [
      { name: 'Sex', ordered: false, subgroups: 2 },
      { name: 'Wealth', ordered: true, subgroups: 5 },
    ],
  };

  it('fills in the first indicator, dimension and setting and the latest year', () => {
    expect(completeChoice(catalogue, {})).toEqual({ indicator: 'sba', dimension: 'Sex', setting: 'Kenya', date: 2022 });
  });

  it('keeps what was asked when the version has it, and falls back otherwise', () => {
    expect(completeChoice(catalogue, { dimension: 'Wealth', setting: 'Ghana', date: 2014 })).toEqual({ indicator: 'sba', dimension: 'Wealth', setting: 'Ghana', date: 2014 });
    expect(completeChoice(catalogue, { dimension: 'Education', date: 1999 })).toMatchObject({ dimension: 'Sex', date: 2022 });
  });

  it('offers only the simple measures and PAR, PAF for two subgroups, then the ordered or the between-group ones', () => {
    // Place of residence, sex: HEAT computes nothing else for two subgroups, ordered or not.
    expect(measuresFor(false, 2)).toEqual(['d', 'r', 'par', 'paf']);
    expect(measuresFor(true, 2)).toEqual(['d', 'r', 'par', 'paf']);
    expect(measuresFor(true, 5)).toEqual(['d', 'r', 'par', 'paf', 'sii', 'rii', 'aci', 'rci']);
    expect(measuresFor(false, 4)).toEqual(expect.arrayContaining(['d', 'paf', 'bgv', 'ti', 'mld', 'idisw']));
    expect(measuresFor(false, 4)).not.toContain('sii');
    expect(measuresFor(false, 4)).toHaveLength(17);
  });

  it('tells a measure that can never apply to the dimension from one the data leave without a value', () => {
    expect(isStructural({ value: null, reasonCode: 'needs_more_than_two_subgroups' })).toBe(true);
    expect(isStructural({ value: null, reasonCode: 'needs_ordered_dimension' })).toBe(true);
    expect(isStructural({ value: null, reasonCode: 'needs_population' })).toBe(false);
    // A value with no interval (its reason is about the interval) is shown.
    expect(isStructural({ value: 2, reasonCode: 'needs_two_subgroups' })).toBe(false);
  });
});

describe('upload errors', () => {
  it('says the file was refused for a 4xx answer and that the upload failed otherwise', async () => {
    expect(uploadErrorKey(400)).toBe('monitoring.import.uploadRefused');
    expect(uploadErrorKey(413)).toBe('monitoring.import.uploadRefused');
    expect(uploadErrorKey(0)).toBe('monitoring.import.uploadFailed');
    expect(uploadErrorKey(503)).toBe('monitoring.import.uploadFailed');
    const fr = await translator('fr');
    expect(fr(uploadErrorKey(400), { message: 'trop de colonnes' })).toBe('Le fichier a été refusé : trop de colonnes');
  });
});

describe('tab keys', () => {
  it('moves with the arrows (wrapping), Home and End, mirrored in right-to-left pages', () => {
    expect(tabKeyTarget('ArrowRight', 0, 4, false)).toBe(1);
    expect(tabKeyTarget('ArrowRight', 3, 4, false)).toBe(0);
    expect(tabKeyTarget('ArrowLeft', 0, 4, false)).toBe(3);
    expect(tabKeyTarget('ArrowRight', 0, 4, true)).toBe(3);
    expect(tabKeyTarget('ArrowLeft', 0, 4, true)).toBe(1);
    expect(tabKeyTarget('Home', 2, 4, false)).toBe(0);
    expect(tabKeyTarget('End', 0, 4, false)).toBe(3);
    expect(tabKeyTarget('Enter', 0, 4, false)).toBeNull();
  });
});
