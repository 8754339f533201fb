import { NOTIFICATIONS_NAMESPACE } from '@simashe/contracts';
import { liveSocket } from '@simashe/web-api-client';
import { Button, EmptyState, LoadingState, QueryError } from '@simashe/web-ui';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { NotificationRow } from './notification-row';
import { useLatestNotifications, useMarkAllRead } from './queries';
import './notifications.css';

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

/**
 * The bell in the app shell: the unread count, and a menu with the latest ten notifications (open, mark read,
 * answer an invitation) and the way to the whole inbox. Escape, a click elsewhere or moving to another page closes it.
 */
export function NotificationsBell() {
  const { t } = useTranslation();
  const latest = useLatestNotifications();
  const markAll = useMarkAllRead();
  const location = useLocation();
  // Open on the page it was opened on: moving to another page closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === location.pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? location.pathname : null);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useLiveUnread();
  const unread = latest.data?.unread ?? 0;
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpenOn(null);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpenOn(null);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="bell-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="notifications-bell"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('notifications.bell', { count: unread })}
        onClick={() => setOpen(!open)}
      >
        <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.7 21a2 2 0 0 1-3.4 0" />
        </svg>
        {unread > 0 && (
          <span className="unread-count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <section id={panelId} className="bell-panel" hidden={!open} aria-labelledby={`${panelId}-title`}>
        <div className="bell-panel-head">
          <h2 id={`${panelId}-title`}>{t('inbox.latest')}</h2>
          {unread > 0 && (
            <Button variant="link" className="link-dark" busy={markAll.isPending} onClick={() => markAll.mutate(undefined)}>
              {t('inbox.markAllRead')}
            </Button>
          )}
        </div>
        {open &&
          (latest.isPending ? (
            <LoadingState label={t('common.loading')} />
          ) : latest.isError ? (
            <QueryError error={latest.error} onRetry={() => latest.refetch()} />
          ) : latest.data.items.length === 0 ? (
            <EmptyState>{t('inbox.empty')}</EmptyState>
          ) : (
            <ul className="notification-rows">
              {latest.data.items.map((notification) => (
                <NotificationRow key={notification.id} notification={notification} unreadIds={notification.read ? [] : [notification.id]} />
              ))}
            </ul>
          ))}
        <Link className="bell-panel-all" to="/notifications">
          {t('inbox.seeAll')}
        </Link>
      </section>
    </div>
  );
}
