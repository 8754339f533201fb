import type { SessionInfo } from '@simashe/contracts';
import { ApiError } from '@simashe/web-api-client';
import { useDateFormatter } from '@simashe/web-i18n';
import { Alert, Button, Card, EmptyState, ErrorState, LoadingState, useConfirm } from '@simashe/web-ui';
import { useTranslation } from 'react-i18next';
import { useMySessions, useSignOutOtherSessions, useSignOutSession } from './account-security';
import { useCurrentUser } from './session';
import { deviceLabel, formatLastSeen } from './session-labels';

/** The profile's list of where the person is signed in, with "sign out" for each other session and for all of them. */
export function SessionsCard() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const sessions = useMySessions();
  const signOut = useSignOutSession();
  const confirm = useConfirm();
  const signOutOthers = useSignOutOtherSessions();
  const format = useDateFormatter(user.timeZone);
  // "5 minutes ago" counts from when the list was loaded (it refreshes when the tab regains focus).
  const now = new Date(sessions.dataUpdatedAt);

  const failure = signOut.error ?? signOutOthers.error;
  const failureMessage =
    failure instanceof ApiError && failure.status === 404 ? t('accountSecurity.sessions.gone') : failure ? failure.message : null;

  const row = (session: SessionInfo) => {
    const device = deviceLabel(session.device, t);
    return (
      <li key={session.id} className="session">
        <div className="session-details">
          <p>
            <strong>{device}</strong>
            {session.device.mobile && <span className="muted"> ({t('accountSecurity.sessions.mobile')})</span>}{' '}
            {session.current && <span className="badge">{t('accountSecurity.sessions.thisDevice')}</span>}
          </p>
          <p className="muted">
            {t('accountSecurity.sessions.lastSeen', { when: formatLastSeen(session.lastSeenAt, now, i18n.language, user.timeZone) })}
            {' · '}
            {t('accountSecurity.sessions.signedIn', { date: format(session.createdAt, { dateStyle: 'medium', timeStyle: 'short' }) })}
            {' · '}
            {/* Left-to-right isolate: an IPv6 address keeps its order inside Arabic text. */}
            {session.ip ? t('accountSecurity.sessions.address', { ip: `\u2066${session.ip}\u2069` }) : t('accountSecurity.sessions.unknownAddress')}
          </p>
          {session.userAgent && (
            <details>
              <summary>{t('accountSecurity.sessions.userAgent')}</summary>
              <code dir="ltr">{session.userAgent}</code>
            </details>
          )}
        </div>
        {!session.current && (
          <Button
            variant="secondary"
            aria-label={t('accountSecurity.sessions.signOutOf', { device })}
            busy={signOut.isPending && signOut.variables === session.id}
            onClick={async () => {
              const label = t('accountSecurity.sessions.signOut');
              if (!(await confirm.ask({ title: t('accountSecurity.sessions.signOutOf', { device }), message: t('accountSecurity.sessions.confirmSignOut', { device }), confirmLabel: label, startOnCancel: true }))) return;
              signOutOthers.reset();
              signOut.mutate(session.id);
            }}
          >
            {t('accountSecurity.sessions.signOut')}
          </Button>
        )}
      </li>
    );
  };

  let body;
  if (sessions.isPending) body = <LoadingState label={t('common.loading')} />;
  else if (sessions.isError) {
    body = <ErrorState title={t('accountSecurity.sessions.loadError')} message={sessions.error.message} onRetry={() => sessions.refetch()} retryLabel={t('common.retry')} />;
  } else {
    const items = sessions.data.items;
    const others = items.filter((session) => !session.current).length;
    body = (
      <>
        <ul className="sessions">{items.map(row)}</ul>
        {others === 0 ? (
          <EmptyState>{t('accountSecurity.sessions.noOthers')}</EmptyState>
        ) : (
          <div className="button-row">
            <Button
              variant="danger"
              busy={signOutOthers.isPending}
              onClick={async () => {
                const label = t('accountSecurity.sessions.signOutOthers');
                if (!(await confirm.ask({ title: label, message: t('accountSecurity.sessions.confirmSignOutOthers'), confirmLabel: label, danger: true }))) return;
                signOut.reset();
                signOutOthers.mutate();
              }}
            >
              {t('accountSecurity.sessions.signOutOthers')}
            </Button>
          </div>
        )}
      </>
    );
  }

  return (
    <Card title={t('accountSecurity.sessions.title')}>
      <p className="muted">{t('accountSecurity.sessions.intro')}</p>
      {signOut.isSuccess && <Alert kind="success">{t('accountSecurity.sessions.signedOut')}</Alert>}
      {signOutOthers.isSuccess && <Alert kind="success">{t('accountSecurity.sessions.signedOutOthers', { count: signOutOthers.data.revoked })}</Alert>}
      {failureMessage && <Alert kind="error">{failureMessage}</Alert>}
      {body}
      {confirm.dialog}
    </Card>
  );
}
