import type { CommentThread, CurrentUser } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { useDateFormatter } from '@simashe/web-i18n';
import { Alert, Button, Card, EmptyState } from '@simashe/web-ui';
import type { Editor } from '@tiptap/react';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { useAddComment, useComments, useReply, useResolveComment } from './queries';

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** The selection as Yjs relative positions: they keep pointing at the same words while others edit. */
function selectionAnchors(editor: Editor): { anchorStart: string; anchorEnd: string; quote: string } | null {
  const { from, to, empty } = editor.state.selection;
  const sync = ySyncPluginKey.getState(editor.state);
  if (empty || !sync?.binding || editor.state.doc.textBetween(from, to, ' ').trim() === '') return null;
  const encode = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping)));
  return { anchorStart: encode(from), anchorEnd: encode(to), quote: editor.state.doc.textBetween(from, to, ' ').slice(0, 1000) };
}

function TextArea({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={2} value={value} onChange={(event) => onChange(event.target.value)} maxLength={5000} />
    </div>
  );
}

function Thread({ reportId, thread, user, canModerate }: { reportId: string; thread: CommentThread; user: CurrentUser; canModerate: boolean }) {
  const { t } = useTranslation();
  const format = useDateFormatter(user.timeZone);
  const reply = useReply(reportId);
  const resolve = useResolveComment(reportId);
  const [answer, setAnswer] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate({ threadId: thread.id, body: answer }, { onSuccess: () => setAnswer('') });
  };
  const mayResolve = canModerate || thread.author?.id === user.id;
  return (
    <li className={`thread ${thread.resolved ? 'thread-resolved' : ''}`}>
      <p className="muted">
        {thread.currentText === '' ? t('comments.textGone') : t('comments.onText', { text: thread.currentText ?? thread.quote })}
      </p>
      {[thread, ...thread.replies].map((comment) => (
        <div key={comment.id} className="comment">
          <strong>{comment.author?.name ?? '—'}</strong> <span className="muted">{format(comment.createdAt, { dateStyle: 'short', timeStyle: 'short' })}</span>
          <p>{comment.body}</p>
        </div>
      ))}
      {thread.resolved && thread.resolvedBy && <p className="muted">{t('comments.resolved', { name: thread.resolvedBy.name })}</p>}
      {!thread.resolved && (
        <form onSubmit={submit}>
          <TextArea label={t('comments.replyLabel', { name: thread.author?.name ?? '' })} value={answer} onChange={setAnswer} />
          <Button type="submit" variant="secondary" disabled={!answer.trim()} busy={reply.isPending}>
            {t('comments.reply')}
          </Button>
        </form>
      )}
      {mayResolve && (
        <Button variant="link" className="link-dark" onClick={() => resolve.mutate({ threadId: thread.id, resolved: !thread.resolved })}>
          {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
        </Button>
      )}
    </li>
  );
}

export function CommentsPanel({ reportId, editor, user, canModerate }: { reportId: string; editor: Editor; user: CurrentUser; canModerate: boolean }) {
  const { t } = useTranslation();
  const comments = useComments(reportId);
  const add = useAddComment(reportId);
  const [body, setBody] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const [hint, setHint] = useState(false);
  const error = add.error instanceof ApiError ? add.error : null;
  const threads = (comments.data?.items ?? []).filter((thread) => showResolved || !thread.resolved);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const anchors = selectionAnchors(editor);
    setHint(!anchors);
    if (anchors) add.mutate({ ...anchors, body }, { onSuccess: () => setBody('') });
  };

  return (
    <Card title={t('comments.title')} headingLevel={2}>
      <form onSubmit={submit}>
        <TextArea label={t('comments.add')} value={body} onChange={setBody} />
        {hint && <Alert kind="info">{t('comments.selectFirst')}</Alert>}
        {error && <Alert kind="error">{error.message}</Alert>}
        <Button type="submit" variant="secondary" disabled={!body.trim()} busy={add.isPending} onMouseDown={(event) => event.preventDefault()}>
          {t('comments.post')}
        </Button>
      </form>
      <label className="checkbox">
        <input type="checkbox" checked={showResolved} onChange={(event) => setShowResolved(event.target.checked)} /> {t('comments.showResolved')}
      </label>
      {threads.length === 0 ? (
        <EmptyState>{t('comments.empty')}</EmptyState>
      ) : (
        <ul className="threads">
          {threads.map((thread) => (
            <Thread key={thread.id} reportId={reportId} thread={thread} user={user} canModerate={canModerate} />
          ))}
        </ul>
      )}
    </Card>
  );
}
