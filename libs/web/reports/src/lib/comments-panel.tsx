import type { CollabProvider } from '@simashe/collab-client';
import type { CommentThread, CurrentUser, ReportComment } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { Composer, PostText } from '@simashe/web-discussions';
import { useDateFormatter } from '@simashe/web-i18n';
import { Alert, Button, Card, ConfirmDialog, EmptyState } from '@simashe/web-ui';
import type { Transaction } from '@tiptap/pm/state';
import type { Editor } from '@tiptap/react';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { commentedText } from './comment-highlights';
import { placeComment, selectionQuote, type PlacementHint } from './comment-placement';
import { useAddComment, useComments, useDeleteComment, useEditComment, useLiveComments, useReply, useResolveComment } from './queries';

/** As the API allows (`CommentBodySchema`). */
const MAX_COMMENT = 5000;
/** How long a comment waits for the writer's own latest changes to be saved before saying so. */
const SAVE_WAIT_MS = 10_000;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** The selection as Yjs relative positions: they keep pointing at the same words while others edit. */
function selectionAnchors(editor: Editor): { anchorStart: string; anchorEnd: string; quote: string } | null {
  const { from, to, empty } = editor.state.selection;
  const sync = ySyncPluginKey.getState(editor.state);
  const quote = empty ? '' : editor.state.doc.textBetween(from, to, ' ');
  if (!sync?.binding || quote.trim() === '') return null;
  const relative = (pos: number) => absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping);
  const encode = (position: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(position));
  // The binding's positions lean left: the end is held by the last selected character, the start by the one before
  // the selection, so text typed right before the words would join the comment. The start is held by the first
  // selected character instead.
  const start = relative(from);
  const at = Y.createAbsolutePositionFromRelativePosition(start, sync.doc);
  const firstCharacter = at ? Y.createRelativePositionFromTypeIndex(at.type, at.index, 0) : start;
  return { anchorStart: encode(firstCharacter), anchorEnd: encode(relative(to)), quote: quote.slice(0, 1000) };
}

/**
 * One comment or reply: its text with mentions highlighted, an "edited" marker, and, where the API allows
 * (`canEdit`, `canDelete`), editing in place and deleting after a confirmation.
 */
