import type { Notification, NotificationMessageKey } from '@simashe/contracts';
import { formatCalendarDate, formatDateTime } from '@simashe/web-i18n';

/** The values each message needs; a message missing one (or of a key this web app does not know) shows the stored text. */
const REQUIRED: Record<NotificationMessageKey, readonly string[]> = {
  meetingInvitation: ['meeting', 'organiser', 'start'],
  rsvpReminder: ['meeting', 'organiser', 'start'],
  meetingReminder: ['meeting', 'start'],
  reviewRequested: ['name', 'report', 'organisation', 'periodStart', 'periodEnd'],
  reportSubmitted: ['report', 'organisation', 'periodStart', 'periodEnd'],
  discussionMention: ['name', 'thread'],
  discussionReply: ['name', 'thread'],
  commentMention: ['name', 'report'],
  reportMention: ['name', 'report'],
  steeringAppointed: ['name'],
};

/** Messages whose body is what someone wrote (an excerpt), shown as stored. */
const BODY_AS_STORED: ReadonlySet<NotificationMessageKey> = new Set(['discussionMention', 'discussionReply', 'commentMention', 'reportMention']);

/** Values that are people's text (names, titles): isolated in right-to-left languages so they keep their own direction. */
const USER_TEXT = ['meeting', 'organiser', 'name', 'report', 'organisation', 'link', 'thread'];

export interface NotificationTextOptions {
  t: (key: string, values: Record<string, unknown>) => string;
  language: string;
  timeZone: string;
  rtl?: boolean;
}

/**
 * A notification's title and body in the reader's language and time zone, from its message key and values. Rows
 * stored before messages existed (and any the web cannot read) keep the title and body the server wrote.
 */
export function notificationText(notification: Pick<Notification, 'title' | 'body' | 'message'>, { t, language, timeZone, rtl = false }: NotificationTextOptions): { title: string; body: string } {
  const message = notification.message;
  const required = message ? REQUIRED[message.key] : undefined;
  if (!message || !required || !required.every((name) => message.params[name])) return { title: notification.title, body: notification.body };
  const params = message.params;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) values[name] = rtl && USER_TEXT.includes(name) ? `\u2068${value}\u2069` : value;
  if (params['start']) values['when'] = formatDateTime(params['start'], language, { timeZone, dateStyle: 'full', timeStyle: 'short' });
  if (params['periodStart']) values['start'] = formatCalendarDate(params['periodStart'], language);
  if (params['periodEnd']) values['end'] = formatCalendarDate(params['periodEnd'], language);
  const body =
    message.key === 'meetingInvitation' && params['repeats'] === 'yes' ? 'bodyRepeats' : message.key === 'meetingReminder' && params['link'] ? 'bodyLink' : 'body';
  if (BODY_AS_STORED.has(message.key)) return { title: t(`polish.notices.${message.key}.title`, values), body: notification.body };
  return { title: t(`polish.notices.${message.key}.title`, values), body: t(`polish.notices.${message.key}.${body}`, values) };
}
