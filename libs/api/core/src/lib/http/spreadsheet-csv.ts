import { stringify } from 'csv-stringify/sync';

/** Spreadsheet apps run cells starting with = + - @ as formulas; a leading apostrophe keeps them text. */
function inert(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * A CSV download for spreadsheet apps: a byte-order mark so they read accents and Arabic as UTF-8, and cells that
 * would run as formulas made literal.
 */
export function spreadsheetCsv(header: string[], rows: Array<Array<string | number>>): Buffer {
  return Buffer.from(`\uFEFF${stringify([header, ...rows.map((row) => row.map(inert))])}`, 'utf8');
}
