import { z } from 'zod';
import { displayTextSchema, EmailSchema, TimeZoneSchema, UuidSchema } from './common.schema';
import { CountrySchema, RegionCodeSchema, RegionSchema } from './reference.schema';

import { ACCESS_RELATIONS, MEMBER_ROLES, ORGANISATION_KINDS } from './constants';

export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS, {
  error: () => `Kind must be one of: ${ORGANISATION_KINDS.join(', ')}`,
});

export const MemberRoleSchema = z.enum(MEMBER_ROLES, {
  error: () => `Role must be one of: ${MEMBER_ROLES.join(', ')}`,
});


export const OrganisationSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  kind: OrganisationKindSchema,
  region: RegionSchema.nullable(),
  country: CountrySchema.nullable(),
  myRole: MemberRoleSchema.nullable(),
  relation: z.enum(ACCESS_RELATIONS),
  memberCount: z.number().int(),
  /** Where and when the organisation works, for "find a time". */
  timeZone: z.string(),
  workDayStart: z.string(),
  workDayEnd: z.string(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationListSchema = z.object({ items: z.array(OrganisationSchema) });
export type OrganisationList = z.infer<typeof OrganisationListSchema>;

export const ListOrganisationsQuerySchema = z.strictObject({
  relation: z.enum(ACCESS_RELATIONS).optional(),
  kind: OrganisationKindSchema.optional(),
});
export type ListOrganisationsQuery = z.infer<typeof ListOrganisationsQuerySchema>;

export const MemberSchema = z.object({
  userId: UuidSchema,
  name: z.string(),
  email: z.string(),
  role: MemberRoleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

export const PendingInvitationSchema = z.object({
  id: UuidSchema,
  email: z.string(),
  role: MemberRoleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type PendingInvitation = z.infer<typeof PendingInvitationSchema>;

export const PartnerGrantSchema = z.object({
  organisationId: UuidSchema,
  organisationName: z.string(),
  grantedAt: z.string(),
});
export type PartnerGrant = z.infer<typeof PartnerGrantSchema>;

export const OrganisationDetailSchema = OrganisationSchema.extend({
  members: z.array(MemberSchema),
  /** Only filled for admins: the invitations still waiting for an answer. */
  pendingInvitations: z.array(PendingInvitationSchema),
  partnerGrants: z.array(PartnerGrantSchema),
  canManage: z.boolean(),
});
export type OrganisationDetail = z.infer<typeof OrganisationDetailSchema>;

export const ChangeRoleRequestSchema = z.strictObject({ role: MemberRoleSchema });
export type ChangeRoleRequest = z.infer<typeof ChangeRoleRequestSchema>;

export const MemberParamsSchema = z.strictObject({ id: UuidSchema, userId: UuidSchema });

export const CreateInvitationRequestSchema = z.strictObject({
  email: EmailSchema,
  role: MemberRoleSchema,
});
export type CreateInvitationRequest = z.infer<typeof CreateInvitationRequestSchema>;

export const InvitationCreatedSchema = PendingInvitationSchema.extend({
  /** One-time link; shown to the inviter because no mail server is assumed. */
  acceptUrl: z.string(),
  emailSent: z.boolean(),
});
export type InvitationCreated = z.infer<typeof InvitationCreatedSchema>;

export const GrantPartnerRequestSchema = z.strictObject({ partnerOrganisationId: UuidSchema });
export type GrantPartnerRequest = z.infer<typeof GrantPartnerRequestSchema>;
export const PartnerParamsSchema = z.strictObject({ id: UuidSchema, partnerId: UuidSchema });

export const PartnerDirectoryEntrySchema = z.object({ id: UuidSchema, name: z.string() });
export type PartnerDirectoryEntry = z.infer<typeof PartnerDirectoryEntrySchema>;
export const PartnerDirectorySchema = z.object({ items: z.array(PartnerDirectoryEntrySchema) });

/**
 * Every organisation in the network, as anyone signed in may see it: who they are and when they work.
 * Used to invite organisations to meetings and to find a time; members and reports stay private.
 */
export const DirectoryEntrySchema = z.object({
  id: UuidSchema,
  name: z.string(),
  kind: OrganisationKindSchema,
  regionCode: RegionCodeSchema.nullable(),
  timeZone: z.string(),
  workDayStart: z.string(),
  workDayEnd: z.string(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;
export const DirectorySchema = z.object({ items: z.array(DirectoryEntrySchema) });

export const CreateOrganisationRequestSchema = z
  .strictObject({
    name: displayTextSchema('Name', { min: 2, max: 160 }),
    kind: OrganisationKindSchema,
    regionCode: RegionCodeSchema.optional(),
    countryIso3: z
      .string()
      .regex(/^[A-Z]{3}$/, 'Country must be an ISO 3166-1 alpha-3 code such as KEN')
      .optional(),
    timeZone: TimeZoneSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.kind === 'country_pathfinder' && !value.countryIso3) {
      ctx.addIssue({ code: 'custom', path: ['countryIso3'], message: 'A country pathfinder needs its country' });
    }
    if (value.kind === 'who_regional_office' && !value.regionCode) {
      ctx.addIssue({ code: 'custom', path: ['regionCode'], message: 'A regional office needs its WHO region' });
    }
  });
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequestSchema>;

const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:00');

export const UpdateOrganisationRequestSchema = z
  .strictObject({
    timeZone: TimeZoneSchema.optional(),
    workDayStart: ClockTimeSchema.optional(),
    workDayEnd: ClockTimeSchema.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'Provide at least one field to change' })
  .refine((value) => !value.workDayStart || !value.workDayEnd || value.workDayEnd > value.workDayStart, {
    path: ['workDayEnd'],
    message: 'The working day must end after it starts',
  });
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequestSchema>;
