import { z } from 'zod';
import {
  EmailSchema,
  LanguageSchema,
  NewPasswordSchema,
  PersonNameSchema,
  TimeZoneSchema,
  UuidSchema,
} from './common.schema';
import { MemberRoleSchema } from './organisations.schema';

export const LoginRequestSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1, 'Password is required').max(200, 'Password must be at most 200 characters'),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const CurrentUserSchema = z.object({
  id: UuidSchema,
  email: z.string(),
  name: z.string(),
  preferredLanguage: LanguageSchema,
  timeZone: z.string(),
  /** Minutes before a meeting starts at which to remind this person. */
  reminderMinutes: z.array(z.number().int()),
  emailReminders: z.boolean(),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const SessionResponseSchema = z.object({
  user: CurrentUserSchema,
  /** Echo in the X-CSRF-Token header of every state-changing request. */
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const UpdateProfileRequestSchema = z
  .strictObject({
    name: PersonNameSchema.optional(),
    preferredLanguage: LanguageSchema.optional(),
    timeZone: TimeZoneSchema.optional(),
    reminderMinutes: z
      .array(z.number().int('Reminder times are whole minutes').min(1, 'A reminder comes at least 1 minute before').max(10080, 'A reminder comes at most a week before'))
      .max(5, 'At most 5 reminders')
      .refine((values) => new Set(values).size === values.length, 'Each reminder time once')
      .optional(),
    emailReminders: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'Provide at least one field to change' });
export type UpdateProfileRequest = z.infer<typeof UpdateProfileRequestSchema>;

export const InvitationTokenParamsSchema = z.strictObject({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, 'Invitation link is malformed; copy the whole link from the invitation'),
});

export const InvitationPreviewSchema = z.object({
  organisationName: z.string(),
  email: z.string(),
  role: MemberRoleSchema,
  expiresAt: z.string(),
  /** True when an account with this email exists: accept by signing in instead of creating one. */
  accountExists: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const AcceptInvitationRequestSchema = z.strictObject({
  name: PersonNameSchema.optional(),
  password: NewPasswordSchema.optional(),
  preferredLanguage: LanguageSchema.optional(),
  timeZone: TimeZoneSchema.optional(),
});
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequestSchema>;

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ status: z.enum(['up', 'down']), latencyMs: z.number().nullable() }),
  version: z.string(),
  /** The demo workspace is loaded: the sign-in page may show the demo accounts. */
  demoWorkspace: z.boolean(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
