import { PREFERENCE_KINDS, type Notification } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useDateFormatter } from '@simashe/web-i18n';
import { Button, Card, EmptyState, LoadingState, QueryError } from '@simashe/web-ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMarkAllRead, useMarkRead, useNotifications, usePreferences, useUpdatePreferences } from './queries';

function NotificationItem({ notification }: { notification: Notification }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const markRead = useMarkRead();
  const when = useDateFormatter(user.timeZone)(notification.createdAt, { timeStyle: 'short' });
  const open = () => !notification.read && markRead.mutate(notification.id);
  return (
    <li className={notification.read ? 'notification' : 'notification unread'}>
      <div>
        {!notification.read && <span className="badge">{t('notifications.new')}</span>}{' '}
        {notification.link ? (
          <Link to={notification.link} onClick={open}>
            <strong>{notification.title}</strong>
          </Link>
        ) : (
          <strong>{notification.title}</strong>
        )}
      </div>
      {notification.body && <div>{notification.body}</div>}
      <div className="muted">
        {t(`notifications.kinds.${notification.kind}`)} · {when}
      </div>
      {!notification.read && (
        <Button variant="link" className="link-dark" busy={markRead.isPending} onClick={open}>
          {t('notifications.markRead')}
        </Button>
      )}
    </li>
  );
}

function PreferencesCard() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  const update = useUpdatePreferences();
  return (
    <Card title={t('notifications.preferences')}>
      {preferences.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : preferences.isError ? (
        <QueryError error={preferences.error} onRetry={() => preferences.refetch()} />
      ) : (
        <fieldset className="invitees">
          <legend>{t('notifications.tellMe')}</legend>
          {PREFERENCE_KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input type="checkbox" checked={preferences.data[kind]} onChange={(e) => update.mutate({ [kind]: e.target.checked })} /> {t(`notifications.kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
      )}
      <p className="muted">{t('notifications.remindersHint')}</p>
    </Card>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const notifications = useNotifications(unreadOnly);
  const markAll = useMarkAllRead();

  useEffect(() => {
    document.title = `${t('notifications.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <h1>{t('notifications.title')}</h1>
      <Card>
        <div className="calendar-controls">
          <label className="checkbox">
            <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> {t('notifications.unreadOnly')}
          </label>
          <Button variant="secondary" disabled={!notifications.data?.unread} busy={markAll.isPending} onClick={() => markAll.mutate(undefined)}>
            {t('notifications.markAllRead')}
          </Button>
        </div>
        {notifications.isPending ? (
          <LoadingState label={t('common.loading')} />
        ) : notifications.isError ? (
          <QueryError error={notifications.error} onRetry={() => notifications.refetch()} />
        ) : notifications.data.items.length === 0 ? (
          <EmptyState>{t('notifications.empty')}</EmptyState>
        ) : (
          <ul className="notifications">
            {notifications.data.items.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} />
            ))}
          </ul>
        )}
      </Card>
      <PreferencesCard />
    </>
  );
}
