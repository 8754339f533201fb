import { reportSchema } from '@simashe/editor';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { tableToolsState } from './table-commands';

const cell = (type: 'tableCell' | 'tableHeader', text: string) => ({ type, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const row = (type: 'tableCell' | 'tableHeader', ...texts: string[]) => ({ type: 'tableRow', content: texts.map((text) => cell(type, text)) });

function stateAt(doc: Record<string, unknown>, text: string): EditorState {
  const node = reportSchema().nodeFromJSON(doc);
  let at = -1;
  node.descendants((child, pos) => {
    if (at < 0 && child.isText && child.text === text) at = pos + 1;
  });
  return EditorState.create({ doc: node, selection: TextSelection.create(node, at) });
}

describe('tableToolsState', () => {
  it('offers nothing outside a table', () => {
    const state = stateAt({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'outside' }] }] }, 'outside');
    expect(tableToolsState(state)).toBeNull();
  });

  it('offers every command in a table of several rows and columns, and sees its header row', () => {
    const doc = { type: 'doc', content: [{ type: 'table', content: [row('tableHeader', 'A', 'B'), row('tableCell', 'a1', 'b1'), row('tableCell', 'a2', 'b2')] }] };
    const tools = tableToolsState(stateAt(doc, 'b1'));
    expect(tools?.headerRow).toBe(true);
    expect(Object.values(tools?.available ?? {})).toEqual(Array(8).fill(true));
  });

  it('refuses to delete the only row or the only column, and knows when there is no header row', () => {
    const doc = { type: 'doc', content: [{ type: 'table', content: [row('tableCell', 'only')] }] };
    const tools = tableToolsState(stateAt(doc, 'only'));
    expect(tools?.headerRow).toBe(false);
    expect(tools?.available).toMatchObject({ deleteRow: false, deleteColumn: false, addRowAfter: true, addColumnAfter: true, toggleHeaderRow: true, deleteTable: true });
  });
});
