import { DATASET_COLUMNS, DATASET_PROBLEM_CODES, type DatasetCatalogue, type DatasetColumn, type DatasetProblem, type MeasureId } from '@simashe/contracts';
import { REASON_CODES } from '@simashe/inequality';

/*
 * The monitoring screens' logic, apart from React so it is unit-tested: the template file, the wording of import
 * problems and of measures that do not apply, file checks before upload, default picks and tab keys.
 */

/** Two lines of a valid dataset (a binary dimension with its reference subgroup), so the template imports as is. */
const TEMPLATE_EXAMPLES: Array<Record<DatasetColumn, string>> = [
  {
    setting: 'Kenya',
    date: '2022',
    source: 'DHS 2022',
    indicator_abbr: 'sba',
    indicator_name: 'Births attended by skilled health personnel (%)',
    dimension: 'Place of residence',
    subgroup: 'Rural',
    estimate: '82.1',
    se: '1.2',
    ci_lb: '79.7',
    ci_ub: '84.5',
    population: '1250',
    flag: '',
    setting_average: '89.0',
    iso3: 'KEN',
    favourable_indicator: '1',
    indicator_scale: '100',
    ordered_dimension: '0',
    subgroup_order: '0',
    reference_subgroup: '0',
  },
  {
    setting: 'Kenya',
    date: '2022',
    source: 'DHS 2022',
    indicator_abbr: 'sba',
    indicator_name: 'Births attended by skilled health personnel (%)',
    dimension: 'Place of residence',
    subgroup: 'Urban',
    estimate: '96.3',
    se: '0.6',
    ci_lb: '95.1',
    ci_ub: '97.5',
    population: '870',
    flag: '',
    setting_average: '89.0',
    iso3: 'KEN',
    favourable_indicator: '1',
    indicator_scale: '100',
    ordered_dimension: '0',
    subgroup_order: '0',
    reference_subgroup: '1',
  },
];

/** A CSV cell, quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The HEAT Plus template as CSV: the header in the template's order and two example lines. */
export function templateCsv(): string {
  const lines = [DATASET_COLUMNS.join(','), ...TEMPLATE_EXAMPLES.map((example) => DATASET_COLUMNS.map((column) => csvCell(example[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A `data:` address of the template, for a download link made in the browser (no server call). */
export function templateHref(): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The catalogue key of a problem code: the code itself, except `not_zero_or_one`, whose `_one` ending i18next and the
 * catalogue checks would read as a plural form.
 */
export function problemKey(code: DatasetProblem['code']): string {
  return code === 'not_zero_or_one' ? 'not_zero_or_1' : code;
}

/** One import problem in the reader's language (the API's English `message` is for logs). */
export function problemText(t: Translate, problem: Pick<DatasetProblem, 'code' | 'line' | 'column' | 'value'>): string {
  const code = (DATASET_PROBLEM_CODES as readonly string[]).includes(problem.code) ? problem.code : 'unreadable_file';
  return t(`monitoring.problems.${problemKey(code)}`, { line: problem.line, column: problem.column ?? '', value: problem.value ?? '', interpolation: { escapeValue: false } });
}

/** The reason codes of `@simashe/inequality` the catalogue words; anything else is shown as the server sent it. */
export { REASON_CODES };

/**
 * Why a measure has no value (or no interval), in the reader's language: by its stable code (`reasonCode`, or an
 * i18n key `inequality.reasons.<code>`); an unknown code falls back to the server's English sentence.
 */
export function reasonText(t: Translate, item: { reasonCode?: string | null; reason: string | null }): string {
  const code = (item.reasonCode ?? item.reason ?? '').replace(/^inequality\.reasons\./, '');
  if ((REASON_CODES as readonly string[]).includes(code)) return t(`monitoring.reasons.${code}`);
  return item.reason || t('monitoring.explore.notApplicable');
}

export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Whether a chosen file can be sent: CSV or XLSX by name (browsers disagree on CSV's media type), at most 200 MB. */
export function checkFile(file: Pick<File, 'name' | 'size'>): 'ok' | 'wrongType' | 'tooBig' {
  if (!/\.(csv|xlsx|txt)$/i.test(file.name)) return 'wrongType';
  if (file.size > MAX_FILE_BYTES) return 'tooBig';
  return 'ok';
}

/** The Explore view's choice, complete with defaults: the first indicator, dimension and setting, the latest year. */
export interface Choice {
  indicator: string;
  dimension: string;
  setting: string;
  date: number | null;
}

export function completeChoice(catalogue: DatasetCatalogue, wanted: Partial<Choice>): Choice {
  const pick = <T>(values: T[], value: T | undefined | null) => (value !== undefined && value !== null && values.includes(value) ? value : values[0]);
  return {
    indicator: pick(catalogue.indicators.map((i) => i.abbr), wanted.indicator) ?? '',
    dimension: pick(catalogue.dimensions.map((d) => d.name), wanted.dimension) ?? '',
    setting: pick(catalogue.settings.map((s) => s.name), wanted.setting) ?? '',
    date: pick([...catalogue.dates].sort((a, b) => b - a), wanted.date) ?? null,
  };
}

/**
 * The measures worth offering for a dimension, as HEAT computes them: a binary dimension (two subgroups) has only the
 * simple measures (D, R) and PAR, PAF; with more subgroups an ordered dimension adds the ordered-dimension measures
 * (SII, RII, ACI, RCI) and a non-ordered one the between-group measures. Anything else could never have a value.
 */
export function measuresFor(ordered: boolean, subgroups: number): MeasureId[] {
  const simple: MeasureId[] = ['d', 'r', 'par', 'paf'];
  if (subgroups <= 2) return simple;
  return ordered
    ? [...simple, 'sii', 'rii', 'aci', 'rci']
    : [...simple, 'bgv', 'bgsd', 'cov', 'mdbu', 'mdbw', 'mdmu', 'mdmw', 'mdru', 'mdrw', 'idisu', 'idisw', 'ti', 'mld'];
}

/**
 * Reasons that follow from the dimension's shape rather than from the data: such a measure can never apply to this
 * dimension, so it is left out instead of listed as "not applicable".
 */
export const STRUCTURAL_REASONS: readonly string[] = ['needs_more_than_two_subgroups', 'needs_ordered_dimension', 'needs_non_ordered_dimension', 'needs_two_subgroups'];

export function isStructural(item: { value: number | null; reasonCode?: string | null }): boolean {
  return item.value === null && STRUCTURAL_REASONS.includes(item.reasonCode ?? '');
}

/**
 * The catalogue key of an upload error: a file the server refused (a 4xx answer, its message saying why) is not an
 * upload that failed (network trouble, status 0, or the server failing with a 5xx).
 */
export function uploadErrorKey(status: number): 'monitoring.import.uploadRefused' | 'monitoring.import.uploadFailed' {
  return status >= 400 && status < 500 ? 'monitoring.import.uploadRefused' : 'monitoring.import.uploadFailed';
}

/**
 * Which tab a key moves to in a tablist (WAI-ARIA: arrows wrap, Home and End go to the ends), or null for other keys.
 * In a right-to-left page the tabs run right to left, so the arrows swap.
 */
export function tabKeyTarget(key: string, index: number, count: number, rtl: boolean): number | null {
  const next = (index + 1) % count;
  const previous = (index - 1 + count) % count;
  switch (key) {
    case 'ArrowRight':
      return rtl ? previous : next;
    case 'ArrowLeft':
      return rtl ? next : previous;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
