import type { MeetingOccurrence, Notification, Report } from '@simashe/contracts';

/** The home page's "my work" lists, worked out from the list endpoints' answers (pure, so they are unit-tested). */

/** Reports the person works on: started by them or in one of their own organisations, most recently edited first. */
export function myRecentReports(reports: readonly Report[], userId: string, memberOrganisationIds: readonly string[], limit = 5): Report[] {
  const mine = new Set(memberOrganisationIds);
  return reports
    .filter((report) => !report.archived && (report.createdBy?.id === userId || mine.has(report.organisationId)))
    .sort((a, b) => b.lastEditedAt.localeCompare(a.lastEditedAt))
    .slice(0, limit);
}

/** Sessions that have not ended, soonest first. */
export function upcomingSessions(occurrences: readonly MeetingOccurrence[], now: Date, limit = 8): MeetingOccurrence[] {
  return occurrences
    .filter((occurrence) => new Date(occurrence.end).getTime() > now.getTime())
    .sort((a, b) => a.start.localeCompare(b.start))
    .slice(0, limit);
}

/** Unread mentions, newest first. */
export function unreadMentions(notifications: readonly Notification[], limit = 5): Notification[] {
  return notifications
    .filter((notification) => notification.kind === 'mention' && !notification.read)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, limit);
}

/** The next seven days, from now: the window of "upcoming meetings". */
export function nextSevenDays(now: Date): { from: string; to: string } {
  return { from: now.toISOString(), to: new Date(now.getTime() + 7 * 86_400_000).toISOString() };
}
