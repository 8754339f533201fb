import { Injectable } from '@nestjs/common';
import { NotFoundError, type AuthContext } from '@simashe/api-core';
import type { ListNotificationsQuery, Notification, NotificationList } from '@simashe/contracts';
import { DataSource } from 'typeorm';

export interface NewNotification {
  kind: Notification['kind'];
  title: string;
  body?: string;
  /** An in-app path such as /meetings/…. */
  link?: string;
  /** The same key for the same person lands once (a reminder, a mention in one post). */
  dedupeKey?: string;
}

interface NotificationRow {
  id: string;
  kind: Notification['kind'];
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** The in-app inbox: every domain drops notifications here; people read and clear their own. */
@Injectable()
export class NotificationsService {
  constructor(private readonly db: DataSource) {}

  /** Returns false when a notification with the same dedupe key already reached this person. */
  async notify(userId: string, notification: NewNotification): Promise<boolean> {
    const link = notification.link?.startsWith('/') ? notification.link : null;
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id`,
      [userId, notification.kind, notification.title, notification.body ?? '', link, notification.dedupeKey ?? null],
    );
    return inserted.length > 0;
  }

  async list(auth: AuthContext, query: ListNotificationsQuery): Promise<NotificationList> {
    const rows: NotificationRow[] = await this.db.query(
      `SELECT id, kind, title, body, link, created_at, read_at FROM notifications
       WHERE user_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL) ORDER BY created_at DESC LIMIT $3`,
      [auth.userId, query.unread === 'true', query.limit],
    );
    return { items: rows.map(presentNotification), unread: await this.unreadCount(auth.userId) };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ count }] = await this.db.query('SELECT count(*)::int AS count FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId]);
    return count;
  }

  async markRead(auth: AuthContext, id: string): Promise<Notification> {
    // Someone else's notification is indistinguishable from a missing one.
    const [rows]: [NotificationRow[], number] = await this.db.query(
      'UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING id, kind, title, body, link, created_at, read_at',
      [id, auth.userId],
    );
    if (!rows[0]) throw new NotFoundError('The notification');
    return presentNotification(rows[0]);
  }

  async markAllRead(auth: AuthContext): Promise<void> {
    await this.db.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [auth.userId]);
  }
}

function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: row.created_at.toISOString(),
    read: row.read_at !== null,
  };
}
