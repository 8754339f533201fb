import { Injectable } from '@nestjs/common';
import { ConflictError, ExpiringCache, NotFoundError, PreparedStatements, ValidationError, type AuthContext } from '@simashe/api-core';
import { NotificationsService } from '@simashe/api-notifications';
import { UsersService } from '@simashe/api-accounts';
import { AccessPolicy, OrganisationsService } from '@simashe/api-organisations';
import type { AttendanceRate, ChangeFollowingRequest, CreateMeetingRequest, GuestList, Language, Meeting, MeetingOccurrence, MeetingPerson, Registration, RsvpCounts, RsvpReminder } from '@simashe/contracts';
import { nonexistentLocalTime, occurrences, occurrencesBetween, RecurrenceError, validateSeries, validateWrittenRule, type Occurrence } from '@simashe/scheduling';
import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { DataSource } from 'typeorm';
import { MEETING_SQL, MeetingAccess, type MeetingRow } from './meeting-access';
import { MeetingSearch } from './meeting-search';
import { meetingsCalendar, type IcsMeeting } from './meetings.ics';

type ScheduledOccurrence = Occurrence & { occurrence: string; modified: boolean };

interface ChangeRow {
  occurrence: string;
  cancelled: boolean;
  new_local_start: string | null;
  new_duration_minutes: number | null;
}

/** What a meeting's occurrences show one person (MeetingsService.details). */
interface MeetingDetails {
  changes: ChangeRow[];
  rsvps: Array<{ occurrence: string; response: 'yes' | 'no' | 'maybe' }>;
  attendance: Array<{ occurrence: string; attendees: number; mine: boolean }>;
  /** In arrival order. */
  registrations: Array<{ user_id: string; status: 'registered' | 'waitlisted' }>;
}

/** A webinar's registration figures as one person sees them, from its registrations in arrival order. */
function registrationFrom(auth: AuthContext, row: MeetingRow, rows: MeetingDetails['registrations']): Registration {
  const waiting = rows.filter((r) => r.status === 'waitlisted');
  const mine = rows.find((r) => r.user_id === auth.userId);
  return {
    status: mine?.status ?? null,
    waitlistPosition: mine?.status === 'waitlisted' ? waiting.findIndex((r) => r.user_id === auth.userId) + 1 : null,
    registered: rows.length - waiting.length,
    waitlisted: waiting.length,
    capacity: row.capacity,
  };
}

/** The rule, ended just before the given occurrence (organiser wall-clock); earlier occurrences are untouched. */
function endedBefore(rrule: string, occurrence: string): string {
  const options = RRule.parseString(rrule);
  const until = DateTime.fromISO(occurrence, { zone: 'utc' }).minus({ seconds: 1 });
  return new RRule({ ...options, count: undefined, until: until.toJSDate() }).toString().replace(/^RRULE:/, '');
}

/**
 * The rule for a series continued from occurrence number `index`: a COUNT shrinks by what already happened,
 * and a single BYDAY follows the new start when it moves to another weekday.
 */
function continuedRule(rrule: string, index: number, oldLocalStart: string, newLocalStart: string): string {
  const options = RRule.parseString(rrule);
  if (options.count) options.count = Math.max(1, options.count - index);
  const oldDay = DateTime.fromISO(oldLocalStart).weekday;
  const newDay = DateTime.fromISO(newLocalStart).weekday;
  const days = Array.isArray(options.byweekday) ? options.byweekday : options.byweekday ? [options.byweekday] : [];
  if (days.length === 1 && oldDay !== newDay) options.byweekday = [RRule.SU, RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA][newDay % 7];
  return new RRule(options).toString().replace(/^RRULE:/, '');
}

/** The reminder to answer, in each recipient's language (the meeting's title and organiser stay as written). */
const RSVP_REMINDER_WORDS: Record<Language, { title: string; body: (organiser: string) => string }> = {
  en: { title: 'Will you attend?', body: (organiser) => `${organiser} asks whether you will come` },
  fr: { title: 'Serez-vous présent ?', body: (organiser) => `${organiser} demande si vous serez présent` },
  es: { title: '¿Asistirá?', body: (organiser) => `${organiser} pregunta si asistirá` },
  ar: { title: 'هل ستحضر؟', body: (organiser) => `يسأل ${organiser} عمّا إذا كنت ستحضر` },
};

/** Meetings and webinars: organiser wall-clock + IANA zone, RRULE series, per-occurrence changes and RSVPs. */
/** Whom a reminder from `senderId` reaches: the people a session concerns who have not answered, the sender aside. */
function awaitingAnswer<P extends { id: string }>(people: P[], answers: ReadonlyMap<string, unknown>, senderId: string): P[] {
  return people.filter((person) => !answers.has(person.id) && person.id !== senderId);
}

@Injectable()
export class MeetingsService {
  constructor(
    private readonly db: DataSource,
    private readonly policy: AccessPolicy,
    private readonly access: MeetingAccess,
    private readonly search: MeetingSearch,
    private readonly notifications: NotificationsService,
    private readonly prepared: PreparedStatements,
    private readonly organisations: OrganisationsService,
    private readonly users: UsersService,
  ) {}

  /**
   * Series expanded for a window lately (the calendar asks for the same month again and again): expanding
   * recurrence rules across time zones was a quarter of the meetings list's time under load. Read-only once made.
   */
  private readonly expanded = new ExpiringCache<string, readonly ScheduledOccurrence[]>(60 * 60 * 1000, 5_000);

