import { filterSlashItems, type SlashItemId } from './slash-items';

const english: Record<SlashItemId, string> = {
  paragraph: 'Text',
  heading1: 'Title',
  heading2: 'Heading',
  heading3: 'Subheading',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  table: 'Table',
  quote: 'Quote',
  actionItem: 'Action item',
  chart: 'Chart',
  image: 'Image',
};
const spanish: Record<SlashItemId, string> = { ...english, heading1: 'Título principal', heading2: 'Título', table: 'Tabla', bulletList: 'Lista con viñetas', orderedList: 'Lista numerada' };
const ids = (query: string, labels = english) => filterSlashItems(query, (id) => labels[id]).map((item) => item.id);

describe('filterSlashItems', () => {
  it('shows every block, in menu order, before anything is typed', () => {
    expect(ids('')).toEqual(Object.keys(english));
  });

  it('puts labels that start with the query first, then words, then keywords', () => {
    expect(ids('head')).toEqual(['heading2', 'heading3']);
    // "Chart" only contains an h: last.
    expect(ids('h')).toEqual(['heading2', 'heading1', 'heading3', 'chart']);
    expect(ids('list')).toEqual(['bulletList', 'orderedList']);
    expect(ids('h3')).toEqual(['heading3']);
    expect(ids('TAB')).toEqual(['table']);
  });

  it('matches in the reader’s language, accents or not', () => {
    expect(ids('titulo', spanish)).toEqual(['heading1', 'heading2']);
    expect(ids('viñ', spanish)).toEqual(['bulletList']);
    // English keywords still work in another language.
    expect(ids('table', spanish)).toEqual(['table']);
  });

  it('finds nothing for a query nothing matches', () => {
    expect(ids('zzz')).toEqual([]);
  });
});
