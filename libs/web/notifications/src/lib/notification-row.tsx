import { RSVP_RESPONSES, type Notification } from '@simashe/contracts';
import { useCurrentUser } from '@simashe/web-accounts';
import { useDateFormatter } from '@simashe/web-i18n';
import { Alert, Button } from '@simashe/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { invitationMeetingId, nextSession } from './grouping';
import { notificationText } from './notification-text';
import { useAnswerInvitation, useMarkManyRead } from './queries';

/** A notification's title and body in the reader's language and time zone (see notificationText). */
export function useNotificationText(): (notification: Pick<Notification, 'title' | 'body' | 'message'>) => { title: string; body: string } {
  const { t, i18n } = useTranslation();
  const timeZone = useCurrentUser().timeZone;
  const rtl = i18n.dir(i18n.language) === 'rtl';
  return (notification) => notificationText(notification, { t: (key, values) => t(key, values), language: i18n.language, timeZone, rtl });
}

/** Yes / maybe / no on an invitation, for the meeting's next session, without leaving the inbox. */
export function InvitationAnswer({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const format = useDateFormatter(useCurrentUser().timeZone);
  const answer = useAnswerInvitation((occurrences) => nextSession(occurrences, new Date()));
  const chosen = answer.variables?.response;
  return (
    <div className="notification-answer" role="group" aria-label={t('inbox.willYouAttend')}>
      <span className="muted">{t('inbox.willYouAttend')}</span>
      {RSVP_RESPONSES.map((response) => (
        <Button
          key={response}
          variant="secondary"
          className="btn-small"
          aria-pressed={answer.isSuccess && !!answer.data && chosen === response}
          busy={answer.isPending && chosen === response}
          onClick={() => answer.mutate({ meetingId, response })}
        >
          {t(`inbox.${response}`)}
        </Button>
      ))}
      {answer.isSuccess && (
        <span role="status" className="muted">
          {answer.data ? t('inbox.answered', { date: format(answer.data.start), answer: t(`inbox.${chosen}`) }) : t('inbox.noSession')}
        </span>
      )}
      {answer.isError && <Alert kind="error">{answer.error.message}</Alert>}
    </div>
  );
}

/**
 * One compact row: the newest notification of a subject (or a lone one). Opening it marks it, and the rest of its
 * group, read; `count` says how many the group holds.
 */
export function NotificationRow({ notification, unreadIds, count = 1 }: { notification: Notification; unreadIds: string[]; count?: number }) {
  const { t } = useTranslation();
  const format = useDateFormatter(useCurrentUser().timeZone);
  const markRead = useMarkManyRead();
  const unread = unreadIds.length > 0;
  const open = () => unread && markRead.mutate(unreadIds);
  const meetingId = invitationMeetingId(notification);
  const { title, body } = useNotificationText()(notification);
  return (
    <li className={unread ? 'notification-row unread' : 'notification-row'}>
      <div className="notification-main">
        {unread && <span className="unread-dot" aria-hidden="true" />}
        {notification.link ? (
          <Link to={notification.link} onClick={open} dir="auto">
            {title}
          </Link>
        ) : (
          <strong dir="auto">{title}</strong>
        )}
        {body && (
          <span className="notification-body muted" dir="auto">
            {body}
          </span>
        )}
        <span className="notification-meta muted">
          {unread && <span className="visually-hidden">{t('notifications.new')} · </span>}
          {t(`notifications.kinds.${notification.kind}`)} · <bdi>{format(notification.createdAt, { timeStyle: 'short' })}</bdi>
          {count > 1 && (
            <>
              {' · '}
              <bdi>{t('inbox.inThread', { count })}</bdi>
            </>
          )}
        </span>
      </div>
      <div className="notification-actions">
        {meetingId && <InvitationAnswer meetingId={meetingId} />}
        {unread && (
          <Button variant="link" className="link-dark" busy={markRead.isPending} onClick={open}>
            {t('notifications.markRead')}
          </Button>
        )}
      </div>
    </li>
  );
}
