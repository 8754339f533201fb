import type { Command, EditorState } from '@tiptap/pm/state';
import { addColumnAfter, addColumnBefore, addRowAfter, addRowBefore, deleteColumn, deleteRow, deleteTable, isInTable, toggleHeaderRow } from '@tiptap/pm/tables';

/** What the table toolbar offers, in its order. The names are also Tiptap's commands of the same name. */
export const TABLE_COMMANDS = ['addRowBefore', 'addRowAfter', 'deleteRow', 'addColumnBefore', 'addColumnAfter', 'deleteColumn', 'toggleHeaderRow', 'deleteTable'] as const;
export type TableCommand = (typeof TABLE_COMMANDS)[number];

const COMMANDS: Record<TableCommand, Command> = { addRowBefore, addRowAfter, deleteRow, addColumnBefore, addColumnAfter, deleteColumn, toggleHeaderRow, deleteTable };

export interface TableToolsState {
  /** Which commands apply here: deleting the only row or column is refused (delete the table instead). */
  available: Record<TableCommand, boolean>;
  /** Whether the table's first row is a header row. */
  headerRow: boolean;
}

/**
 * The table tools for the current selection, or null outside a table. Each command is run against a dispatch that
 * drops its transaction: without a dispatch, prosemirror-tables says yes to deleting the last row or column, and
 * only refuses when it runs.
 */
export function tableToolsState(state: EditorState): TableToolsState | null {
  if (!isInTable(state)) return null;
  const dropped = () => undefined;
  const available = Object.fromEntries(TABLE_COMMANDS.map((name) => [name, COMMANDS[name](state, dropped)])) as Record<TableCommand, boolean>;
  return { available, headerRow: firstRowIsHeader(state) };
}

function firstRowIsHeader(state: EditorState): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if (node.type.spec['tableRole'] === 'table') {
      const row = node.firstChild;
      return !!row && row.childCount > 0 && row.content.content.every((cell) => cell.type.spec['tableRole'] === 'header_cell');
    }
  }
  return false;
}
