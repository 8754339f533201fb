import { PREFERENCE_KINDS } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useDateFormatter } from '@simashe/web-i18n';
import { Button, Card, EmptyState, LoadingState, QueryError } from '@simashe/web-ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupNotifications, type NotificationGroup } from './grouping';
import { NotificationRow, useNotificationText } from './notification-row';
import { useMarkAllRead, useNotifications, usePreferences, useUpdatePreferences } from './queries';

/** A subject's notifications: its newest as a compact row, the older ones folded under it. */
function NotificationGroupItem({ group }: { group: NotificationGroup }) {
  const { t } = useTranslation();
  const format = useDateFormatter(useCurrentUser().timeZone);
  const text = useNotificationText();
  const unreadIds = group.items.filter((item) => !item.read).map((item) => item.id);
  const older = group.items.slice(1);
  return (
    <>
      <NotificationRow notification={group.latest} unreadIds={unreadIds} count={group.items.length} />
      {older.length > 0 && (
        <li className="notification-group">
          <details>
            <summary>{t('inbox.inThread', { count: group.items.length })}</summary>
            <ul className="notification-older">
              {older.map((item) => (
                <li key={item.id}>
                  <span dir="auto">{text(item).title}</span> <span className="muted">· <bdi>{format(item.createdAt, { timeStyle: 'short' })}</bdi></span>
                </li>
              ))}
            </ul>
          </details>
        </li>
      )}
    </>
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
          <ul className="notification-rows">
            {groupNotifications(notifications.data.items).map((group) => (
              <NotificationGroupItem key={group.key} group={group} />
            ))}
          </ul>
        )}
      </Card>
      <PreferencesCard />
    </>
  );
}
