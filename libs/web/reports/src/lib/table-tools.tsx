import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { ToolbarButton } from './toolbar-button';
import { TABLE_COMMANDS, tableToolsState, type TableCommand } from './table-commands';

const LABELS: Record<TableCommand, string> = {
  addRowBefore: 'editor.tableTools.rowAbove',
  addRowAfter: 'editor.tableTools.rowBelow',
  deleteRow: 'editor.tableTools.deleteRow',
  addColumnBefore: 'editor.tableTools.columnBefore',
  addColumnAfter: 'editor.tableTools.columnAfter',
  deleteColumn: 'editor.tableTools.deleteColumn',
  toggleHeaderRow: 'editor.tableTools.headerRow',
  deleteTable: 'editor.tableTools.deleteTable',
};

/**
 * Rows, columns and the header row of the table the cursor is in; shown only there. Each button runs the Tiptap
 * command of the same name; one that does not apply here (deleting the only row) is disabled.
 */
export function TableTools({ editor, editable }: { editor: Editor; editable: boolean }) {
  const { t } = useTranslation();
  const tools = editable ? tableToolsState(editor.state) : null;
  if (!tools) return null;
  return (
    <div className="toolbar table-tools" role="toolbar" aria-label={t('editor.tableTools.label')}>
      {TABLE_COMMANDS.map((command) => (
        <ToolbarButton
          key={command}
          label={t(LABELS[command])}
          active={command === 'toggleHeaderRow' ? tools.headerRow : undefined}
          disabled={!tools.available[command]}
          onClick={() => editor.chain().focus()[command]().run()}
        >
          {t(LABELS[command])}
        </ToolbarButton>
      ))}
    </div>
  );
}
