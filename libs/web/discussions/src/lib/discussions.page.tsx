import { useCurrentUser } from '@simashe/web-accounts';
import { ApiError } from '@simashe/web-api-client';
import { useDateFormatter } from '@simashe/web-i18n';
import { Alert, Button, Card, EmptyState, LoadingState, QueryError, TextField } from '@simashe/web-ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { TopicDiscussion } from './discussion-thread';
import { useCreateTopic, useTopics } from './queries';

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

export function DiscussionsPage() {
  const { t } = useTranslation();
  const format = useDateFormatter(useCurrentUser().timeZone);
  const topics = useTopics();
  useEffect(() => {
    document.title = `${t('discussions.communities')} · ${t('app.name')}`;
  }, [t]);
  return (
    <>
      <h1>{t('discussions.communities')}</h1>
      <Card title={t('discussions.topics')}>
        {topics.isPending ? (
          <LoadingState label={t('common.loading')} />
        ) : topics.isError ? (
          <QueryError error={topics.error} onRetry={() => topics.refetch()} />
        ) : topics.data.items.length === 0 ? (
          <EmptyState>{t('discussions.noTopics')}</EmptyState>
        ) : (
          <ul className="topic-list">
            {topics.data.items.map((topic) => (
              <li key={topic.id}>
                <Link to={`/discussions/${topic.id}`}>{topic.title}</Link>{' '}
                <span className="muted">
                  {t('discussions.posts', { count: topic.postCount })} · {format(topic.lastPostAt)}
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
      <p>
        <Link className="back-link" to="/discussions">
          {t('discussions.communities')}
        </Link>
      </p>
      <TopicDiscussion threadId={id} />
    </>
  );
}
