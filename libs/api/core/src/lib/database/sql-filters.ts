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

/**
 * Code-point order, as PostgreSQL sorts text under the C collation the API's database is created with: for names
 * sorted in code (they come from their owner's lookup) beside lists PostgreSQL sorts. Not UTF-16 units: "😀"
 * (U+1F600) comes after "Ａ" (U+FF21) here, as in PostgreSQL.
 */
export function byCodePoint(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; ) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** `byCodePoint`, with null after every text (PostgreSQL's NULLS LAST). */
export function byCodePointNullsLast(a: string | null, b: string | null): number {
  return a === null || b === null ? Number(a === null) - Number(b === null) : byCodePoint(a, b);
}
