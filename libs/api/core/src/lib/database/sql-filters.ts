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

/** Each id once, without nulls or empty strings: what a batch lookup (`= ANY($1::uuid[])`) asks for. */
export function distinctIds(ids: Iterable<string | null | undefined>): string[] {
  return [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id.length > 0))];
}

/** `%text%` for ILIKE, with `\`, `%` and `_` in `text` taken as plain characters (PostgreSQL's default escape). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
