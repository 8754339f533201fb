import { z } from 'zod';
import { displayTextSchema, EmailSchema, TimeZoneSchema, UuidSchema } from './common.schema';
import { CountrySchema, RegionCodeSchema, RegionSchema } from './reference.schema';

import { ACCESS_RELATIONS, EXPERTISE_AREAS, MEMBER_ROLES, ORGANISATION_KINDS } from './constants';

export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS, {
  error: () => `Kind must be one of: ${ORGANISATION_KINDS.join(', ')}`,
});

export const ExpertiseAreaSchema = z.enum(EXPERTISE_AREAS, {
  error: () => `Area of expertise must be one of: ${EXPERTISE_AREAS.join(', ')}`,
});

/** A public web address: http or https only, so a link in the directory can never run script. */
export const WebsiteSchema = z
  .string()
  .trim()
  .max(300, 'The website address can be at most 300 characters')
  // No quotes or backquotes either: the address may end up in an attribute written by hand (an e-mail, an export).
  .regex(/^https?:\/\/[^\s<>"'`]+\.[^\s<>"'`]+$/i, 'Give the website as a full address starting with https://');

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
  /** What the institution offers the network (member institutions above all). */
  expertise: z.array(ExpertiseAreaSchema),
  website: z.string().nullable(),
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
  /** Named as the organisation's representative in the network (shown on the public members page). */
  representative: z.boolean(),
});
export type Member = z.infer<typeof MemberSchema>;

export const SetRepresentativeRequestSchema = z.strictObject({ representative: z.boolean({ error: 'representative must be true or false' }) });
export type SetRepresentativeRequest = z.infer<typeof SetRepresentativeRequestSchema>;

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
    if (value.kind === 'member_institution' && !value.countryIso3) {
      ctx.addIssue({ code: 'custom', path: ['countryIso3'], message: 'A member institution needs its country' });
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
    expertise: z
      .array(ExpertiseAreaSchema)
      .max(EXPERTISE_AREAS.length)
      .refine((areas) => new Set(areas).size === areas.length, 'List each area of expertise once')
      .optional(),
    /** null removes it. */
    website: WebsiteSchema.nullable().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'Provide at least one field to change' })
  .refine((value) => !value.workDayStart || !value.workDayEnd || value.workDayEnd > value.workDayStart, {
    path: ['workDayEnd'],
    message: 'The working day must end after it starts',
  });
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequestSchema>;

/** The network as anyone may see it, signed in or not: its member institutions, secretariat and steering committee. */
export const PublicPersonSchema = z.object({ name: z.string(), organisationName: z.string().nullable() });
export type PublicPerson = z.infer<typeof PublicPersonSchema>;
export const PublicInstitutionSchema = z.object({
  id: UuidSchema,
  name: z.string(),
  country: CountrySchema.nullable(),
  region: RegionSchema.nullable(),
  expertise: z.array(ExpertiseAreaSchema),
  website: z.string().nullable(),
  /** Only the names of the members the institution named as its representatives; never an email. */
  representatives: z.array(z.string()),
});
export type PublicInstitution = z.infer<typeof PublicInstitutionSchema>;
export const PublicMembersSchema = z.object({
  institutions: z.array(PublicInstitutionSchema),
  secretariat: z.array(PublicPersonSchema),
  steeringCommittee: z.array(PublicPersonSchema),
});
export type PublicMembers = z.infer<typeof PublicMembersSchema>;

/** The steering committee as the network's members manage it (secretariat admins change it). */
export const SteeringCommitteeMemberSchema = z.object({
  userId: UuidSchema,
  name: z.string(),
  email: z.string(),
  organisationName: z.string().nullable(),
  addedAt: z.string(),
});
export type SteeringCommitteeMember = z.infer<typeof SteeringCommitteeMemberSchema>;
export const SteeringCommitteeSchema = z.object({ items: z.array(SteeringCommitteeMemberSchema), canManage: z.boolean() });
export type SteeringCommittee = z.infer<typeof SteeringCommitteeSchema>;
export const AddSteeringCommitteeMemberRequestSchema = z.strictObject({ email: EmailSchema });
export type AddSteeringCommitteeMemberRequest = z.infer<typeof AddSteeringCommitteeMemberRequestSchema>;
export const SteeringCommitteeParamsSchema = z.strictObject({ userId: UuidSchema });
