import type { CollabProvider } from '@simashe/collab-client';
import { REPORT_DOCUMENT_FIELD, type CurrentUser } from '@simashe/contracts';
import { guidanceOf, reportExtensions } from '@simashe/editor';
import { formatCalendarDate, formattingLocale } from '@simashe/web-i18n';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extensions';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ActionItemDueDates } from './action-item-dates';
import { ActionItemTools, type ActionItemOwner } from './action-item-tools';
import { ChartEmbedTools, withLiveCharts } from './chart-embeds';
import { CommentHighlights, commentedText, showCommentHighlights, threadsLostSince } from './comment-highlights';
import { CommentsPanel } from './comments-panel';
import { LinkDialog } from './link-dialog';
import { ImageDropPaste, ImageFileInput, ImageTools, ImageUploadStatus, useImageUploads, withReportImages, type ImageFilesHandler } from './report-images';
import { MentionMenu, withMentionSuggestions, type MentionMenuHandlers } from './mention-menu';
import { colourFor, initials } from './presence';
import { useComments } from './queries';
import { SlashCommands, SlashMenu, type SlashMenuHandlers } from './slash-menu';
import { TableTools } from './table-tools';
import { ToolbarButton } from './toolbar-button';

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

/**
 * The formatting toolbar. It scrolls sideways in one row on a narrow screen; Alt+F10 in the text moves the keyboard
 * to it (to the table's tools when the cursor is in a table), and Escape there goes back to the text.
 */
function Toolbar({ editor, editable, onLink, onImage }: { editor: Editor; editable: boolean; onLink: () => void; onImage?: () => void }) {
  const { t } = useTranslation();
  const chain = () => editor.chain().focus();
  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <ToolbarButton label={t('editor.bold')} active={editor.isActive('bold')} disabled={!editable} onClick={() => chain().toggleBold().run()}>{t('editor.short.bold')}</ToolbarButton>
      <ToolbarButton label={t('editor.italic')} active={editor.isActive('italic')} disabled={!editable} onClick={() => chain().toggleItalic().run()}>{t('editor.short.italic')}</ToolbarButton>
      <ToolbarButton label={t('editor.underline')} active={editor.isActive('underline')} disabled={!editable} onClick={() => chain().toggleUnderline().run()}>{t('editor.short.underline')}</ToolbarButton>
      <ToolbarButton label={t('editor.heading2')} active={editor.isActive('heading', { level: 2 })} disabled={!editable} onClick={() => chain().toggleHeading({ level: 2 }).run()}>{t('editor.short.heading2')}</ToolbarButton>
      <ToolbarButton label={t('editor.heading3')} active={editor.isActive('heading', { level: 3 })} disabled={!editable} onClick={() => chain().toggleHeading({ level: 3 }).run()}>{t('editor.short.heading3')}</ToolbarButton>
      <ToolbarButton label={t('editor.bulletList')} active={editor.isActive('bulletList')} disabled={!editable} onClick={() => chain().toggleBulletList().run()}>•</ToolbarButton>
      <ToolbarButton label={t('editor.orderedList')} active={editor.isActive('orderedList')} disabled={!editable} onClick={() => chain().toggleOrderedList().run()}>1.</ToolbarButton>
      <ToolbarButton label={t('editor.quote')} active={editor.isActive('blockquote')} disabled={!editable} onClick={() => chain().toggleBlockquote().run()}>❝</ToolbarButton>
      <ToolbarButton label={t('editor.link')} active={editor.isActive('link')} disabled={!editable} onClick={onLink}>{t('editor.link')}</ToolbarButton>
      {onImage && <ToolbarButton label={t('reportImages.insertLabel')} disabled={!editable} onClick={onImage}>{t('reportImages.insert')}</ToolbarButton>}
      <ToolbarButton label={t('editor.table')} disabled={!editable} onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>▦</ToolbarButton>
      <ToolbarButton label={t('editor.undo')} disabled={!editable} onClick={() => chain().undo().run()}>↶</ToolbarButton>
      <ToolbarButton label={t('editor.redo')} disabled={!editable} onClick={() => chain().redo().run()}>↷</ToolbarButton>
    </div>
  );
}

function CommentsAside({ editor, provider, reportId, user, canModerate }: { editor: Editor; provider: CollabProvider; reportId: string; user: CurrentUser; canModerate: boolean }) {
  const comments = useComments(reportId);
  // New or resolved comments: redraw the highlights.
  useEffect(() => {
    if (!editor.isDestroyed) showCommentHighlights(editor, comments.data?.items ?? []);
  }, [editor, comments.data]);
  // Commented words gone from the text as the editor has it (moved or deleted, by anyone): the list is read again a
  // moment later, and the server places moved words' comments where they went. Once per set of threads lost.
  const { refetch } = comments;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let asked = '';
    const check = () => {
      const lost = threadsLostSince(comments.data?.items ?? [], (thread) => commentedText(editor.state, thread)).join(',');
      if (!lost || lost === asked) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        asked = lost;
        void refetch();
      }, 800);
    };
    editor.on('update', check);
    return () => {
      editor.off('update', check);
      clearTimeout(timer);
    };
  }, [editor, comments.data, refetch]);
  return (
    <aside className="editor-side">
      <CommentsPanel reportId={reportId} editor={editor} provider={provider} user={user} canModerate={canModerate} />
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
  /** Reports: images are uploaded to this report's image store (toolbar, "/" menu, paste and drop). */
  imagesReportId?: string;
}