  async create(auth: AuthContext, input: CreateMeetingRequest): Promise<Meeting> {
    await this.access.requireOrganiser(auth, input.organiserOrganisationId);
    const durationMinutes = this.durationOf(input.localStart, input.localEnd, input.timeZone);
    this.validateRule(input.localStart, durationMinutes, input.timeZone, input.rrule, true);
    // Ids compared as PostgreSQL does (a UUID in capitals is the same one).
    const invitedOrganisations = new Set(input.invitees.organisationIds.map((id) => id.toLowerCase()));
    if ((await this.organisations.existingIds([...invitedOrganisations])).size !== invitedOrganisations.size) {
      throw new ValidationError('Unknown organisation among invitees', [{ path: 'invitees.organisationIds', message: 'Unknown organisation' }]);
    }
    // People too (someone unknown was accepted, and silently left out).
    const invitedPeople = new Set(input.invitees.userIds.map((id) => id.toLowerCase()));
    if ((await this.users.existingIds([...invitedPeople])).size !== invitedPeople.size) {
      throw new ValidationError('Unknown person among invitees', [{ path: 'invitees.userIds', message: 'Unknown person' }]);
    }
    const id = await this.db.transaction(async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO meetings (organiser_organisation_id, title, description, kind, local_start, duration_minutes, time_zone, rrule,
                               conferencing_url, capacity, network_wide, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          input.organiserOrganisationId, input.title, input.description, input.kind, input.localStart, durationMinutes, input.timeZone,
          input.rrule?.replace(/^RRULE:/i, '') || null, input.conferencingUrl ?? null, input.capacity ?? null, input.networkWide, auth.userId,
        ],
      );
      // One statement per kind of invitee, not one per invitee.
      await manager.query('INSERT INTO meeting_invitees (meeting_id, organisation_id) SELECT $1, unnest($2::uuid[])', [row.id, [...invitedOrganisations]]);
      await manager.query('INSERT INTO meeting_invitees (meeting_id, region_code) SELECT $1, unnest($2::text[])', [row.id, [...new Set(input.invitees.regionCodes)]]);
      await manager.query('INSERT INTO meeting_invitees (meeting_id, user_id) SELECT $1, unnest($2::uuid[])', [row.id, [...invitedPeople]]);
      return row.id as string;
    });
    await this.search.reindex(id);
    await this.announce(auth, id);
    return this.get(auth, id);
  }

  /** Tells everyone the new meeting concerns (except whoever scheduled it), in their own time zone. */
  private async announce(auth: AuthContext, id: string): Promise<void> {
    const [row]: MeetingRow[] = await this.db.query(`${MEETING_SQL} WHERE m.id = $1`, [id]);
    const organiser = (await this.organisations.name(row.organiser_organisation_id)) ?? '';
    const [first] = this.series(row);
    for (const person of await this.access.people(id)) {
      if (person.id === auth.userId) continue;
      const when = DateTime.fromISO(first.start).setZone(person.timeZone).toFormat("cccc d LLLL yyyy, HH:mm (z)");
      await this.notifications.notify(person.id, {
        kind: 'invitation',
        title: `Invitation: ${row.title}`,
        body: `${organiser} · ${when}${row.rrule ? ' · repeats' : ''}`,
        link: `/meetings/${id}`,
        dedupeKey: `invitation:${id}`,
        message: { key: 'meetingInvitation', params: { meeting: row.title, organiser, start: first.start, repeats: row.rrule ? 'yes' : 'no' } },
      });
    }
  }

  /**
   * The occurrences between two instants of every meeting the person sees. The same statements whatever the number
   * of meetings (what each needs is read for all of them at once), and only the window of each series is expanded:
   * expanding whole series, and reading per meeting, cost ~38 ms of CPU per request in the load benchmark.
   */
  async list(auth: AuthContext, from: string, to: string): Promise<MeetingOccurrence[]> {
    const rows = await this.access.visibleRows(auth.userId);
    if (rows.length === 0) return [];
    const fromMs = new Date(from).getTime();
    const toMs = new Date(to).getTime();
    const [details, organisers] = await Promise.all([
      this.details(rows.map((row) => row.id), auth.userId),
      this.organisations.names(rows.map((row) => row.organiser_organisation_id)),
    ]);
    const result: MeetingOccurrence[] = [];
    for (const row of rows) {
      const detail = details.get(row.id) as MeetingDetails;
      const organiser = organisers.get(row.organiser_organisation_id) ?? '';
      for (const occurrence of this.present(auth, row, organiser, this.scheduledBetween(row, detail.changes, fromMs, toMs), detail)) {
        if (new Date(occurrence.end).getTime() > fromMs && new Date(occurrence.start).getTime() < toMs) result.push(occurrence);
      }
    }
    return result.sort((a, b) => a.start.localeCompare(b.start));
  }

  async get(auth: AuthContext, id: string): Promise<Meeting> {
    const { row, scope, resource } = await this.access.authorise(auth, id, 'meeting:read', true);
    const registration = await this.registrationOf(auth, row);
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      kind: row.kind,
      organiserOrganisationId: row.organiser_organisation_id,
      timeZone: row.time_zone,
      rrule: row.rrule,
      conferencingUrl: row.conferencing_url,
      capacity: row.capacity,
      networkWide: row.network_wide,
      cancelled: row.cancelled_at !== null,
      canManage: scope.can('meeting:organise', resource),
      registration,
      occurrences: await this.occurrencesOf(auth, row, registration),
    };
  }

  /** First come, first served up to the capacity; the rest wait in arrival order. Locked per webinar. */
  async register(auth: AuthContext, id: string): Promise<Meeting> {
    const row = await this.access.readable(auth, id);
    if (row.kind !== 'webinar') throw new ConflictError('Only webinars take registrations');
    await this.db.transaction(async (manager) => {
      const [meeting] = await manager.query('SELECT capacity FROM meetings WHERE id = $1 FOR UPDATE', [id]);
      const [existing] = await manager.query('SELECT 1 FROM webinar_registrations WHERE meeting_id = $1 AND user_id = $2', [id, auth.userId]);
      if (existing) return;
      const [{ taken }] = await manager.query(`SELECT count(*)::int AS taken FROM webinar_registrations WHERE meeting_id = $1 AND status = 'registered'`, [id]);
      const status = meeting.capacity === null || taken < meeting.capacity ? 'registered' : 'waitlisted';
      await manager.query('INSERT INTO webinar_registrations (meeting_id, user_id, status) VALUES ($1, $2, $3)', [id, auth.userId, status]);
    });
    return this.get(auth, id);
  }

  /** Leaving frees a seat for the first person waiting. */
  async unregister(auth: AuthContext, id: string): Promise<Meeting> {
    await this.access.readable(auth, id);
    await this.db.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE', [id]);
      // TypeORM answers a DELETE … RETURNING with [rows, affectedCount].
      const [removed]: [Array<{ status: string }>, number] = await manager.query(
        'DELETE FROM webinar_registrations WHERE meeting_id = $1 AND user_id = $2 RETURNING status',
        [id, auth.userId],
      );
      if (removed[0]?.status === 'registered') {
        await manager.query(
          `UPDATE webinar_registrations SET status = 'registered' WHERE (meeting_id, user_id) = (
             SELECT meeting_id, user_id FROM webinar_registrations WHERE meeting_id = $1 AND status = 'waitlisted' ORDER BY created_at LIMIT 1)`,
          [id],
        );
      }
    });
    return this.get(auth, id);
  }

  private async registrationOf(auth: AuthContext, row: MeetingRow): Promise<Registration | null> {
    if (row.kind !== 'webinar') return null;
    return registrationFrom(auth, row, (await this.details([row.id], auth.userId)).get(row.id)?.registrations ?? []);
  }

  /**
   * What the occurrences of these meetings show the person, for all of them in one statement: the changed
   * occurrences, their own RSVPs, attendance counts, and webinar registrations in arrival order.
   */
  private async details(ids: string[], userId: string): Promise<Map<string, MeetingDetails>> {
    const local = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI')`;
    const rows = await this.prepared.query<MeetingDetails & { id: string }>(
      `SELECT m.id,
         (SELECT coalesce(json_agg(json_build_object('occurrence', ${local('c.occurrence_local_start')}, 'cancelled', c.cancelled,
                 'new_local_start', ${local('c.new_local_start')}, 'new_duration_minutes', c.new_duration_minutes)), '[]')
            FROM meeting_occurrence_changes c WHERE c.meeting_id = m.id) AS changes,
         (SELECT coalesce(json_agg(json_build_object('occurrence', ${local('r.occurrence_local_start')}, 'response', r.response)), '[]')
            FROM meeting_rsvps r WHERE r.meeting_id = m.id AND r.user_id = $2) AS rsvps,
         (SELECT coalesce(json_agg(json_build_object('occurrence', a.occurrence, 'attendees', a.attendees, 'mine', a.mine)), '[]')
            FROM (SELECT ${local('occurrence_local_start')} AS occurrence, count(*)::int AS attendees, bool_or(user_id = $2) AS mine
                  FROM meeting_attendance WHERE meeting_id = m.id GROUP BY occurrence_local_start) a) AS attendance,
         (SELECT coalesce(json_agg(json_build_object('user_id', w.user_id, 'status', w.status) ORDER BY w.created_at), '[]')
            FROM webinar_registrations w WHERE w.meeting_id = m.id) AS registrations
       FROM unnest($1::uuid[]) AS m(id)`,
      [ids, userId],
    );
    return new Map(rows.map(({ id, ...detail }) => [id, detail]));
  }

  async cancel(auth: AuthContext, id: string): Promise<void> {
    await this.access.require(auth, id, 'meeting:organise');
    await this.db.query('UPDATE meetings SET cancelled_at = now(), updated_at = now() WHERE id = $1', [id]);
    await this.search.reindex(id);
  }

  async cancelOccurrence(auth: AuthContext, id: string, occurrence: string, scope: 'this' | 'following'): Promise<Meeting> {
    const row = await this.access.require(auth, id, 'occurrence:update');
    const series = this.series(row);
    const index = series.findIndex((o) => o.localStart === occurrence);
    if (index < 0) throw new NotFoundError('That occurrence');
    if (scope === 'following') {
      if (index === 0) {
        await this.cancel(auth, id);
        return this.get(auth, id);
      }
      await this.db.query('UPDATE meetings SET rrule = $2, updated_at = now() WHERE id = $1', [id, endedBefore(row.rrule as string, occurrence)]);
    } else {
      await this.db.query(
        `INSERT INTO meeting_occurrence_changes (meeting_id, occurrence_local_start, cancelled) VALUES ($1, $2, true)
         ON CONFLICT (meeting_id, occurrence_local_start) DO UPDATE SET cancelled = true`,
        [id, occurrence],
      );
    }
    return this.get(auth, id);
  }

  /**
   * Changes this occurrence and all later ones (time, length, title). The series is split the way calendar
   * apps do it: the original ends just before this occurrence, and a new series with the same invitees and
   * agenda takes over from here. Changes already made to later single occurrences of the original are dropped.
   */
  async changeFollowing(auth: AuthContext, id: string, occurrence: string, input: ChangeFollowingRequest): Promise<Meeting> {
    const row = await this.access.require(auth, id, 'occurrence:update');
    const index = this.series(row).findIndex((o) => o.localStart === occurrence);
    if (index < 0) throw new NotFoundError('That occurrence');
    const durationMinutes = this.durationOf(input.localStart, input.localEnd, row.time_zone);
    const rrule = row.rrule ? continuedRule(row.rrule, index, row.local_start, input.localStart) : null;
    this.validateRule(input.localStart, durationMinutes, row.time_zone, rrule);
    const newId = await this.db.transaction(async (manager) => {
      if (index === 0) {
        await manager.query('UPDATE meetings SET local_start = $2, duration_minutes = $3, title = $4, rrule = $5, updated_at = now() WHERE id = $1', [
          id, input.localStart, durationMinutes, input.title ?? row.title, rrule,
        ]);
        await manager.query('DELETE FROM meeting_occurrence_changes WHERE meeting_id = $1', [id]);
        return id;
      }
      await manager.query('UPDATE meetings SET rrule = $2, updated_at = now() WHERE id = $1', [id, endedBefore(row.rrule as string, occurrence)]);
      await manager.query('DELETE FROM meeting_occurrence_changes WHERE meeting_id = $1 AND occurrence_local_start >= $2', [id, occurrence]);
      const [created] = await manager.query(
        `INSERT INTO meetings (organiser_organisation_id, title, description, kind, local_start, duration_minutes, time_zone, rrule,
                               conferencing_url, capacity, network_wide, created_by)
         SELECT organiser_organisation_id, $2, description, kind, $3, $4, time_zone, $5, conferencing_url, capacity, network_wide, $6
         FROM meetings WHERE id = $1 RETURNING id`,
        [id, input.title ?? row.title, input.localStart, durationMinutes, rrule, auth.userId],
      );
      await manager.query(
        `INSERT INTO meeting_invitees (meeting_id, organisation_id, region_code, user_id)
         SELECT $2, organisation_id, region_code, user_id FROM meeting_invitees WHERE meeting_id = $1`,
        [id, created.id],
      );
      await manager.query(
        `INSERT INTO meeting_agenda_items (meeting_id, position, title, presenter, minutes)
         SELECT $2, position, title, presenter, minutes FROM meeting_agenda_items WHERE meeting_id = $1`,
        [id, created.id],
      );
      return created.id as string;
    });
    await this.search.reindex(id);
    if (newId !== id) await this.search.reindex(newId);
    return this.get(auth, newId);
  }

  private durationOf(localStart: string, localEnd: string, timeZone: string): number {
    const start = DateTime.fromISO(localStart, { zone: timeZone });
    const end = DateTime.fromISO(localEnd, { zone: timeZone });
    if (!start.isValid || !end.isValid) throw new ValidationError('Invalid date', [{ path: 'localStart', message: 'Not a real date and time' }]);
    // A wall-clock time skipped when clocks move forward: said as such, not as a length that came out wrong.
    const skipped = [
      { path: 'localStart', message: nonexistentLocalTime(localStart, timeZone) },
      { path: 'localEnd', message: nonexistentLocalTime(localEnd, timeZone) },
    ].filter((detail): detail is { path: string; message: string } => detail.message !== null);
    if (skipped.length > 0) throw new ValidationError(skipped.map((detail) => detail.message).join('; '), skipped);
    const minutes = Math.round(end.diff(start, 'minutes').minutes);
    if (minutes <= 0) throw new ValidationError('The meeting must end after it starts', [{ path: 'localEnd', message: 'Ends before it starts' }]);
    if (minutes > 1440) throw new ValidationError('Too long', [{ path: 'localEnd', message: 'A meeting lasts at most 24 hours' }]);
    return minutes;
  }

  /** `written`: the rule as the organiser sent it (a new series), checked further than one derived from a stored rule. */
  private validateRule(localStart: string, durationMinutes: number, timeZone: string, rrule: string | null | undefined, written = false): void {
    try {
      validateSeries({ localStart, durationMinutes, timeZone, rrule });
      if (written) validateWrittenRule(rrule);
    } catch (error) {
      if (error instanceof RecurrenceError) throw new ValidationError(error.message, [{ path: 'rrule', message: error.message }]);
      throw error;
    }
  }

  async moveOccurrence(auth: AuthContext, id: string, occurrence: string, localStart: string, localEnd: string): Promise<Meeting> {
    const row = await this.access.require(auth, id, 'occurrence:update');
    if (!this.series(row).some((o) => o.localStart === occurrence)) throw new NotFoundError('That occurrence');
    const minutes = this.durationOf(localStart, localEnd, row.time_zone);
    await this.db.query(
      `INSERT INTO meeting_occurrence_changes (meeting_id, occurrence_local_start, new_local_start, new_duration_minutes) VALUES ($1, $2, $3, $4)
       ON CONFLICT (meeting_id, occurrence_local_start) DO UPDATE SET new_local_start = $3, new_duration_minutes = $4, cancelled = false`,
      [id, occurrence, localStart, minutes],
    );
    return this.get(auth, id);
  }

  async rsvp(auth: AuthContext, id: string, occurrence: string, response: 'yes' | 'no' | 'maybe'): Promise<Meeting> {
    const row = await this.answerable(auth, id);
    const current = await this.occurrencesOf(auth, row);
    if (!current.some((o) => o.occurrence === occurrence)) throw new NotFoundError('That occurrence');
    await this.db.query(
      `INSERT INTO meeting_rsvps (meeting_id, occurrence_local_start, user_id, response) VALUES ($1, $2, $3, $4)
       ON CONFLICT (meeting_id, occurrence_local_start, user_id) DO UPDATE SET response = $4, responded_at = now()`,
      [id, occurrence, auth.userId, response],
    );
    return this.get(auth, id);
  }

  /** A meeting the caller reads and can still answer: a cancelled one (still shown to its invitees) says so, 409. */
  private async answerable(auth: AuthContext, id: string): Promise<MeetingRow> {
    const row = await this.access.readable(auth, id, true);
    if (row.cancelled_at) throw new ConflictError('This meeting was cancelled: there is nothing to answer');
    return row;
  }

  /** One answer for every session of the series that is not over yet; past sessions keep what was said then. */
  async rsvpSeries(auth: AuthContext, id: string, response: 'yes' | 'no' | 'maybe', now = Date.now()): Promise<Meeting> {
    const row = await this.answerable(auth, id);
    const coming = (await this.scheduled(row)).filter((o) => new Date(o.end).getTime() >= now).map((o) => o.occurrence);
    if (coming.length === 0) throw new ConflictError('Every session of this meeting is over: there is nothing left to answer');
    await this.db.query(
      `INSERT INTO meeting_rsvps (meeting_id, occurrence_local_start, user_id, response)
       SELECT $1, o::timestamp, $3, $4 FROM unnest($2::text[]) AS o
       ON CONFLICT (meeting_id, occurrence_local_start, user_id) DO UPDATE SET response = $4, responded_at = now()`,
      [id, coming, auth.userId, response],
    );
    return this.get(auth, id);
  }

  /** Who the session concerns and what each answered, by organisation, for those who see who takes part. */
  async guests(auth: AuthContext, id: string, occurrence: string): Promise<GuestList> {
    const row = await this.access.require(auth, id, 'meeting:people');
    await this.currentOccurrence(auth, row, occurrence);
    const [people, answers, lastReminder] = await Promise.all([this.access.people(id, { withOrganisations: true }), this.answersTo(id, occurrence), this.lastReminder(id, occurrence)]);
    const tally = (responses: Array<'yes' | 'no' | 'maybe' | null>): RsvpCounts => ({
      yes: responses.filter((r) => r === 'yes').length,
      maybe: responses.filter((r) => r === 'maybe').length,
      no: responses.filter((r) => r === 'no').length,
      none: responses.filter((r) => r === null).length,
    });
    const byOrganisation = new Map<string | null, GuestList['organisations'][number]['guests']>();
    for (const person of people) {
      const list = byOrganisation.get(person.organisationName) ?? [];
      list.push({ userId: person.id, name: person.name, response: answers.get(person.id) ?? null });
      byOrganisation.set(person.organisationName, list);
    }
    const organisations = [...byOrganisation.entries()]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
      .map(([name, guests]) => ({ name, counts: tally(guests.map((g) => g.response)), guests }));
    // Whom the reader's reminder would reach: the button says this number.
    const toRemind = awaitingAnswer(people, answers, auth.userId).length;
    return { occurrence, counts: tally(people.map((p) => answers.get(p.id) ?? null)), toRemind, organisations, lastReminder };
  }

  /**
   * Reminds everyone the session concerns who has not answered, through their inbox. At most once per session and
   * day in the organiser's zone: a second press that day sends nothing and says when the first went. Each reminder
   * is kept (who sent it, to whom).
   */
  async remindGuests(auth: AuthContext, id: string, occurrence: string, now = Date.now()): Promise<RsvpReminder> {
    const row = await this.access.require(auth, id, 'rsvp:remind');
    const session = await this.currentOccurrence(auth, row, occurrence);
    if (new Date(session.start).getTime() <= now) throw new ConflictError('This session has already started: reminders are for sessions still to come');
    const today = DateTime.fromMillis(now).setZone(row.time_zone).toISODate();
    const answers = await this.answersTo(id, occurrence);
    const pending = awaitingAnswer(await this.access.people(id), answers, auth.userId);
    // The sender's name is kept with the reminder (an account that no longer exists sends nothing).
    const [senderName, organiserName] = await Promise.all([this.users.name(auth.userId), this.organisations.name(row.organiser_organisation_id)]);
    const organiser = organiserName ?? '';
    const inserted: Array<{ created_at: Date; sent_by_name: string }> =
      senderName === null
        ? []
        : await this.db.query(
            `INSERT INTO meeting_rsvp_reminders (meeting_id, occurrence_local_start, sent_on, sent_by, sent_by_name, recipients)
             VALUES ($1, $2, $3, $4, $5, $6::uuid[])
             ON CONFLICT (meeting_id, occurrence_local_start, sent_on) DO NOTHING RETURNING created_at, sent_by_name`,
            [id, occurrence, today, auth.userId, senderName, pending.map((p) => p.id)],
          );
    if (inserted.length === 0) {
      const earlier = await this.lastReminder(id, occurrence);
      if (!earlier) throw new ConflictError('A reminder for this session is being sent: try again in a moment');
      return { ...earlier, alreadySent: true };
    }
    for (const person of pending) {
      const words = RSVP_REMINDER_WORDS[person.preferredLanguage as Language] ?? RSVP_REMINDER_WORDS.en;
      const when = DateTime.fromISO(session.start).setZone(person.timeZone).setLocale(person.preferredLanguage).toLocaleString(DateTime.DATETIME_FULL);
      await this.notifications.notify(person.id, {
        kind: 'invitation',
        title: `${words.title} ${row.title}`,
        body: `${words.body(organiser)} · ${when}`,
        link: `/meetings/${id}`,
        message: { key: 'rsvpReminder', params: { meeting: row.title, organiser, start: session.start } },
        dedupeKey: `rsvp-reminder:${id}:${occurrence}:${today}`,
      });
    }
    return { sentAt: inserted[0].created_at.toISOString(), sentByName: inserted[0].sent_by_name, reminded: pending.length, alreadySent: false };
  }

  private async answersTo(id: string, occurrence: string): Promise<Map<string, 'yes' | 'no' | 'maybe'>> {
    const rows: Array<{ user_id: string; response: 'yes' | 'no' | 'maybe' }> = await this.db.query(
      'SELECT user_id, response FROM meeting_rsvps WHERE meeting_id = $1 AND occurrence_local_start = $2',
      [id, occurrence],
    );
    return new Map(rows.map((r) => [r.user_id, r.response]));
  }

  private async lastReminder(id: string, occurrence: string): Promise<RsvpReminder | null> {
    const [last]: Array<{ created_at: Date; sent_by_name: string; reminded: number }> = await this.db.query(
      `SELECT created_at, sent_by_name, cardinality(recipients) AS reminded FROM meeting_rsvp_reminders
       WHERE meeting_id = $1 AND occurrence_local_start = $2 ORDER BY created_at DESC LIMIT 1`,
      [id, occurrence],
    );
    return last ? { sentAt: last.created_at.toISOString(), sentByName: last.sent_by_name, reminded: Number(last.reminded), alreadySent: false } : null;
  }

  /** Organisers record who attended an occurrence. */
  async recordAttendance(auth: AuthContext, id: string, occurrence: string, userIds: string[]): Promise<Meeting> {
    const row = await this.access.require(auth, id, 'attendance:record');
    await this.currentOccurrence(auth, row, occurrence);
    // Only accounts that exist (unknown ids are left out, as before).
    const known = await this.users.existingIds(userIds);
    await this.db.query(
      `INSERT INTO meeting_attendance (meeting_id, occurrence_local_start, user_id, self_check_in, recorded_by)
       SELECT $1, $2, unnest($3::uuid[]), false, $4
       ON CONFLICT DO NOTHING`,
      [id, occurrence, [...known], auth.userId],
    );
    return this.get(auth, id);
  }

  /** Invitees check themselves in from 15 minutes before the start until the end. */
  async checkIn(auth: AuthContext, id: string, occurrence: string, now = Date.now()): Promise<Meeting> {
    const row = await this.access.readable(auth, id);
    const current = await this.currentOccurrence(auth, row, occurrence);
    if (now < new Date(current.start).getTime() - 15 * 60_000 || now > new Date(current.end).getTime()) {
      throw new ConflictError('Check-in is open from 15 minutes before the meeting until it ends');
    }
    await this.db.query(
      `INSERT INTO meeting_attendance (meeting_id, occurrence_local_start, user_id, self_check_in, recorded_by)
       VALUES ($1, $2, $3, true, $3) ON CONFLICT DO NOTHING`,
      [id, occurrence, auth.userId],
    );
    return this.get(auth, id);
  }

  /**
   * For one organisation, per month: of the occurrences it was invited to (directly or through its region),
   * how many at least one of its members attended. Readable by anyone who may read the organisation.
   */
  async attendanceRates(auth: AuthContext, organisationId: string): Promise<AttendanceRate[]> {
    await this.policy.requireAccess(auth, 'organisation:read', organisationId);
    const [organisations, members] = await Promise.all([this.organisations.summaries([organisationId]), this.organisations.memberIds([organisationId])]);
    const organisation = organisations.get(organisationId);
    const meetings: MeetingRow[] = organisation
      ? await this.db.query(
          `${MEETING_SQL} WHERE m.cancelled_at IS NULL AND EXISTS (
             SELECT 1 FROM meeting_invitees i
             WHERE i.meeting_id = m.id AND (i.organisation_id = $1 OR (i.region_code IS NOT NULL AND i.region_code = $2::text)))`,
          [organisationId, organisation.regionCode],
        )
      : [];
    const attended: Array<{ meeting_id: string; occurrence: string }> = await this.db.query(
      `SELECT DISTINCT a.meeting_id, to_char(a.occurrence_local_start, 'YYYY-MM-DD"T"HH24:MI') AS occurrence
       FROM meeting_attendance a WHERE a.user_id = ANY($1::uuid[])`,
      [members],
    );
    const attendedKeys = new Set(attended.map((a) => `${a.meeting_id}|${a.occurrence}`));
    const byMonth = new Map<string, { invited: number; attended: number }>();
    const now = Date.now();
    for (const row of meetings) {
      const cancelled = new Set((await this.changes(row.id)).filter((c) => c.cancelled).map((c) => c.occurrence));
      for (const occurrence of this.series(row)) {
        if (cancelled.has(occurrence.localStart) || new Date(occurrence.start).getTime() > now) continue;
        const month = occurrence.localStart.slice(0, 7);
        const entry = byMonth.get(month) ?? { invited: 0, attended: 0 };
        entry.invited += 1;
        if (attendedKeys.has(`${row.id}|${occurrence.localStart}`)) entry.attended += 1;
        byMonth.set(month, entry);
      }
    }
    return [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, { invited, attended: count }]) => ({
        month,
        invitedOccurrences: invited,
        attendedOccurrences: count,
        rate: Math.round((count / invited) * 1000) / 1000,
      }));
  }

  /**
   * For dashboards, per organisation over the last `days` days: occurrences held (begun in the window and over by
   * now: one still under way has no attendance recorded yet, and would lower the rate while it lasts) that it
   * organised or was invited to (directly or through its region), and how many of those at least one of its members
   * attended. Batched: three queries here (and two of api-organisations: regions, members) whatever the number of
   * organisations. The caller has already decided who may read these figures.
   */
  async activitySummary(organisationIds: string[], days: number, now = Date.now()): Promise<Map<string, { held: number; attended: number }>> {
    const summary = new Map(organisationIds.map((id) => [id, { held: 0, attended: 0 }]));
    if (organisationIds.length === 0) return summary;
    const since = now - days * 86_400_000;
    // Which of the organisations each meeting concerns, by joins (not a scan of the organisations per meeting); their
    // regions and members come from api-organisations.
    const organisations = [...(await this.organisations.summaries(organisationIds)).values()];
    const meetings: Array<MeetingRow & { concerned: string[] }> = await this.db.query(
      `WITH target AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS t(id, region_code)),
       reach AS (
         SELECT meeting_id, array_agg(DISTINCT organisation_id) AS concerned FROM (
           SELECT m.id AS meeting_id, target.id AS organisation_id FROM meetings m JOIN target ON target.id = m.organiser_organisation_id
           UNION ALL
           SELECT i.meeting_id, target.id FROM meeting_invitees i JOIN target ON target.id = i.organisation_id
           UNION ALL
           SELECT i.meeting_id, target.id FROM meeting_invitees i JOIN target ON target.region_code = i.region_code
         ) x GROUP BY meeting_id)
       ${MEETING_SQL.replace('SELECT m.*,', 'SELECT m.*, reach.concerned,')} JOIN reach ON reach.meeting_id = m.id
       WHERE m.cancelled_at IS NULL AND m.local_start <= now()`,
      [organisations.map((o) => o.id), organisations.map((o) => o.regionCode)],
    );
    if (meetings.length === 0) return summary;
    const ids = meetings.map((m) => m.id);
    const members = await this.organisations.memberships(organisationIds);
    const cancelled: Array<{ meeting_id: string; occurrence: string }> = await this.db.query(
      `SELECT meeting_id, to_char(occurrence_local_start, 'YYYY-MM-DD"T"HH24:MI') AS occurrence
       FROM meeting_occurrence_changes WHERE meeting_id = ANY($1::uuid[]) AND cancelled`,
      [ids],
    );
    const attended: Array<{ organisation_id: string; meeting_id: string; occurrence: string }> = await this.db.query(
      `SELECT DISTINCT ms.organisation_id, a.meeting_id, to_char(a.occurrence_local_start, 'YYYY-MM-DD"T"HH24:MI') AS occurrence
       FROM meeting_attendance a JOIN unnest($2::uuid[], $3::uuid[]) AS ms(organisation_id, user_id) ON ms.user_id = a.user_id
       WHERE a.meeting_id = ANY($1::uuid[])`,
      [ids, members.map((m) => m.organisationId), members.map((m) => m.userId)],
    );
    const cancelledKeys = new Set(cancelled.map((c) => `${c.meeting_id}|${c.occurrence}`));
    const attendedKeys = new Set(attended.map((a) => `${a.organisation_id}|${a.meeting_id}|${a.occurrence}`));
    for (const row of meetings) {
      // Only the window's occurrences are built: series can run for years (expanding them all dominated the dashboard).
      const begun = occurrencesBetween({ localStart: row.local_start, durationMinutes: row.duration_minutes, timeZone: row.time_zone, rrule: row.rrule }, since, now);
      for (const occurrence of begun.filter((candidate) => Date.parse(candidate.end) <= now)) {
        if (cancelledKeys.has(`${row.id}|${occurrence.localStart}`)) continue;
        for (const organisationId of row.concerned) {
          const entry = summary.get(organisationId);
          if (!entry) continue;
          entry.held += 1;
          if (attendedKeys.has(`${organisationId}|${row.id}|${occurrence.localStart}`)) entry.attended += 1;
        }
      }
    }
    return summary;
  }

  async occurrenceExists(auth: AuthContext, row: MeetingRow, occurrence: string): Promise<boolean> {
    return (await this.occurrencesOf(auth, row)).some((o) => o.occurrence === occurrence);
  }

  /** The people a meeting concerns, for those who organise or contribute to it (action-item owners, attendance). */
  async people(auth: AuthContext, id: string): Promise<MeetingPerson[]> {
    await this.access.require(auth, id, 'meeting:people', true);
    return (await this.access.people(id, { withOrganisations: true })).map((person) => ({ userId: person.id, name: person.name, organisationName: person.organisationName }));
  }

  private async currentOccurrence(auth: AuthContext, row: MeetingRow, occurrence: string): Promise<MeetingOccurrence> {
    const found = (await this.occurrencesOf(auth, row)).find((o) => o.occurrence === occurrence);
    if (!found) throw new NotFoundError('That occurrence');
    return found;
  }

  async ics(auth: AuthContext, id: string): Promise<string> {
    const row = await this.access.readable(auth, id, true);
    return meetingsCalendar([await this.icsMeeting(row)], row.title);
  }

  /** Everything the person may see, cancelled meetings included (so calendar apps drop them). */
  async feed(userId: string): Promise<string> {
    const ids = await this.access.visibleIds(userId, { includeCancelled: true });
    const rows: MeetingRow[] = ids.length ? await this.db.query(`${MEETING_SQL} WHERE m.id = ANY($1::uuid[])`, [ids]) : [];
    return meetingsCalendar(await Promise.all(rows.map((row) => this.icsMeeting(row))), 'SIMASHE meetings');
  }

  private async icsMeeting(row: MeetingRow): Promise<IcsMeeting> {
    const changes: ChangeRow[] = await this.changes(row.id);
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      localStart: row.local_start,
      durationMinutes: row.duration_minutes,
      timeZone: row.time_zone,
      rrule: row.rrule,
      conferencingUrl: row.conferencing_url,
      cancelled: row.cancelled_at !== null,
      changes: changes.map((c) => ({ occurrence: c.occurrence, cancelled: c.cancelled, newLocalStart: c.new_local_start, newDurationMinutes: c.new_duration_minutes })),
    };
  }

  private series(row: MeetingRow): Occurrence[] {
    return occurrences({ localStart: row.local_start, durationMinutes: row.duration_minutes, timeZone: row.time_zone, rrule: row.rrule });
  }

  private changes(id: string): Promise<ChangeRow[]> {
    return this.db.query(
      `SELECT to_char(occurrence_local_start, 'YYYY-MM-DD"T"HH24:MI') AS occurrence, cancelled,
              to_char(new_local_start, 'YYYY-MM-DD"T"HH24:MI') AS new_local_start, new_duration_minutes
       FROM meeting_occurrence_changes WHERE meeting_id = $1`,
      [id],
    );
  }

  /** The series as it will happen: cancelled occurrences left out, moved ones at their new time. */
  /** Every occurrence of the meeting with its changes applied (`known`: its changes, when the caller read them). */
  async scheduled(row: MeetingRow, known?: ChangeRow[]): Promise<ScheduledOccurrence[]> {
    const changes = new Map((known ?? (await this.changes(row.id))).map((c) => [c.occurrence, c]));
    return this.series(row).flatMap((original) => {
      const change = changes.get(original.localStart);
      if (change?.cancelled) return [];
      const moved = change?.new_local_start
        ? occurrences({ localStart: change.new_local_start, durationMinutes: change.new_duration_minutes ?? row.duration_minutes, timeZone: row.time_zone })[0]
        : original;
      return [{ ...moved, occurrence: original.localStart, modified: Boolean(change?.new_local_start) }];
    });
  }

  /**
   * The occurrences of a series that may overlap the window [fromMs, toMs): the stretch of the series around it,
   * without the occurrences cancelled or moved, plus the moved ones (wherever they came from). As `scheduled`
   * would give them, filtered to the window by the caller.
   */
  private scheduledBetween(row: MeetingRow, changes: ChangeRow[], fromMs: number, toMs: number): readonly ScheduledOccurrence[] {
    // Keyed by everything the answer is made of, so it needs no invalidation: a changed meeting is another key.
    const key = JSON.stringify([row.local_start, row.duration_minutes, row.time_zone, row.rrule, fromMs, toMs, changes]);
    const known = this.expanded.get(key);
    if (known) return known;
    const scheduled = this.expandBetween(row, changes, fromMs, toMs);
    this.expanded.set(key, scheduled);
    return scheduled;
  }

  private expandBetween(row: MeetingRow, changes: ChangeRow[], fromMs: number, toMs: number): ScheduledOccurrence[] {
    const definition = { localStart: row.local_start, durationMinutes: row.duration_minutes, timeZone: row.time_zone, rrule: row.rrule };
    const changed = new Map(changes.filter((change) => change.cancelled || change.new_local_start).map((change) => [change.occurrence, change]));
    const result = occurrencesBetween(definition, fromMs - row.duration_minutes * 60_000, toMs)
      .filter((original) => !changed.has(original.localStart))
      .map((original) => ({ ...original, occurrence: original.localStart, modified: false }));
    for (const change of changed.values()) {
      if (change.cancelled || !change.new_local_start) continue;
      // Only a change of an occurrence the series has (its wall-clock time is within a day of its instant).
      const at = Date.parse(`${change.occurrence}:00Z`);
      if (!occurrencesBetween(definition, at - 86_400_000, at + 86_400_000).some((original) => original.localStart === change.occurrence)) continue;
      const moved = occurrences({ localStart: change.new_local_start, durationMinutes: change.new_duration_minutes ?? row.duration_minutes, timeZone: row.time_zone })[0];
      result.push({ ...moved, occurrence: change.occurrence, modified: true });
    }
    return result;
  }

  /** Each occurrence as the person sees it; `registration` when the caller already read it. */
  private async occurrencesOf(auth: AuthContext, row: MeetingRow, known?: Registration | null): Promise<MeetingOccurrence[]> {
    const [details, organisers] = await Promise.all([this.details([row.id], auth.userId), this.organisations.names([row.organiser_organisation_id])]);
    const detail = details.get(row.id) as MeetingDetails;
    const organiser = organisers.get(row.organiser_organisation_id) ?? '';
    return this.present(auth, row, organiser, await this.scheduled(row, detail.changes), known === undefined ? detail : { ...detail, registration: known });
  }

  /** `organiser`: the organising organisation's name (api-organisations'). */
  private present(auth: AuthContext, row: MeetingRow, organiser: string, scheduled: readonly ScheduledOccurrence[], detail: MeetingDetails & { registration?: Registration | null }): MeetingOccurrence[] {
    const answer = new Map(detail.rsvps.map((r) => [r.occurrence, r.response]));
    const present = new Map(detail.attendance.map((a) => [a.occurrence, a]));
    const registration = detail.registration !== undefined ? detail.registration : row.kind === 'webinar' ? registrationFrom(auth, row, detail.registrations) : null;
    return scheduled.map((occurrence) => ({
      meetingId: row.id,
      occurrence: occurrence.occurrence,
      title: row.title,
      kind: row.kind,
      organiserOrganisationName: organiser,
      start: occurrence.start,
      end: occurrence.end,
      timeZone: row.time_zone,
      localStart: occurrence.localStart,
      modified: occurrence.modified,
      myRsvp: answer.get(occurrence.occurrence) ?? null,
      attended: present.get(occurrence.occurrence)?.mine ?? false,
      attendees: present.get(occurrence.occurrence)?.attendees ?? 0,
      registration,
    }));
  }
}