function CommentItem({ reportId, comment, reply, user, onDeleted }: { reportId: string; comment: ReportComment; reply: boolean; user: CurrentUser; onDeleted: () => void }) {
  const { t } = useTranslation();
  const format = useDateFormatter(user.timeZone);
  const edit = useEditComment(reportId);
  const remove = useDeleteComment(reportId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const textId = useId();
  // Back from editing (saved or cancelled): the keyboard continues from the button that opened it.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (comment.deleted) {
    return (
      <div className="comment comment-deleted">
        <p className="muted">{t('comments.deleted')}</p>
      </div>
    );
  }
  // Editing shows its own errors in the form; a refused delete (someone else's since, say) shows here.
  const deleteError = remove.error instanceof ApiError ? remove.error : null;
  const confirmDelete = () => {
    setConfirming(false);
    remove.mutate(comment.id, { onSuccess: onDeleted });
  };
  return (
    <div className="comment">
      <div id={textId}>
        {/* Each isolated: a Latin name beside an Arabic date's digits and slashes otherwise reads out of order. */}
        <strong>
          <bdi>{comment.author?.name ?? t('comments.unknownAuthor')}</bdi>
        </strong>{' '}
        <bdi className="muted">{format(comment.createdAt, { dateStyle: 'short', timeStyle: 'short' })}</bdi>{' '}
        {comment.editedAt && (
          <span className="badge" title={t('comments.editedOn', { date: format(comment.editedAt, { dateStyle: 'short', timeStyle: 'short' }) })}>
            {t('comments.edited')}
          </span>
        )}
        {!editing && <PostText body={comment.body} />}
      </div>
      {editing ? (
        <Composer
          label={t('comments.editLabel')}
          initial={comment.body}
          submitLabel={t('comments.save')}
          hint={t('comments.hint')}
          maxLength={MAX_COMMENT}
          autoFocus
          busy={edit.isPending}
          error={edit.error}
          onSubmit={(body) => edit.mutateAsync({ commentId: comment.id, body }).then(() => setEditing(false))}
          onCancel={() => setEditing(false)}
        />
      ) : (
        (comment.canEdit || comment.canDelete) && (
          <div className="button-row">
            {comment.canEdit && (
              <Button ref={editButton} variant="link" className="link-dark" aria-describedby={textId} onClick={() => setEditing(true)}>
                {t('comments.edit')}
              </Button>
            )}
            {comment.canDelete && (
              <Button variant="link" className="link-dark" aria-describedby={textId} busy={remove.isPending} onClick={() => setConfirming(true)}>
                {t('comments.delete')}
              </Button>
            )}
          </div>
        )
      )}
      {deleteError && <Alert kind="error">{deleteError.message}</Alert>}
      <ConfirmDialog
        open={confirming}
        title={t('comments.delete')}
        message={t(reply ? 'comments.confirmDeleteReply' : 'comments.confirmDelete')}
        confirmLabel={t('comments.delete')}
        danger
        onConfirm={confirmDelete}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

function Thread({ reportId, thread, editor, user, canModerate, onDeleted }: { reportId: string; thread: CommentThread; editor: Editor; user: CurrentUser; canModerate: boolean; onDeleted: () => void }) {
  const { t } = useTranslation();
  const reply = useReply(reportId);
  const resolve = useResolveComment(reportId);
  const mayResolve = canModerate || thread.author?.id === user.id;
  // The words as they read now in the editor (the anchors follow everyone's typing), else as the server last saw them.
  const text = commentedText(editor.state, thread) ?? thread.currentText;
  return (
    <li className={`thread ${thread.resolved ? 'thread-resolved' : ''}`}>
      <p className="muted">{text === '' ? t('comments.textGone') : <QuotedWords i18nKey="comments.onText" words={text ?? thread.quote} />}</p>
      <CommentItem reportId={reportId} comment={thread} reply={false} user={user} onDeleted={onDeleted} />
      {thread.replies.map((comment) => (
        <CommentItem key={comment.id} reportId={reportId} comment={comment} reply user={user} onDeleted={onDeleted} />
      ))}
      {thread.resolved && thread.resolvedBy && <p className="muted">{t('comments.resolved', { name: thread.resolvedBy.name })}</p>}
      {!thread.resolved && (
        <Composer
          label={t('comments.replyLabel', { name: thread.author?.name ?? '' })}
          submitLabel={t('comments.reply')}
          hint={t('comments.hint')}
          showHint={false}
          maxLength={MAX_COMMENT}
          busy={reply.isPending}
          error={reply.error}
          onSubmit={(body) => reply.mutateAsync({ threadId: thread.id, body })}
        />
      )}
      {mayResolve && (
        <Button variant="link" className="link-dark" onClick={() => resolve.mutate({ threadId: thread.id, resolved: !thread.resolved })}>
          {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
        </Button>
      )}
    </li>
  );
}

type Anchors = NonNullable<ReturnType<typeof selectionAnchors>>;

/**
 * What a new comment is on: the words the person selected in the editor (`words`, shortened for display, and their
 * `anchors`), kept while the focus is elsewhere. A colleague's change that collapses the selection (Enter before the
 * words: the editor writes them anew in the next paragraph) keeps them: the server finds moved words by their text.
 * Empty when nothing is selected, and once commented (`letGo`) until the person selects again or goes back into the
 * text, so that a second comment is not attached to the same words without the person choosing them. The editor's
 * own selection is never changed (changing it while the editor had not the focus raced with the next keys pressed).
 */
function useCommentTarget(editor: Editor): { words: string; anchors: () => Anchors | null; letGo: (posted: Anchors) => void } {
  const [words, setWords] = useState('');
  const target = useRef<{ anchors: Anchors; words: string } | null>(null);
  const releasedRef = useRef(false);
  useEffect(() => {
    const current = () => {
      const anchors = selectionAnchors(editor);
      return anchors && { anchors, words: selectionQuote(anchors.quote) };
    };
    const show = () => setWords(releasedRef.current ? '' : (target.current?.words ?? ''));
    /** The person's own selection, whatever it is now, becomes what a comment is on. */
    const take = () => {
      releasedRef.current = false;
      target.current = current();
    };
    const changed = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged && !transaction.selectionSet) return; // presence, highlights, focus
      const sync = transaction.getMeta(ySyncPluginKey);
      // (The person's own undo and redo come through Yjs too, but they are the person's.)
      if (sync?.isChangeOrigin && !sync.isUndoRedoOperation) {
        // A colleague's change: the selection follows the words, or has collapsed with them (kept, see above).
        target.current = current() ?? target.current;
      } else {
        take();
      }
      show();
    };
    // Back in the text (selecting the same words again changes no selection): its words may be commented again.
    const returned = () => {
      take();
      show();
    };
    target.current = current();
    show();
    editor.on('transaction', changed);
    editor.on('focus', returned);
    return () => {
      editor.off('transaction', changed);
      editor.off('focus', returned);
    };
  }, [editor]);
  return {
    words,
    anchors: () => (releasedRef.current ? null : (target.current?.anchors ?? null)),
    // Only the words just commented: another selection made while the comment was being posted stays.
    letGo: (posted) => {
      const now = target.current?.anchors;
      if (now?.anchorStart !== posted.anchorStart || now.anchorEnd !== posted.anchorEnd) return;
      releasedRef.current = true;
      setWords('');
    },
  };
}

export function CommentsPanel({
  reportId,
  editor,
  provider,
  user,
  canModerate,
}: {
  reportId: string;
  editor: Editor;
  provider: Pick<CollabProvider, 'whenSaved' | 'state'>;
  user: CurrentUser;
  canModerate: boolean;
}) {
  const { t } = useTranslation();
  const comments = useComments(reportId);
  useLiveComments(reportId);
  const add = useAddComment(reportId);
  const [showResolved, setShowResolved] = useState(false);
  const [hint, setHint] = useState<PlacementHint | null>(null);
  const [waiting, setWaiting] = useState(false);
  const list = useRef<HTMLDivElement>(null);
  const threads = (comments.data?.items ?? []).filter((thread) => showResolved || !thread.resolved);
  const selection = useCommentTarget(editor);

  const submit = async (body: string) => {
    setHint(null);
    setWaiting(true);
    const anchors = selection.anchors();
    const placed = await placeComment(
      anchors,
      provider.state.unsaved,
      () => provider.whenSaved(SAVE_WAIT_MS),
      (placedOn) => add.mutateAsync({ ...placedOn, body }),
    ).finally(() => setWaiting(false));
    // Not posted: the text stays in the box, with the reason above it.
    if ('hint' in placed) {
      setHint(placed.hint);
      throw new Error(placed.hint);
    }
    if (anchors) selection.letGo(anchors);
  };

  return (
    <Card title={t('comments.title')} headingLevel={2}>
      {hint && <Alert kind="info">{hint === 'selectFirst' ? t('comments.selectFirst') : t('comments.notSaved')}</Alert>}
      {/* The editor's selection is not drawn once the comment box has the focus: the words are said here. */}
      {selection.words && (
        <p className="muted">
          <QuotedWords i18nKey="comments.commentingOn" words={selection.words} />
        </p>
      )}
      {waiting && (
        <p className="muted" role="status">
          {t('comments.waitingForSave')}
        </p>
      )}
      <Composer label={t('comments.add')} submitLabel={t('comments.post')} hint={t('comments.hint')} maxLength={MAX_COMMENT} busy={add.isPending || waiting} error={add.error} onSubmit={submit} />
      <label className="checkbox">
        <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} /> {t('comments.showResolved')}
      </label>
      {/* Focus lands here after a delete, so the keyboard does not fall back to the top of the page. */}
      <div ref={list} tabIndex={-1}>
        {threads.length === 0 ? (
          <EmptyState>{t('comments.empty')}</EmptyState>
        ) : (
          <ul className="threads">
            {threads.map((thread) => (
              <Thread key={thread.id} reportId={reportId} thread={thread} editor={editor} user={user} canModerate={canModerate} onDeleted={() => list.current?.focus()} />
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

/** A sentence quoting the report's words, in the language's own quotation marks, the words in their own direction. */
function QuotedWords({ i18nKey, words }: { i18nKey: 'comments.onText' | 'comments.commentingOn'; words: string }) {
  const { t } = useTranslation();
  // The sentence around the words, as the language words it; the words go in as an element (isolated), not as text
  // to parse.
  const [before, after = ''] = t(i18nKey, { text: WORDS_MARK }).split(WORDS_MARK);
  return (
    <>
      {before}
      <bdi>{words}</bdi>
      {after}
    </>
  );
}

const WORDS_MARK = '\uE000';
