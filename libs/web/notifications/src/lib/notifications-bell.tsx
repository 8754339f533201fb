import { NOTIFICATIONS_NAMESPACE } from '@simashe/contracts';
import { liveSocket } from '@simashe/web-api-client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { useNotifications } from './queries';

/** The server says when the unread count changes (new notification, read elsewhere): refresh the inbox. */
function useLiveUnread() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = liveSocket(NOTIFICATIONS_NAMESPACE);
    const refresh = () => void queryClient.invalidateQueries({ queryKey: ['notifications'] });
    socket.on('unread', refresh);
    return () => {
      socket.off('unread', refresh);
    };
  }, [queryClient]);
}

/** The inbox link in the app shell, with the number of unread notifications. */
export function NotificationsBell() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  useLiveUnread();
  const unread = notifications.data?.unread ?? 0;
  return (
    <NavLink to="/notifications" className="notifications-bell" aria-label={t('notifications.bell', { count: unread })}>
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 && (
        <span className="unread-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