/** The real-time editor of reports and meeting minutes: Tiptap on a shared Yjs document, with presence and cursors. */
export function CollaborativeEditor({ doc, provider, user, editable, label, comments, owners = [], imagesReportId }: CollaborativeEditorProps) {
  // i18n, not t, inside the editor's extensions: they are built once and must follow a later change of language.
  const { t, i18n } = useTranslation();
  const people = usePresence(provider);
  const [linkOpen, setLinkOpen] = useState(false);
  const [chartsOpen, setChartsOpen] = useState(false);
  // The editor is built once: the "/" menu it reports to is reached through this holder, set by SlashMenu.
  const [slashHandlers] = useState<{ current: SlashMenuHandlers | null }>(() => ({ current: null }));
  // Pasted and dropped image files go to the uploader through this holder (null where images cannot be added).
  const [imageHandler] = useState<{ current: ImageFilesHandler | null }>(() => ({ current: null }));
  const [imageInput, setImageInput] = useState<HTMLInputElement | null>(null);
  // "@" mentions only where they tell someone: reports (the document with comments), not meeting minutes.
  const [mentionHandlers] = useState<{ current: MentionMenuHandlers | null }>(() => ({ current: null }));
  const mentionsOn = Boolean(comments);
  const bar = useRef<HTMLDivElement>(null);
  const editor = useEditor(
    {
      extensions: [
        ...withMentionSuggestions(withReportImages(withLiveCharts(reportExtensions()), imagesReportId), () => mentionHandlers.current, () => mentionsOn),
        ImageDropPaste.configure({ handler: () => imageHandler.current }),
        Collaboration.configure({ document: doc, field: REPORT_DOCUMENT_FIELD }),
        CollaborationCaret.configure({ provider, user: { name: user.name, color: colourFor(user.id) } }),
        CommentHighlights,
        ActionItemDueDates.configure({ format: (day) => formatCalendarDate(day, formattingLocale(i18n.language)) }),
        SlashCommands.configure({ handlers: () => slashHandlers.current }),
        // Drawn in CSS, never in the text: a template's guidance in its empty paragraphs, and where the cursor sits
        // in another empty paragraph, how to insert a block.
        Placeholder.configure({
          showOnlyCurrent: false,
          placeholder: ({ node, hasAnchor }) => {
            if (node.type.name !== 'paragraph') return '';
            return guidanceOf(node.attrs) ?? (hasAnchor ? i18n.t('editor.slash.placeholder') : '');
          },
        }),
      ],
      editable,
      // Base styles come from the app's stylesheet: an injected <style> element would break the CSP.
      injectCSS: false,
      shouldRerenderOnTransaction: true,
      editorProps: { attributes: { 'aria-label': label, 'aria-multiline': 'true', 'aria-keyshortcuts': 'Alt+F10', role: 'textbox', class: 'report-content' } },
    },
    [doc, provider],
  );

  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);

  const images = useImageUploads(editor, imagesReportId);
  const canAddImages = editable && !!imagesReportId;
  const openImagePicker = canAddImages ? () => imageInput?.click() : undefined;

  if (!editor) return null;
  // Alt+F10 (as in word processors) from the text to the toolbar, Escape from a toolbar back to the text.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (event.altKey && event.key === 'F10') {
      const tools = bar.current?.querySelector<HTMLElement>('.table-tools .tool:not(:disabled)') ?? bar.current?.querySelector<HTMLElement>('.toolbar .tool:not(:disabled)');
      if (tools) {
        event.preventDefault();
        tools.focus();
      }
    } else if (event.key === 'Escape' && target.closest('.toolbar')) {
      event.preventDefault();
      editor.commands.focus();
    }
  };
  return (
    <div className="editor" onKeyDown={onKeyDown} style={{ ['--action-label' as string]: JSON.stringify(t('editor.actionItem')), ['--due-label' as string]: JSON.stringify(t('editor.due')) }}>
      <div className="editor-bar" ref={bar}>
        <Toolbar editor={editor} editable={editable} onLink={() => setLinkOpen(true)} onImage={imagesReportId ? (openImagePicker ?? (() => undefined)) : undefined} />
        <ul className="presence" aria-label={t('editor.presence')}>
          {people.map((person) => (
            <li key={person.clientId} className="avatar" style={{ backgroundColor: person.color }} title={person.clientId === doc.clientID ? t('editor.you', { name: person.name }) : person.name}>
              <span aria-hidden="true">{initials(person.name)}</span>
              <span className="visually-hidden">{person.clientId === doc.clientID ? t('editor.you', { name: person.name }) : person.name}</span>
            </li>
          ))}
        </ul>
        {/* Side by side on a row of their own (each group opens its fields in place). */}
        <div className="block-tools">
          <ActionItemTools editor={editor} editable={editable} owners={owners} />
          <ChartEmbedTools editor={editor} editable={editable} open={chartsOpen} setOpen={setChartsOpen} />
        </div>
        <TableTools editor={editor} editable={editable} />
        <ImageTools editor={editor} editable={editable} />
      </div>
      {canAddImages && <ImageFileInput inputRef={setImageInput} handlerRef={imageHandler} onFiles={images.upload} />}
      <ImageUploadStatus uploads={images.uploads} dismiss={images.dismiss} />
      <LinkDialog editor={editor} open={linkOpen} onClose={() => setLinkOpen(false)} />
      {editable && <SlashMenu editor={editor} handlersRef={slashHandlers} onChart={() => setChartsOpen(true)} onImage={openImagePicker} />}
      {editable && comments && <MentionMenu editor={editor} handlersRef={mentionHandlers} />}
      <div className={comments ? 'editor-layout' : undefined}>
        <EditorContent editor={editor} className="editor-main" />
        {comments && <CommentsAside editor={editor} provider={provider} reportId={comments.reportId} user={user} canModerate={comments.canModerate} />}
      </div>
    </div>
  );
}
