import { reportExtensions } from '@simashe/editor';
import { withLiveCharts } from './chart-embeds';
import { EditorContent, useEditor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

/** A past version, rendered through the same schema as the editor, never editable. */
export function VersionViewer({ content, label }: { content: Record<string, unknown>; label: string }) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: withLiveCharts(reportExtensions()),
      content,
      editable: false,
      injectCSS: false,
      editorProps: { attributes: { 'aria-label': t('history.viewing', { name: label }), class: 'report-content version-content' } },
    },
    [content],
  );
  return editor ? <EditorContent editor={editor} /> : null;
}
