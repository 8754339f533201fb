import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, MAIL_TEXTS, mailLanguage, MailService, mailTime, type AppConfig, withClusterLock } from '@simashe/api-core';
import { NotificationsService } from '@simashe/api-notifications';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { MEETING_SQL, MeetingAccess, type MeetingRow } from './meeting-access';
import { MeetingsService } from './meetings.service';

/** The longest reminder a person can ask for (a week), so only meetings starting within it are looked at. */
const LONGEST_REMINDER_MINUTES = 7 * 24 * 60;

/**
 * Sends each person an in-app reminder (and an email when SMTP is configured and they want it) at the times
 * they chose before each occurrence. A reminder is keyed by meeting, occurrence and offset, so it lands once
 * even after a restart or with two API processes. When several offsets are due at once (a meeting scheduled
 * at short notice), only the nearest one is sent.
 */
@Injectable()
export class MeetingRemindersService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('MeetingReminders');
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly db: DataSource,
    private readonly access: MeetingAccess,
    private readonly meetings: MeetingsService,
    private readonly notifications: NotificationsService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.reminderIntervalSeconds <= 0) return;
    this.timer = setInterval(() => void this.tick(), this.config.reminderIntervalSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      // With several instances, one of them sends (the others find the lock taken and skip this round).
      await withClusterLock(this.db, 'meeting-reminders', async () => void (await this.sendDue()));
    } catch (error) {
      this.logger.error(`Reminder run failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  /** Sends every reminder due at `now`; returns how many were newly sent. */
  async sendDue(now = new Date()): Promise<number> {
    // Single, never-moved meetings far in the past or beyond the longest reminder cannot be due: skip them
    // before expanding. (Local times differ from UTC by at most 14 hours, hence the day of margin.)
    const rows: MeetingRow[] = await this.db.query(
      `${MEETING_SQL} WHERE m.cancelled_at IS NULL AND (m.rrule IS NOT NULL
         OR EXISTS (SELECT 1 FROM meeting_occurrence_changes c WHERE c.meeting_id = m.id AND c.new_local_start IS NOT NULL)
         OR m.local_start BETWEEN $1::timestamp - interval '1 day' AND $1::timestamp + ($2 || ' minutes')::interval + interval '1 day')`,
      [now.toISOString().slice(0, 19), String(LONGEST_REMINDER_MINUTES)],
    );
    let sent = 0;
    for (const row of rows) {
      const upcoming = (await this.meetings.scheduled(row)).filter((o) => {
        const startsIn = (new Date(o.start).getTime() - now.getTime()) / 60_000;
        return startsIn > 0 && startsIn <= LONGEST_REMINDER_MINUTES;
      });
      if (upcoming.length === 0) continue;
      const people = await this.access.people(row.id);
      const declined: Array<{ user_id: string; occurrence: string }> = await this.db.query(
        `SELECT user_id, to_char(occurrence_local_start, 'YYYY-MM-DD"T"HH24:MI') AS occurrence FROM meeting_rsvps WHERE meeting_id = $1 AND response = 'no'`,
        [row.id],
      );
      const declinedKeys = new Set(declined.map((d) => `${d.user_id}|${d.occurrence}`));
      for (const occurrence of upcoming) {
        const minutesLeft = (new Date(occurrence.start).getTime() - now.getTime()) / 60_000;
        for (const person of people) {
          if (declinedKeys.has(`${person.id}|${occurrence.occurrence}`)) continue;
          const due = person.reminderMinutes.filter((offset) => offset >= minutesLeft);
          if (due.length === 0) continue;
          const offset = Math.min(...due);
          const when = DateTime.fromISO(occurrence.start).setZone(person.timeZone).toFormat("cccc d LLLL yyyy, HH:mm (z)");
          const title = `Reminder: ${row.title}`;
          const body = `Starts ${when}${row.conferencing_url ? ` · ${row.conferencing_url}` : ''}`;
          const fresh = await this.notifications.notify(person.id, {
            kind: 'meeting_reminder',
            title,
            body,
            link: `/meetings/${row.id}`,
            dedupeKey: `reminder:${row.id}:${occurrence.occurrence}:${offset}`,
            message: {
              key: 'meetingReminder',
              params: { meeting: row.title, start: occurrence.start, ...(row.conferencing_url ? { link: row.conferencing_url } : {}) },
            },
          });
          if (!fresh) continue;
          sent += 1;
          if (person.emailReminders && this.mail.enabled) {
            const language = mailLanguage(person.preferredLanguage);
            const words = MAIL_TEXTS.meetingReminder(language, { meeting: row.title, when: mailTime(occurrence.start, language, person.timeZone), conferencing: row.conferencing_url, url: `${this.config.publicUrl}/meetings/${row.id}` });
            await this.mail.send({ to: person.email, subject: words.subject, text: words.text });
          }
        }
      }
    }
    return sent;
  }
}
