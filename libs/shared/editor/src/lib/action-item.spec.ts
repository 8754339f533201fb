import { setBlockType } from '@tiptap/pm/commands';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { actionItemIdPlugin, actionItemsNeedingIds, readActionItemAttributes } from './action-item';
import { reportSchema } from './schema';

const ID_A = '11111111-1111-4111-8111-111111111111';
const item = (itemId: string | null, text: string) => ({ type: 'actionItem', attrs: { itemId }, content: [{ type: 'text', text }] });
const ids = (state: EditorState) => {
  const found: Array<string | null> = [];
  state.doc.descendants((node) => {
    if (node.type.name === 'actionItem') found.push(readActionItemAttributes(node.attrs).itemId);
  });
  return found;
};

describe('action item ids', () => {
  const schema = reportSchema();
  const doc = schema.nodeFromJSON({ type: 'doc', content: [item(ID_A, 'Share the data'), item(ID_A, 'Split copy'), item(null, 'Old item'), { type: 'paragraph' }] });

  it('finds items without an id and later items repeating an earlier id', () => {
    const positions = actionItemsNeedingIds(doc);
    expect(positions.map((pos) => doc.nodeAt(pos)?.textContent)).toEqual(['Split copy', 'Old item']);
  });

  it('gives them fresh, unique ids on the next change in an editable editor, and keeps the first id', () => {
    const state = EditorState.create({ doc, plugins: [actionItemIdPlugin(() => true)] });
    const next = state.applyTransaction(state.tr.insertText('!', 1)).state;
    const after = ids(next);
    expect(after[0]).toBe(ID_A);
    expect(new Set(after).size).toBe(3);
    expect(after.every((id) => id && /^[0-9a-f-]{36}$/.test(id))).toBe(true);
  });

  it('leaves the document alone when a change touches no action item', () => {
    const state = EditorState.create({ doc, plugins: [actionItemIdPlugin(() => true)] });
    const paragraph = doc.content.size - 1;
    const next = state.applyTransaction(state.tr.insertText('typed elsewhere', paragraph)).state;
    expect(ids(next)).toEqual([ID_A, ID_A, null]);
  });

  it('never writes in a read-only editor', () => {
    const state = EditorState.create({ doc, plugins: [actionItemIdPlugin(() => false)] });
    const next = state.applyTransaction(state.tr.insertText('!', 1)).state;
    expect(ids(next)).toEqual([ID_A, ID_A, null]);
  });
});

describe('turning a paragraph into an action item and back', () => {
  const schema = reportSchema();
  const guided = schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', attrs: { guidance: 'What was done, by whom and when.' } }] });
  /** What the "Action item" button and the slash menu do: Tiptap's setNode, which copies the block's attributes. */
  const setNode = (state: EditorState, type: 'actionItem' | 'paragraph') => {
    let next = state;
    expect(setBlockType(schema.nodes[type], { ...state.selection.$from.parent.attrs })(state, (tr) => (next = state.apply(tr)))).toBe(true);
    return next;
  };

  it('keeps a template’s guidance both ways: an action item holds it too (it was dropped, the paragraph came back without it)', () => {
    const item = setNode(EditorState.create({ doc: guided, selection: TextSelection.create(guided, 1) }), 'actionItem');
    expect(item.doc.firstChild?.type.name).toBe('actionItem');
    expect(item.doc.firstChild?.attrs['guidance']).toBe('What was done, by whom and when.');
    const back = setNode(item, 'paragraph');
    expect(back.doc.firstChild?.type.name).toBe('paragraph');
    expect(back.doc.firstChild?.attrs['guidance']).toBe('What was done, by whom and when.');
  });
});
