/**
 * Collects WHERE conditions with numbered parameters: `add('r.status = ?', value)` appends the value and writes
 * its `$n` in place of the `?`. Values never enter the SQL text.
 */
export function sqlFilters(params: unknown[], conditions: string[] = []) {
  return {
    conditions,
    add(sql: string, value: unknown): void {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    },
  };
}
