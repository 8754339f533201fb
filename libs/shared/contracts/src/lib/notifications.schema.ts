import { z } from 'zod';
import { UuidSchema } from './common.schema';

export const NOTIFICATION_KINDS = ['meeting_reminder', 'mention', 'reply', 'invitation', 'report_submitted', 'review_requested', 'network'] as const;

/**
 * What a notification says, as a message key and its values (names, titles, ISO instants and dates), so the web
 * writes it in the reader's language and time zone. Rows from before keys existed have none: the web shows their
 * stored title and body.
 */
export const NOTIFICATION_MESSAGES = ['meetingInvitation', 'rsvpReminder', 'meetingReminder', 'reviewRequested', 'reportSubmitted', 'discussionMention', 'discussionReply', 'commentMention', 'reportMention', 'steeringAppointed'] as const;
export type NotificationMessageKey = (typeof NOTIFICATION_MESSAGES)[number];
export const NotificationMessageSchema = z.object({ key: z.enum(NOTIFICATION_MESSAGES), params: z.record(z.string(), z.string()) });
export type NotificationMessage = z.infer<typeof NotificationMessageSchema>;

export const NotificationSchema = z.object({
  id: UuidSchema,
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** In-app path to open, e.g. /meetings/…; never an external address. */
  link: z.string().nullable(),
  /** The title and body as a translatable message; null on older rows (title and body are the server's English). */
  message: NotificationMessageSchema.nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListSchema = z.object({ items: z.array(NotificationSchema), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const ListNotificationsQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1, 'limit is at least 1').max(100, 'limit is at most 100').default(30),
});
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuerySchema>;

export const NotificationParamsSchema = z.strictObject({ id: UuidSchema });

/** Kinds a person may turn off in their inbox (reminders are set with reminder times instead). */
export const PREFERENCE_KINDS = ['mention', 'reply', 'invitation', 'report_submitted'] as const;
export const NotificationPreferencesSchema = z.strictObject({
  mention: z.boolean(),
  reply: z.boolean(),
  invitation: z.boolean(),
  report_submitted: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;
export const UpdateNotificationPreferencesSchema = NotificationPreferencesSchema.partial().strict();

export const NOTIFICATIONS_NAMESPACE = '/notifications';
export interface NotificationServerEvents {
  unread: (payload: { unread: number }) => void;
}
