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

/** Browser and operating system read from a session's user agent; null when it names neither (e.g. a script). */
export const SessionDeviceSchema = z.object({
  browser: z.string().nullable(),
  os: z.string().nullable(),
  mobile: z.boolean(),
});
export type SessionDevice = z.infer<typeof SessionDeviceSchema>;

export const SessionInfoSchema = z.object({
  id: UuidSchema,
  userAgent: z.string().nullable(),
  device: SessionDeviceSchema,
  /** The address the session was last used from. */
  ip: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The session making this request. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const SessionListSchema = z.object({ items: z.array(SessionInfoSchema) });
export type SessionList = z.infer<typeof SessionListSchema>;

export const OtherSessionsRevokedSchema = z.object({ revoked: z.number().int() });
export type OtherSessionsRevoked = z.infer<typeof OtherSessionsRevokedSchema>;

export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string({ error: 'Current password is required' }).min(1, 'Current password is required').max(200, 'Password must be at most 200 characters'),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

export const ForgotPasswordRequestSchema = z.strictObject({ email: EmailSchema });
export type ForgotPasswordRequest = z.infer<typeof ForgotPasswordRequestSchema>;

/** The same answer whether or not an account has this email, so the form does not reveal who has one. */
export const ForgotPasswordResponseSchema = z.object({ message: z.string() });
export type ForgotPasswordResponse = z.infer<typeof ForgotPasswordResponseSchema>;

export const PasswordResetTokenSchema = z
  .string({ error: 'The reset link is required' })
  .regex(/^[A-Za-z0-9_-]{20,100}$/, 'Password reset link is malformed; copy the whole link from the email');

export const PasswordResetTokenParamsSchema = z.strictObject({ token: PasswordResetTokenSchema });

export const PasswordResetPreviewSchema = z.object({ expiresAt: z.string() });
export type PasswordResetPreview = z.infer<typeof PasswordResetPreviewSchema>;

export const ResetPasswordRequestSchema = z.strictObject({
  token: PasswordResetTokenSchema,
  newPassword: NewPasswordSchema,
});
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;

/** The account whose password was set, so the sign-in form can be filled in. */
export const PasswordResetDoneSchema = z.object({ email: z.string() });
export type PasswordResetDone = z.infer<typeof PasswordResetDoneSchema>;
