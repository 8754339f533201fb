import { z } from 'zod';
import { displayTextSchema, TimeZoneSchema, UuidSchema } from './common.schema';
import { RegionCodeSchema } from './reference.schema';

export const MEETING_KINDS = ['action_learning_session', 'webinar', 'intercountry_workshop', 'steering_meeting'] as const;
export const RSVP_RESPONSES = ['yes', 'no', 'maybe'] as const;

/** Meetings repeat at most once a day: HOURLY, MINUTELY or SECONDLY rules made thousands of overlapping occurrences. */
export const RRULE_FREQUENCY_MESSAGE = 'A meeting can repeat daily, weekly, monthly or yearly, not more than once a day';
const SUB_DAILY_FREQUENCY = /(?:^|[;:])\s*FREQ\s*=\s*(?:HOURLY|MINUTELY|SECONDLY)\s*(?:;|$)/i;

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** 2027-02-30T14:00 or 2026-06-01T25:00 match the pattern but name no moment; PostgreSQL refuses them. */
export function isCalendarLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return true; // the pattern check says what is wrong
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return (
    year >= 1900 &&
    year <= 2200 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute
  );
}

const LocalDateTimeSchema = z
  .string()
  .regex(LOCAL_DATE_TIME, 'Use a local date and time such as 2026-03-17T14:00')
  .refine(isCalendarLocalDateTime, 'This date and time does not exist on the calendar (or is before 1900 or after 2200)');

export const CreateMeetingRequestSchema = z
  .strictObject({
    organiserOrganisationId: UuidSchema,
    title: displayTextSchema('Title', { max: 200 }),
    description: z.string().trim().max(5000, 'Description must be at most 5000 characters').default(''),
    kind: z.enum(MEETING_KINDS, { error: () => `Kind must be one of: ${MEETING_KINDS.join(', ')}` }),
    localStart: LocalDateTimeSchema,
    localEnd: LocalDateTimeSchema,
    timeZone: TimeZoneSchema,
    rrule: z
      .string()
      .trim()
      .max(500, 'Recurrence rule is too long')
      .refine((rule) => !SUB_DAILY_FREQUENCY.test(rule), RRULE_FREQUENCY_MESSAGE)
      .optional(),
    conferencingUrl: z
      .url({ protocol: /^https$/, message: 'Conferencing link must be an https:// address' })
      .max(2000, 'Conferencing link is too long')
      .optional(),
    capacity: z.number().int('Capacity must be a whole number').min(0, 'Capacity cannot be negative').max(100000, 'Capacity is too large').optional(),
    networkWide: z.boolean().default(false),
    invitees: z
      .strictObject({
        organisationIds: z.array(UuidSchema).max(200).default([]),
        regionCodes: z.array(RegionCodeSchema).max(6).default([]),
        userIds: z.array(UuidSchema).max(500).default([]),
      })
      .default({ organisationIds: [], regionCodes: [], userIds: [] }),
  })
  .superRefine((value, ctx) => {
    if (value.localEnd <= value.localStart) ctx.addIssue({ code: 'custom', path: ['localEnd'], message: 'The meeting must end after it starts' });
    if (value.networkWide && value.kind !== 'webinar') {
      ctx.addIssue({ code: 'custom', path: ['networkWide'], message: 'Only webinars can be open to the whole network' });
    }
    if (value.capacity !== undefined && value.kind !== 'webinar') {
      ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'Capacity applies to webinars' });
    }
  });
export type CreateMeetingRequest = z.infer<typeof CreateMeetingRequestSchema>;

