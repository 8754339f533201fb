import type { Post, ThreadWithPosts } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useDateFormatter } from '@simashe/web-i18n';
import { Button, Card, EmptyState, LoadingState, QueryError, useConfirm } from '@simashe/web-ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Composer } from './composer';
import { PostText } from './post-text';
import { useAddPost, useDeletePost, useEditPost, useLiveThread, useSubjectThread, useThread, type SubjectKind } from './queries';

function PostItem({ post, threadId, onQuote }: { post: Post; threadId: string; onQuote: (post: Post) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const edit = useEditPost(threadId);
  const remove = useDeletePost(threadId);
  const confirm = useConfirm();
  const [editing, setEditing] = useState(false);
  const mine = post.authorId === user.id;
  const when = useDateFormatter(user.timeZone)(post.createdAt, { timeStyle: 'short' });
  if (post.deleted) {
    return (
      <li className="post post-deleted">
        <span className="muted">{t('discussions.deleted')}</span>
      </li>
    );
  }
  return (
    <li className="post" aria-label={t('discussions.postBy', { name: post.authorName ?? t('discussions.someone') })}>
      <div className="post-meta">
        {/* Each isolated: a Latin name beside an Arabic date otherwise pulled the date's day across the name. */}
        <strong>
          <bdi>{post.authorName ?? t('discussions.someone')}</bdi>
        </strong>{' '}
        · <bdi className="muted">{when}</bdi>
        {post.editedAt && <span className="badge">{t('discussions.edited')}</span>}
      </div>
      {post.quote && (
        <blockquote className="post-quote">
          <strong>{post.quote.authorName ?? t('discussions.someone')}</strong>: {post.quote.excerpt || t('discussions.deleted')}
        </blockquote>
      )}
      {editing ? (
        <Composer
          label={t('discussions.editPost')}
          initial={post.body}
          submitLabel={t('common.save')}
          busy={edit.isPending}
          error={edit.error}
          onSubmit={(body) => edit.mutateAsync({ postId: post.id, body }).then(() => setEditing(false))}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <PostText body={post.body} />
      )}
      {!editing && (
        <div className="button-row">
          <Button variant="link" className="link-dark" onClick={() => onQuote(post)}>
            {t('discussions.quote')}
          </Button>
          {mine && (
            <>
              <Button variant="link" className="link-dark" onClick={() => setEditing(true)}>
                {t('discussions.edit')}
              </Button>
              <Button variant="link" className="link-dark" busy={remove.isPending} onClick={async () => (await confirm.ask({ title: t('discussions.delete'), message: t('discussions.confirmDelete'), confirmLabel: t('discussions.delete'), danger: true })) && remove.mutate(post.id)}>
                {t('discussions.delete')}
              </Button>
            </>
          )}
        </div>
      )}
      {confirm.dialog}
    </li>
  );
}

function ThreadView({ thread, target }: { thread: ThreadWithPosts | null; target: { threadId: string } | { kind: SubjectKind; id: string } }) {
  const { t } = useTranslation();
  const add = useAddPost(thread ? { threadId: thread.id } : target);
  const [quoting, setQuoting] = useState<Post | null>(null);
  useLiveThread(target);
  return (
    <>
      {!thread || thread.posts.length === 0 ? (
        <EmptyState>{t('discussions.empty')}</EmptyState>
      ) : (
        <ol className="posts">
          {thread.posts.map((post) => (
            <PostItem key={post.id} post={post} threadId={thread.id} onQuote={setQuoting} />
          ))}
        </ol>
      )}
      <Composer
        label={t('discussions.reply')}
        submitLabel={t('discussions.send')}
        busy={add.isPending}
        error={add.error}
        quote={quoting ? { authorName: quoting.authorName, excerpt: quoting.body.slice(0, 200), onRemove: () => setQuoting(null) } : undefined}
        onSubmit={(body) => add.mutateAsync({ body, quotePostId: quoting?.id }).then(() => setQuoting(null))}
      />
    </>
  );
}

/** The discussion of a report, meeting or lesson, as a card: started by the first post. */
export function SubjectDiscussion({ kind, id }: { kind: SubjectKind; id: string }) {
  const { t } = useTranslation();
  const thread = useSubjectThread(kind, id);
  return (
    <Card title={t('discussions.title')}>
      {thread.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : thread.isError ? (
        <QueryError error={thread.error} onRetry={() => thread.refetch()} />
      ) : (
        <ThreadView thread={thread.data.thread} target={{ kind, id }} />
      )}
    </Card>
  );
}

/** A network topic thread by id. */
export function TopicDiscussion({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const thread = useThread(threadId);
  if (thread.isPending) return <LoadingState label={t('common.loading')} />;
  if (thread.isError) return <QueryError error={thread.error} onRetry={() => thread.refetch()} />;
  return (
    <>
      <h1 dir="auto">{thread.data.title}</h1>
      <Card title={t('discussions.posts', { count: thread.data.postCount })}>
        <ThreadView thread={thread.data} target={{ threadId }} />
      </Card>
    </>
  );
}
