import { byCodePoint, byCodePointNullsLast, containsPattern, distinctIds, sqlFilters } from './sql-filters';

describe('sql helpers', () => {
  it('numbers parameters in the order conditions are added', () => {
    const params: unknown[] = ['first'];
    const { conditions, add } = sqlFilters(params, ['a = $1']);
    add('b = ?', 2);
    add('c ILIKE ?', '%x%');
    expect(conditions).toEqual(['a = $1', 'b = $2', 'c ILIKE $3']);
    expect(params).toEqual(['first', 2, '%x%']);
  });

  it('asks for each id once, without nulls or empty strings', () => {
    expect(distinctIds(['a', null, 'b', undefined, 'a', ''])).toEqual(['a', 'b']);
    expect(distinctIds([])).toEqual([]);
  });

  it('takes %, _ and \\ in a searched text as plain characters', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });

  it('orders text by code point, as PostgreSQL does under the C collation', () => {
    const names = ['alpha', 'Émile', 'Zeta', 'Ａ wide', '😀 smile', 'Zet', 'Bob', 'anna'];
    expect([...names].sort(byCodePoint)).toEqual(['Bob', 'Zet', 'Zeta', 'alpha', 'anna', 'Émile', 'Ａ wide', '😀 smile']);
    // UTF-16 units would put the emoji (a surrogate pair, 0xD83D…) before U+FF21.
    expect(byCodePoint('😀', 'Ａ')).toBe(1);
    expect(byCodePoint('same', 'same')).toBe(0);
    expect([null, 'b', 'a'].sort(byCodePointNullsLast)).toEqual(['a', 'b', null]);
  });
});
