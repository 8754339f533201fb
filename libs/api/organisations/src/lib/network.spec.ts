import { bootTestApp, createOrganisation, createUser, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import type { PublicMembers, SteeringCommittee } from '@simashe/contracts';
import { OrganisationsModule } from './organisations.module';

/** The network directory: member institutions' profiles and representatives, the steering committee, the public page. */
describe('network directory (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let secretariatId: string;
  let secretariatAdmin: TestClient;
  let institutionId: string;
  let institutionAdmin: TestClient;

  beforeAll(async () => {
    t = await bootTestApp([OrganisationsModule]);
    secretariatId = (await createOrganisation(t.db, { kind: 'secretariat', name: 'Network secretariat' })).id;
    secretariatAdmin = await signedInMember(t, secretariatId, 'admin');
    institutionId = (await createOrganisation(t.db, { kind: 'member_institution', name: 'Institute of Equity Data', countryIso3: 'GHA' })).id;
    institutionAdmin = await signedInMember(t, institutionId, 'admin');
  });
  afterAll(() => t.close());

  const publicPage = async (): Promise<PublicMembers> => {
    const response = await t.http().get('/api/public/members');
    expect(response.status).toBe(200);
    return response.body as PublicMembers;
  };

  it('lets an institution’s admin describe it: areas of expertise and a website, shown on the public page without signing in', async () => {
    const saved = await institutionAdmin.patch(`/api/organisations/${institutionId}`, { expertise: ['survey_methods', 'training'], website: 'https://equity-data.example.org' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ expertise: ['survey_methods', 'training'], website: 'https://equity-data.example.org' });
    const listed = (await publicPage()).institutions.find((institution) => institution.id === institutionId);
    expect(listed).toMatchObject({ name: 'Institute of Equity Data', country: { iso3: 'GHA', name: 'Ghana' }, region: { code: 'AFRO' }, expertise: ['survey_methods', 'training'], website: 'https://equity-data.example.org' });
    // Other kinds of organisation are not member institutions.
    expect((await publicPage()).institutions.map((institution) => institution.id)).not.toContain(secretariatId);

    expect((await institutionAdmin.patch(`/api/organisations/${institutionId}`, { website: null })).body.website).toBeNull();
  });

  it('refuses a website that is not an http(s) address, an unknown or repeated area, and a viewer’s change', async () => {
    for (const website of ['javascript:alert(1)', 'equity-data.example.org', `https://${'a'.repeat(300)}.org`]) {
      const refused = await institutionAdmin.patch(`/api/organisations/${institutionId}`, { website });
      expect(refused.status).toBe(400);
      expect(refused.body.details[0].path).toBe('website');
    }
    expect((await institutionAdmin.patch(`/api/organisations/${institutionId}`, { expertise: ['astrology'] })).status).toBe(400);
    const repeated = await institutionAdmin.patch(`/api/organisations/${institutionId}`, { expertise: ['training', 'training'] });
    expect(repeated.status).toBe(400);
    expect(repeated.body.details[0].message).toBe('List each area of expertise once');
    const viewer = await signedInMember(t, institutionId, 'viewer');
    expect((await viewer.patch(`/api/organisations/${institutionId}`, { expertise: ['training'] })).status).toBe(403);
  });

  it('names representatives: only their names reach the public page, never an email', async () => {
    const representative = await createUser(t.db, { name: 'Abena Owusu', memberOf: [{ organisationId: institutionId, role: 'editor' }] });
    const other = await createUser(t.db, { name: 'Not Named', memberOf: [{ organisationId: institutionId, role: 'viewer' }] });
    expect((await institutionAdmin.patch(`/api/organisations/${institutionId}/members/${representative.id}/representative`, { representative: true })).status).toBe(204);
    const detail = await institutionAdmin.get(`/api/organisations/${institutionId}`);
    expect(detail.body.members.find((m: { userId: string }) => m.userId === representative.id).representative).toBe(true);
    expect(detail.body.members.find((m: { userId: string }) => m.userId === other.id).representative).toBe(false);

    const page = await publicPage();
    expect(page.institutions.find((institution) => institution.id === institutionId)?.representatives).toEqual(['Abena Owusu']);
    expect(JSON.stringify(page)).not.toContain('@');

    const editor = await signedInMember(t, institutionId, 'editor');
    expect((await editor.patch(`/api/organisations/${institutionId}/members/${other.id}/representative`, { representative: true })).status).toBe(403);
    const stranger = await createUser(t.db);
    expect((await institutionAdmin.patch(`/api/organisations/${institutionId}/members/${stranger.id}/representative`, { representative: true })).status).toBe(404);
    expect((await institutionAdmin.patch(`/api/organisations/${institutionId}/members/${other.id}/representative`, { representative: 'yes' })).status).toBe(400);
  });

  it('lets secretariat admins appoint and remove steering committee members; everyone signed in sees who serves', async () => {
    const appointee = await createUser(t.db, { name: 'Committee Member', memberOf: [{ organisationId: institutionId, role: 'viewer' }] });
    const appointed = await secretariatAdmin.post('/api/network/steering-committee', { email: appointee.email.toUpperCase() });
    expect(appointed.status).toBe(201);
    expect((appointed.body as SteeringCommittee).items).toEqual([expect.objectContaining({ userId: appointee.id, name: 'Committee Member', organisationName: 'Institute of Equity Data' })]);
    expect((await secretariatAdmin.post('/api/network/steering-committee', { email: appointee.email })).status).toBe(409);
    const unknown = await secretariatAdmin.post('/api/network/steering-committee', { email: 'nobody@example.org' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details[0].path).toBe('email');

    // An institution's admin reads the committee but does not change it.
    const seen = await institutionAdmin.get('/api/network/steering-committee');
    expect(seen.body).toMatchObject({ canManage: false, items: [expect.objectContaining({ userId: appointee.id })] });
    expect((await institutionAdmin.post('/api/network/steering-committee', { email: appointee.email })).status).toBe(403);
    expect((await institutionAdmin.delete(`/api/network/steering-committee/${appointee.id}`)).status).toBe(403);
    expect((await t.http().get('/api/network/steering-committee')).status).toBe(401);

    expect((await publicPage()).steeringCommittee).toEqual([{ name: 'Committee Member', organisationName: 'Institute of Equity Data' }]);
    expect((await secretariatAdmin.delete(`/api/network/steering-committee/${appointee.id}`)).status).toBe(204);
    expect((await secretariatAdmin.delete(`/api/network/steering-committee/${appointee.id}`)).status).toBe(404);
    expect((await publicPage()).steeringCommittee).toEqual([]);
  });

  it('lists the secretariat’s representatives, and needs a country for a new member institution', async () => {
    const named = await createUser(t.db, { name: 'Secretariat Lead', memberOf: [{ organisationId: secretariatId, role: 'editor' }] });
    await secretariatAdmin.patch(`/api/organisations/${secretariatId}/members/${named.id}/representative`, { representative: true });
    expect((await publicPage()).secretariat).toEqual([{ name: 'Secretariat Lead', organisationName: 'Network secretariat' }]);

    const noCountry = await secretariatAdmin.post('/api/organisations', { name: 'Countryless institute', kind: 'member_institution' });
    expect(noCountry.status).toBe(400);
    expect(noCountry.body.details).toEqual([{ path: 'countryIso3', message: 'A member institution needs its country' }]);
    const created = await secretariatAdmin.post('/api/organisations', { name: 'Escuela de Salud Pública', kind: 'member_institution', countryIso3: 'CHL' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'member_institution', country: { iso3: 'CHL' }, expertise: [], website: null });
  });
});
