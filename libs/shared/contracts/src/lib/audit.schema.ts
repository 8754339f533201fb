import { z } from 'zod';
import { TimeZoneSchema, UuidSchema } from './common.schema';
import { CalendarDateSchema } from './cycles.schema';

/**
 * What the audit log records: one action per domain event it listens to (the event's name), see
 * `DomainEvents`. Downloads are recorded only for restricted files.
 */
export const AUDIT_ACTIONS = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.signed_out',
  'invitation.sent',
  'invitation.accepted',
  'member.role_changed',
  'member.removed',
  'partner_grant.added',
  'partner_grant.removed',
  'report.submitted',
  'report.reopened',
  'data.exported',
  'file.downloaded',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditEntrySchema = z.object({
  id: UuidSchema,
  occurredAt: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** Name and email as they were at the time (a failed sign-in has only the email tried). */
  actor: z.object({ userId: UuidSchema.nullable(), name: z.string().nullable(), email: z.string().nullable() }),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  organisation: z.object({ id: UuidSchema, name: z.string().nullable() }).nullable(),
  /** What was acted on: a user, organisation, invitation, report, lesson file… with its name at the time. */
  target: z.object({ type: z.string(), id: z.string(), name: z.string().nullable() }).nullable(),
  /** The rest of what happened, per action (roles from and to, export format and filters, …). */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** Newest first; `nextCursor` fetches the next (older) page, null on the last one. */
export const AuditPageSchema = z.object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPageSchema>;

const AuditFiltersObject = z.strictObject({
  organisationId: UuidSchema.optional(),
  action: z.enum(AUDIT_ACTIONS, { error: () => `Action must be one of: ${AUDIT_ACTIONS.join(', ')}` }).optional(),
  /** Part of the actor's name or email (or of the email tried, for failed sign-ins). */
  actor: z.string().trim().max(200, 'Actor must be at most 200 characters').optional(),
  /** First and last day included, as calendar days in `timeZone`. */
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  timeZone: TimeZoneSchema.default('UTC'),
});
const datesInOrder = (value: { from?: string; to?: string }) => !value.from || !value.to || value.from <= value.to;
const datesMessage = { message: 'The first day must be on or before the last day', path: ['to'] };

export const AuditFiltersSchema = AuditFiltersObject.refine(datesInOrder, datesMessage);
export type AuditFilters = z.infer<typeof AuditFiltersSchema>;

export const AuditQuerySchema = AuditFiltersObject.extend({
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'This page link is not valid; start again from the first page').optional(),
  limit: z.coerce.number().int('Limit must be a whole number').min(1, 'Limit must be at least 1').max(100, 'Limit must be at most 100').default(50),
}).refine(datesInOrder, datesMessage);
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** Whether the caller may read the audit log, and of which organisations (`network`: all of them). */
export const AuditScopeSchema = z.object({
  canRead: z.boolean(),
  network: z.boolean(),
  organisations: z.array(z.object({ id: UuidSchema, name: z.string() })),
});
export type AuditScopeResponse = z.infer<typeof AuditScopeSchema>;