export const RegistrationSchema = z.object({
  /** The caller's place: registered, on the waiting list (with position), or not registered. */
  status: z.enum(['registered', 'waitlisted']).nullable(),
  waitlistPosition: z.number().int().nullable(),
  registered: z.number().int(),
  waitlisted: z.number().int(),
  capacity: z.number().int().nullable(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const MeetingOccurrenceSchema = z.object({
  meetingId: UuidSchema,
  /** Stable identity: the organiser's original local start. */
  occurrence: z.string(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  organiserOrganisationName: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  localStart: z.string(),
  modified: z.boolean(),
  myRsvp: z.enum(RSVP_RESPONSES).nullable(),
  /** The caller checked in, or was recorded as present. */
  attended: z.boolean(),
  attendees: z.number().int(),
  /** Webinars only. */
  registration: RegistrationSchema.nullable(),
});
export type MeetingOccurrence = z.infer<typeof MeetingOccurrenceSchema>;
export const MeetingOccurrenceListSchema = z.object({ items: z.array(MeetingOccurrenceSchema) });

export const ListMeetingsQuerySchema = z
  .strictObject({
    from: z.iso.datetime({ offset: true, message: 'from must be an ISO date-time' }),
    to: z.iso.datetime({ offset: true, message: 'to must be an ISO date-time' }),
  })
  // Each only when both ends are dates (a malformed one has its own message).
  .refine((value) => !(span(value) > 400 * 86400_000), { path: ['to'], message: 'Ask for at most 400 days at a time' })
  // A reversed range answered an empty calendar, as if nothing were planned.
  .refine((value) => !(span(value) < 0), { path: ['to'], message: 'The date range must end after it starts' });

/** Milliseconds from `from` to `to`; NaN when either is not a date. */
function span(value: { from: string; to: string }): number {
  return new Date(value.to).getTime() - new Date(value.from).getTime();
}

export const MeetingParamsSchema = z.strictObject({ id: UuidSchema });
export const OccurrenceParamsSchema = z.strictObject({
  id: UuidSchema,
  occurrence: LocalDateTimeSchema,
});
export const CancelOccurrenceRequestSchema = z.strictObject({ scope: z.enum(['this', 'following']).default('this') });
export const MoveOccurrenceRequestSchema = z.strictObject({ localStart: LocalDateTimeSchema, localEnd: LocalDateTimeSchema });
export const RsvpRequestSchema = z.strictObject({ response: z.enum(RSVP_RESPONSES, { error: () => 'Answer yes, no or maybe' }) });

export const MeetingSchema = z.object({
  id: UuidSchema,
  title: z.string(),
  description: z.string(),
  kind: z.enum(MEETING_KINDS),
  organiserOrganisationId: UuidSchema,
  timeZone: z.string(),
  rrule: z.string().nullable(),
  conferencingUrl: z.string().nullable(),
  capacity: z.number().nullable(),
  networkWide: z.boolean(),
  cancelled: z.boolean(),
  canManage: z.boolean(),
  registration: RegistrationSchema.nullable(),
  occurrences: z.array(MeetingOccurrenceSchema),
});
export type Meeting = z.infer<typeof MeetingSchema>;

export const RecordAttendanceRequestSchema = z.strictObject({
  userIds: z.array(UuidSchema).min(1, 'Choose at least one person').max(1000, 'Too many people at once'),
});

export const AttendanceRatesQuerySchema = z.strictObject({ organisationId: UuidSchema });

export const AttendanceRateSchema = z.object({
  /** Calendar month, YYYY-MM, of the occurrences. */
  month: z.string(),
  invitedOccurrences: z.number().int(),
  attendedOccurrences: z.number().int(),
  rate: z.number(),
});
export const AttendanceRatesSchema = z.object({ items: z.array(AttendanceRateSchema) });
export type AttendanceRate = z.infer<typeof AttendanceRateSchema>;

/** Changes this occurrence and every later one: the series is split, earlier occurrences stay as they were. */
export const ChangeFollowingRequestSchema = z
  .strictObject({
    localStart: LocalDateTimeSchema,
    localEnd: LocalDateTimeSchema,
    title: displayTextSchema('Title', { max: 200 }).optional(),
  })
  .refine((value) => value.localEnd > value.localStart, { path: ['localEnd'], message: 'The meeting must end after it starts' });
export type ChangeFollowingRequest = z.infer<typeof ChangeFollowingRequestSchema>;

export const AgendaItemInputSchema = z.strictObject({
  title: displayTextSchema('Agenda item title', { max: 300, requiredMessage: 'Each agenda item needs a title' }),
  presenter: z.string().trim().max(200, 'Presenter is at most 200 characters').default(''),
  minutes: z.number().int('Minutes are whole numbers').min(1, 'Allot at least 1 minute').max(600, 'Allot at most 600 minutes'),
});
/** The whole agenda, in order: saving replaces it, so reordering is just sending a new order. */
export const ReplaceAgendaRequestSchema = z.strictObject({
  items: z.array(AgendaItemInputSchema).max(100, 'At most 100 agenda items'),
});
export type ReplaceAgendaRequest = z.infer<typeof ReplaceAgendaRequestSchema>;

export const AgendaItemSchema = z.object({
  id: UuidSchema,
  position: z.number().int(),
  title: z.string(),
  presenter: z.string(),
  minutes: z.number().int(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;
export const AgendaSchema = z.object({ items: z.array(AgendaItemSchema), totalMinutes: z.number().int() });
export type Agenda = z.infer<typeof AgendaSchema>;

export const MinutesSchema = z.object({
  /** The collaboration document id (kind "meeting_minutes"). */
  documentId: UuidSchema,
  meetingId: UuidSchema,
  occurrence: z.string(),
  access: z.enum(['edit', 'read']),
});
export type Minutes = z.infer<typeof MinutesSchema>;

export const ActionItemSchema = z.object({
  /** Null for items written before items had ids; such an item cannot be cited as evidence until it is next edited. */
  itemId: UuidSchema.nullable(),
  minutesId: UuidSchema,
  occurrence: z.string(),
  text: z.string(),
  ownerId: UuidSchema.nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  done: z.boolean(),
});
export type ActionItem = z.infer<typeof ActionItemSchema>;
export const ActionItemListSchema = z.object({ items: z.array(ActionItemSchema) });

export const MeetingPersonSchema = z.object({ userId: UuidSchema, name: z.string(), organisationName: z.string().nullable() });
export type MeetingPerson = z.infer<typeof MeetingPersonSchema>;
/** Who a meeting concerns: candidates for action-item owners and attendance records. */
export const MeetingPeopleSchema = z.object({ items: z.array(MeetingPersonSchema) });

/** One answer for every session of a series still to come (sessions already over keep their answers). */
export const SeriesRsvpRequestSchema = z.strictObject({ response: z.enum(RSVP_RESPONSES, { error: () => 'Answer yes, no or maybe' }) });
export type SeriesRsvpRequest = z.infer<typeof SeriesRsvpRequestSchema>;

export const RsvpCountsSchema = z.object({ yes: z.number().int(), maybe: z.number().int(), no: z.number().int(), none: z.number().int() });
export type RsvpCounts = z.infer<typeof RsvpCountsSchema>;
export const GuestSchema = z.object({ userId: UuidSchema, name: z.string(), response: z.enum(RSVP_RESPONSES).nullable() });
export type Guest = z.infer<typeof GuestSchema>;
export const RsvpReminderSchema = z.object({
  /** When it was sent and by whom (at most once per session and day). */
  sentAt: z.string(),
  sentByName: z.string(),
  /** How many people who had not answered it reached. */
  reminded: z.number().int(),
  /** True when today's reminder had already gone: nothing new was sent. */
  alreadySent: z.boolean(),
});
export type RsvpReminder = z.infer<typeof RsvpReminderSchema>;
/** Who is coming to one session, by organisation, with counts; the last reminder to those who have not answered. */
export const GuestListSchema = z.object({
  occurrence: z.string(),
  counts: RsvpCountsSchema,
  /** How many a reminder from the reader would reach: those who have not answered, the reader aside. */
  toRemind: z.number().int().nonnegative(),
  organisations: z.array(z.object({ name: z.string().nullable(), counts: RsvpCountsSchema, guests: z.array(GuestSchema) })),
  lastReminder: RsvpReminderSchema.nullable(),
});
export type GuestList = z.infer<typeof GuestListSchema>;
