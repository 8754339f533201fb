import type { CollabProvider } from '@simashe/collab-client';
import { REPORT_DOCUMENT_FIELD, type CurrentUser } from '@simashe/contracts';
import { isSafeLinkHref, reportExtensions } from '@simashe/editor';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ActionItemTools, type ActionItemOwner } from './action-item-tools';
import { ChartEmbedTools, withLiveCharts } from './chart-embeds';
import { CommentHighlights, showCommentHighlights } from './comment-highlights';
import { CommentsPanel } from './comments-panel';
import { colourFor, initials } from './presence';
import { useComments } from './queries';

interface PresentPerson {
  clientId: number;
  name: string;
  color: string;
}

function usePresence(provider: CollabProvider): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([]);
  useEffect(() => {
    const read = () =>
      setPeople(
        [...provider.awareness.getStates().entries()]
          .filter(([, state]) => state['user'])
          .map(([clientId, state]) => ({ clientId, name: String(state['user'].name), color: String(state['user'].color) })),
      );
    read();
    provider.awareness.on('change', read);
    return () => provider.awareness.off('change', read);
  }, [provider]);
  return people;
}

export function ToolbarButton({ label, active, onClick, disabled, children }: { label: string; active?: boolean; onClick: () => void; disabled?: boolean; children: string }) {
  return (
    <button type="button" className="tool" aria-label={label} title={label} aria-pressed={active} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {children}
    </button>
  );
}

function Toolbar({ editor, editable }: { editor: Editor; editable: boolean }) {
  const { t } = useTranslation();
  const chain = () => editor.chain().focus();
  const setLink = () => {
    const previous = (editor.getAttributes('link')['href'] as string | undefined) ?? 'https://';
    const href = window.prompt(t('editor.linkPrompt'), previous);
    if (href === null) return;
    if (href.trim() === '') chain().unsetLink().run();
    else if (isSafeLinkHref(href)) chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <ToolbarButton label={t('editor.bold')} active={editor.isActive('bold')} disabled={!editable} onClick={() => chain().toggleBold().run()}>B</ToolbarButton>
      <ToolbarButton label={t('editor.italic')} active={editor.isActive('italic')} disabled={!editable} onClick={() => chain().toggleItalic().run()}>I</ToolbarButton>
      <ToolbarButton label={t('editor.underline')} active={editor.isActive('underline')} disabled={!editable} onClick={() => chain().toggleUnderline().run()}>U</ToolbarButton>
      <ToolbarButton label={t('editor.heading2')} active={editor.isActive('heading', { level: 2 })} disabled={!editable} onClick={() => chain().toggleHeading({ level: 2 }).run()}>H2</ToolbarButton>
      <ToolbarButton label={t('editor.heading3')} active={editor.isActive('heading', { level: 3 })} disabled={!editable} onClick={() => chain().toggleHeading({ level: 3 }).run()}>H3</ToolbarButton>
      <ToolbarButton label={t('editor.bulletList')} active={editor.isActive('bulletList')} disabled={!editable} onClick={() => chain().toggleBulletList().run()}>• List</ToolbarButton>
      <ToolbarButton label={t('editor.orderedList')} active={editor.isActive('orderedList')} disabled={!editable} onClick={() => chain().toggleOrderedList().run()}>1. List</ToolbarButton>
      <ToolbarButton label={t('editor.quote')} active={editor.isActive('blockquote')} disabled={!editable} onClick={() => chain().toggleBlockquote().run()}>❝</ToolbarButton>
      <ToolbarButton label={t('editor.link')} active={editor.isActive('link')} disabled={!editable} onClick={setLink}>Link</ToolbarButton>
      <ToolbarButton label={t('editor.table')} disabled={!editable} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>Table</ToolbarButton>
      <ToolbarButton label={t('editor.undo')} disabled={!editable} onClick={() => chain().undo().run()}>↶</ToolbarButton>
      <ToolbarButton label={t('editor.redo')} disabled={!editable} onClick={() => chain().redo().run()}>↷</ToolbarButton>
    </div>
  );
}

function CommentsAside({ editor, reportId, user, canModerate }: { editor: Editor; reportId: string; user: CurrentUser; canModerate: boolean }) {
  const comments = useComments(reportId);
  // New or resolved comments: redraw the highlights.
  useEffect(() => {
    if (!editor.isDestroyed) showCommentHighlights(editor, comments.data?.items ?? []);
  }, [editor, comments.data]);
  return (
    <aside className="editor-side">
      <CommentsPanel reportId={reportId} editor={editor} user={user} canModerate={canModerate} />
    </aside>
  );
}

export interface CollaborativeEditorProps {
  doc: Y.Doc;
  provider: CollabProvider;
  user: CurrentUser;
  editable: boolean;
  /** Accessible name of the editing area, e.g. "Report content". */
  label: string;
  /** Reports: comments anchored in the text, in a side panel. */
  comments?: { reportId: string; canModerate: boolean };
  /** Who action items can be assigned to. */
  owners?: ActionItemOwner[];
}

/** The real-time editor of reports and meeting minutes: Tiptap on a shared Yjs document, with presence and cursors. */
export function CollaborativeEditor({ doc, provider, user, editable, label, comments, owners = [] }: CollaborativeEditorProps) {
  const { t } = useTranslation();
  const people = usePresence(provider);
  const editor = useEditor(
    {
      extensions: [
        ...withLiveCharts(reportExtensions()),
        Collaboration.configure({ document: doc, field: REPORT_DOCUMENT_FIELD }),
        CollaborationCaret.configure({ provider, user: { name: user.name, color: colourFor(user.id) } }),
        CommentHighlights,
      ],
      editable,
      // Base styles come from the app's stylesheet: an injected <style> element would break the CSP.
      injectCSS: false,
      shouldRerenderOnTransaction: true,
      editorProps: { attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox', class: 'report-content' } },
    },
    [doc, provider],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  if (!editor) return null;
  return (
    <div className="editor" style={{ ['--action-label' as string]: JSON.stringify(t('editor.actionItem')), ['--due-label' as string]: JSON.stringify(t('editor.due')) }}>
      <div className="editor-bar">
        <Toolbar editor={editor} editable={editable} />
        <ul className="presence" aria-label={t('editor.presence')}>
          {people.map((person) => (
            <li key={person.clientId} className="avatar" style={{ backgroundColor: person.color }} title={person.clientId === doc.clientID ? t('editor.you', { name: person.name }) : person.name}>
              <span aria-hidden="true">{initials(person.name)}</span>
              <span className="visually-hidden">{person.clientId === doc.clientID ? t('editor.you', { name: person.name }) : person.name}</span>
            </li>
          ))}
        </ul>
        <ActionItemTools editor={editor} editable={editable} owners={owners} />
        <ChartEmbedTools editor={editor} editable={editable} />
      </div>
      <div className={comments ? 'editor-layout' : undefined}>
        <EditorContent editor={editor} className="editor-main" />
        {comments && <CommentsAside editor={editor} reportId={comments.reportId} user={user} canModerate={comments.canModerate} />}
      </div>
    </div>
  );
}
