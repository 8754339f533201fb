import { Injectable } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { EventBus, NotFoundError, type AuthContext } from '@simashe/api-core';
import { AccessPolicy } from '@simashe/api-organisations';
import {
  NotificationMessageSchema,
  PREFERENCE_KINDS,
  type ListNotificationsQuery,
  type Notification,
  type NotificationList,
  type NotificationMessage,
  type NotificationPreferences,
} from '@simashe/contracts';

type PreferenceKind = (typeof PREFERENCE_KINDS)[number];
import { DataSource } from 'typeorm';

export interface NewNotification {
  kind: Notification['kind'];
  title: string;
  body?: string;
  /** An in-app path such as /meetings/…. */
  link?: string;
  /** The same key for the same person lands once (a reminder, a mention in one post). */
  dedupeKey?: string;
  /** The title and body as a message key and values, which the web writes in the reader's language. */
  message?: NotificationMessage;
}

interface NotificationRow {
  id: string;
  kind: Notification['kind'];
  title: string;
  body: string;
  link: string | null;
  message: unknown;
  created_at: Date;
  read_at: Date | null;
}

/** PostgreSQL's foreign_key_violation: here, a notice for a user id that names no account. */
const FOREIGN_KEY_VIOLATION = '23503';

/** The in-app inbox: every domain drops notifications here; people read and clear their own. */
@Injectable()
export class NotificationsService {
  /** A person's open tabs learn their unread count through `notification.unread_changed` (the gateway). */
  constructor(
    private readonly db: DataSource,
    private readonly policy: AccessPolicy,
    private readonly events: EventBus,
    private readonly users: UsersService,
  ) {
    events.requireSubscriber('notification.unread_changed', 'NotificationsService');
  }

  private async unreadChanged(userId: string, unread?: number): Promise<void> {
    await this.events.emit('notification.unread_changed', { userId, unread: unread ?? (await this.unreadCount(userId)) });
  }

  /**
   * Returns false when the person turned this kind off, a notification with the same dedupe key already reached
   * them, or the id names nobody (a mention typed by hand with a made-up id, an account gone meanwhile). Otherwise it
   * is stored and their open tabs hear about it at once.
   */
  async notify(userId: string, notification: NewNotification): Promise<boolean> {
    if ((PREFERENCE_KINDS as readonly string[]).includes(notification.kind) && !(await this.preferences(userId))[notification.kind as PreferenceKind]) return false;
    const link = notification.link?.startsWith('/') ? notification.link : null;
    let inserted: unknown[];
    try {
      inserted = await this.db.query(
        `INSERT INTO notifications (user_id, kind, title, body, link, dedupe_key, message) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id`,
        [userId, notification.kind, notification.title, notification.body ?? '', link, notification.dedupeKey ?? null, notification.message ? JSON.stringify(notification.message) : null],
      );
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) return false;
      throw error;
    }
    if (inserted.length === 0) return false;
    await this.unreadChanged(userId);
    return true;
  }

  async preferences(userId: string): Promise<NotificationPreferences> {
    const stored = (await this.users.notificationPreferences(userId)) as Partial<NotificationPreferences>;
    return Object.fromEntries(PREFERENCE_KINDS.map((kind) => [kind, stored[kind] !== false])) as NotificationPreferences;
  }

  async updatePreferences(auth: AuthContext, changes: Partial<NotificationPreferences>): Promise<NotificationPreferences> {
    await this.users.setNotificationPreferences(auth.userId, changes as Record<string, boolean>);
    return this.preferences(auth.userId);
  }

  async list(auth: AuthContext, query: ListNotificationsQuery): Promise<NotificationList> {
    const rows: NotificationRow[] = await this.db.query(
      `SELECT id, kind, title, body, link, message, created_at, read_at FROM notifications
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
    const [owner]: Array<{ user_id: string }> = await this.db.query('SELECT user_id FROM notifications WHERE id = $1', [id]);
    if (!owner) throw new NotFoundError('The notification');
    // Someone else's notification is indistinguishable from a missing one (the policy answers 404).
    (await this.policy.scope(auth)).require('notification:update', { kind: 'notification', userId: owner.user_id });
    const [rows]: [NotificationRow[], number] = await this.db.query(
      'UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 RETURNING id, kind, title, body, link, message, created_at, read_at',
      [id],
    );
    if (!rows[0]) throw new NotFoundError('The notification');
    await this.unreadChanged(auth.userId);
    return presentNotification(rows[0]);
  }

  async markAllRead(auth: AuthContext): Promise<void> {
    await this.db.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL', [auth.userId]);
    await this.unreadChanged(auth.userId, 0);
  }
}

function presentNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    // A message the contract no longer knows (a key renamed since) falls back to the stored text.
    message: NotificationMessageSchema.safeParse(row.message).data ?? null,
    createdAt: row.created_at.toISOString(),
    read: row.read_at !== null,
  };
}
