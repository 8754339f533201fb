import type { MeetingOccurrence, Notification } from '@simashe/contracts';

/** Notifications about one subject (a report, meeting, lesson or thread: the same in-app link), newest first. */
export interface NotificationGroup {
  key: string;
  latest: Notification;
  /** Every notification of the group, newest first (the latest included). */
  items: Notification[];
  unread: number;
}

/**
 * Groups the inbox by subject: notifications that open the same page belong together (an invitation and the
 * reminders of its meeting, every reply in one discussion). Those without a link stay on their own. The order of
 * groups follows their newest notification, so the inbox still reads newest first.
 */
export function groupNotifications(items: readonly Notification[]): NotificationGroup[] {
  const groups = new Map<string, NotificationGroup>();
  const newestFirst = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const notification of newestFirst) {
    const key = notification.link ?? `id:${notification.id}`;
    const group = groups.get(key);
    if (group) {
      group.items.push(notification);
      if (!notification.read) group.unread += 1;
    } else {
      groups.set(key, { key, latest: notification, items: [notification], unread: notification.read ? 0 : 1 });
    }
  }
  return [...groups.values()];
}

const MEETING_LINK = /^\/meetings\/([0-9a-f-]{36})(?:[/?#]|$)/i;

/** The meeting an invitation is about, when it can be answered from the inbox (an invitation with a meeting link). */
export function invitationMeetingId(notification: Notification): string | null {
  if (notification.kind !== 'invitation' || !notification.link) return null;
  return MEETING_LINK.exec(notification.link)?.[1] ?? null;
}

/** The session an answer from the inbox applies to: the next one that has not ended yet. */
export function nextSession(occurrences: readonly MeetingOccurrence[], now: Date): MeetingOccurrence | null {
  const upcoming = occurrences.filter((occurrence) => new Date(occurrence.end).getTime() > now.getTime());
  upcoming.sort((a, b) => a.start.localeCompare(b.start));
  return upcoming[0] ?? null;
}
