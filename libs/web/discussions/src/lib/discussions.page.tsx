import { DISCUSSION_SUBJECTS, type ListThreadsQuery, type Thread } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { useDateFormatter } from '@simashe/web-i18n';
import { Alert, BackLink, Button, Card, EmptyState, LoadingState, QueryError, TextField } from '@simashe/web-ui';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { TopicDiscussion } from './discussion-thread';
import { useCreateTopic, useThreads } from './queries';

const THREAD_FILTERS = ['all', ...DISCUSSION_SUBJECTS] as const;

function NewTopicCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateTopic();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const error = create.error instanceof ApiError ? create.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ title, body }, { onSuccess: (thread) => navigate(`/discussions/${thread.id}`) });
  };
  return (
    <Card title={t('discussions.newTopic')}>
      <form onSubmit={submit} noValidate>
        {error && error.details.length === 0 && <Alert kind="error">{error.message}</Alert>}
        <TextField label={t('discussions.topicTitle')} value={title} onChange={(e) => setTitle(e.target.value)} error={error?.fieldError('title')} />
        <div className={`field ${error?.fieldError('body') ? 'field-invalid' : ''}`}>
          <label htmlFor="new-topic-body">{t('discussions.firstPost')}</label>
          <textarea id="new-topic-body" rows={4} value={body} maxLength={10_000} onChange={(e) => setBody(e.target.value)} />
          {error?.fieldError('body') && <p className="field-error">{error.fieldError('body')}</p>}
        </div>
        <Button type="submit" busy={create.isPending}>
          {t('discussions.startTopic')}
        </Button>
      </form>
    </Card>
  );
}

/** Where a thread is read: a topic's own page, or the report, meeting or lesson it is about. */
export function threadLink(thread: Thread): string {
  if (thread.subjectKind === 'topic' || !thread.subjectId) return `/discussions/${thread.id}`;
  return `/${thread.subjectKind}s/${thread.subjectId}`;
}

export function DiscussionsPage() {
  const { t } = useTranslation();
  const format = useDateFormatter(useCurrentUser().timeZone);
  const [subject, setSubject] = useState<ListThreadsQuery['subject']>('all');
  const threads = useThreads(subject);
  const filterId = useId();
  useEffect(() => {
    document.title = `${t('discussions.communities')} · ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <h1>{t('discussions.communities')}</h1>
      <Card title={t('threads.title')}>
        <div className="field field-inline">
          <label htmlFor={filterId}>{t('threads.show')}</label>
          <select id={filterId} value={subject} onChange={(event) => setSubject(event.target.value as ListThreadsQuery['subject'])}>
            {THREAD_FILTERS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`threads.subjects.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {threads.isPending ? (
          <LoadingState label={t('common.loading')} />
        ) : threads.isError ? (
          <QueryError error={threads.error} onRetry={() => threads.refetch()} />
        ) : threads.data.items.length === 0 ? (
          <EmptyState>{subject === 'all' || subject === 'topic' ? t('discussions.noTopics') : t('threads.empty')}</EmptyState>
        ) : (
          <ul className="topic-list">
            {threads.data.items.map((thread) => (
              <li key={thread.id}>
                <span className="badge">{t(`threads.on.${thread.subjectKind}`)}</span>{' '}
                <Link to={threadLink(thread)} dir="auto">
                  {thread.title}
                </Link>{' '}
                <span className="muted">
                  <bdi>{t('discussions.posts', { count: thread.postCount })}</bdi> · <bdi>{format(thread.lastPostAt)}</bdi>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <NewTopicCard />
    </>
  );
}

export function TopicPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useEffect(() => {
    document.title = `${t('discussions.communities')} · ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <BackLink to="/discussions">{t('discussions.communities')}</BackLink>
      <TopicDiscussion threadId={id} />
    </>
  );
}
