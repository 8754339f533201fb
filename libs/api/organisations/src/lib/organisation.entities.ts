import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'who_regions' })
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar', length: 5 })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'office_name', type: 'text' })
  officeName!: string;
}

@Entity({ name: 'countries' })
export class CountryEntity {
  @PrimaryColumn({ type: 'char', length: 3 })
  iso3!: string;

  @Column({ type: 'char', length: 2 })
  iso2!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 5 })
  regionCode!: string;
}

@Entity({ name: 'organisations' })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 5, nullable: true })
  regionCode!: string | null;

  @Column({ name: 'country_iso3', type: 'char', length: 3, nullable: true })
  countryIso3!: string | null;

  @Column({ name: 'time_zone', type: 'text', default: 'UTC' })
  timeZone!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'memberships' })
export class MembershipEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'varchar', length: 10 })
  role!: string;

  /** Named as the organisation's representative in the network. */
  @Column({ type: 'boolean', default: false })
  representative!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@Entity({ name: 'invitations' })
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'varchar', length: 10 })
  role!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'accepted_by', type: 'uuid', nullable: true })
  acceptedBy!: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

@Entity({ name: 'access_grants' })
export class AccessGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'grantee_organisation_id', type: 'uuid' })
  granteeOrganisationId!: string;

  @Column({ name: 'resource_type', type: 'varchar', length: 32 })
  resourceType!: string;

  @Column({ name: 'resource_id', type: 'uuid' })
  resourceId!: string;

  @Column({ name: 'granted_by', type: 'uuid', nullable: true })
  grantedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export const ORGANISATION_ENTITIES = [
  RegionEntity,
  CountryEntity,
  OrganisationEntity,
  MembershipEntity,
  InvitationEntity,
  AccessGrantEntity,
];
