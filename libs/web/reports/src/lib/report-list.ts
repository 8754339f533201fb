import type { ReportListFilters } from '@simashe/contracts';

export type SortColumn = NonNullable<ReportListFilters['sort']>;

/** The next sort after a click on a column: the same column flips its order, another starts descending (newest, Z first) or, for words, ascending. */
export function nextSort(current: { sort: SortColumn; order: 'asc' | 'desc' }, column: SortColumn): { sort: SortColumn; order: 'asc' | 'desc' } {
  if (current.sort === column) return { sort: column, order: current.order === 'asc' ? 'desc' : 'asc' };
  return { sort: column, order: column === 'period' || column === 'lastEdited' ? 'desc' : 'asc' };
}
