import { UpdateProfileRequestSchema } from './accounts.schema';
import { CreateInvitationRequestSchema, CreateOrganisationRequestSchema } from './organisations.schema';

describe('shared contracts', () => {
  it('normalise emails and reject unknown roles and fields', () => {
    expect(CreateInvitationRequestSchema.parse({ email: ' New.Person@Example.ORG ', role: 'editor' })).toEqual({
      email: 'new.person@example.org',
      role: 'editor',
    });
    expect(CreateInvitationRequestSchema.safeParse({ email: 'a@b.org', role: 'owner' }).success).toBe(false);
    expect(CreateInvitationRequestSchema.safeParse({ email: 'a@b.org', role: 'viewer', admin: true }).success).toBe(false);
  });

  it('accept IANA time zones and reject made-up ones', () => {
    expect(UpdateProfileRequestSchema.safeParse({ timeZone: 'America/Sao_Paulo' }).success).toBe(true);
    const bad = UpdateProfileRequestSchema.safeParse({ timeZone: 'Mars/Olympus_Mons' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].message).toMatch(/IANA/);
    expect(UpdateProfileRequestSchema.safeParse({}).success).toBe(false);
    expect(UpdateProfileRequestSchema.safeParse({ preferredLanguage: 'de' }).success).toBe(false);
  });

  it('require a country for pathfinders and a region for regional offices', () => {
    expect(CreateOrganisationRequestSchema.safeParse({ name: 'Peru pathfinder', kind: 'country_pathfinder' }).success).toBe(false);
    expect(CreateOrganisationRequestSchema.safeParse({ name: 'Office', kind: 'who_regional_office' }).success).toBe(false);
    expect(
      CreateOrganisationRequestSchema.safeParse({ name: 'Peru pathfinder', kind: 'country_pathfinder', countryIso3: 'PER' }).success,
    ).toBe(true);
  });
});
