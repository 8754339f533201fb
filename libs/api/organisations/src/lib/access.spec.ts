import {
  bootTestApp,
  createOrganisation,
  signedInMember,
  type TestApp,
  type TestClient,
} from '@simashe/api-testing';
import { OrganisationsModule } from './organisations.module';

/** The access rules, per role, through the real HTTP API on a real database. */
describe('organisation access rules', () => {
  let t: TestApp;
  const org: Record<string, { id: string; name: string }> = {};

  beforeAll(async () => {
    t = await bootTestApp([OrganisationsModule]);
    org['kenya'] = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    org['ghana'] = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana pathfinder' });
    org['brazil'] = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil pathfinder' });
    org['afro'] = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'AFRO', name: 'AFRO office' });
    org['amro'] = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'AMRO', name: 'AMRO office' });
    org['secretariat'] = await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' });
    org['partner'] = await createOrganisation(t.db, { kind: 'core_partner', name: 'Partner institute' });
    org['otherPartner'] = await createOrganisation(t.db, { kind: 'core_partner', name: 'Other partner' });
  });
  afterAll(() => t.close());

  const visibleNames = async (client: TestClient, query = '') =>
    ((await client.get(`/api/organisations${query}`)).body.items as Array<{ name: string }>).map((o) => o.name).sort();

  describe('a member of country A', () => {
    let kenyaAdmin: TestClient;
    beforeAll(async () => {
      kenyaAdmin = await signedInMember(t, org['kenya'].id, 'admin');
      await signedInMember(t, org['brazil'].id, 'admin');
    });

    it('sees only its own organisation', async () => {
      expect(await visibleNames(kenyaAdmin)).toEqual(['Kenya pathfinder']);
      const own = await kenyaAdmin.get(`/api/organisations/${org['kenya'].id}`);
      expect(own.status).toBe(200);
      expect(own.body).toMatchObject({ relation: 'member', myRole: 'admin', canManage: true, country: { iso3: 'KEN' } });
    });

    it('cannot read country B, nor learn that it exists (404)', async () => {
      const response = await kenyaAdmin.get(`/api/organisations/${org['brazil'].id}`);
      expect(response.status).toBe(404);
      expect(response.body.id).toBe('not_found');
    });

    it("cannot change country B's members, invitations or partners", async () => {
      const [brazilMember] = await t.db.query('SELECT user_id FROM memberships WHERE organisation_id = $1', [org['brazil'].id]);
      expect((await kenyaAdmin.patch(`/api/organisations/${org['brazil'].id}/members/${brazilMember.user_id}`, { role: 'viewer' })).status).toBe(404);
      expect((await kenyaAdmin.delete(`/api/organisations/${org['brazil'].id}/members/${brazilMember.user_id}`)).status).toBe(404);
      expect((await kenyaAdmin.post(`/api/organisations/${org['brazil'].id}/invitations`, { email: 'spy@example.org', role: 'admin' })).status).toBe(404);
      expect((await kenyaAdmin.post(`/api/organisations/${org['brazil'].id}/partners`, { partnerOrganisationId: org['partner'].id })).status).toBe(404);
      const [{ role }] = await t.db.query('SELECT role FROM memberships WHERE user_id = $1', [brazilMember.user_id]);
      expect(role).toBe('admin');
    });

    it('as editor or viewer reads its organisation but cannot manage it (403)', async () => {
      for (const role of ['editor', 'viewer'] as const) {
        const member = await signedInMember(t, org['kenya'].id, role);
        expect((await member.get(`/api/organisations/${org['kenya'].id}`)).body).toMatchObject({ myRole: role, canManage: false });
        const invite = await member.post(`/api/organisations/${org['kenya'].id}/invitations`, { email: 'x@example.org', role: 'viewer' });
        expect(invite.status).toBe(403);
        expect(invite.body.id).toBe('forbidden');
        expect((await member.patch(`/api/organisations/${org['kenya'].id}/members/${kenyaAdmin.userId}`, { role: 'viewer' })).status).toBe(403);
      }
    });
  });

  describe('a regional office', () => {
    it("reads its region's pathfinders and not another region's", async () => {
      const afro = await signedInMember(t, org['afro'].id, 'editor');
      expect(await visibleNames(afro, '?relation=regional_office')).toEqual(['Ghana pathfinder', 'Kenya pathfinder']);
      expect(await visibleNames(afro)).toEqual(['AFRO office', 'Ghana pathfinder', 'Kenya pathfinder']);
      expect((await afro.get(`/api/organisations/${org['kenya'].id}`)).body).toMatchObject({ relation: 'regional_office', canManage: false });
      expect((await afro.get(`/api/organisations/${org['brazil'].id}`)).status).toBe(404);
      expect((await afro.get(`/api/organisations/${org['amro'].id}`)).status).toBe(404);
    });

    it('reads but cannot change the pathfinders of its region', async () => {
      const afroAdmin = await signedInMember(t, org['afro'].id, 'admin');
      const invite = await afroAdmin.post(`/api/organisations/${org['kenya'].id}/invitations`, { email: 'y@example.org', role: 'viewer' });
      expect(invite.status).toBe(403);
    });
  });

  describe('a core partner', () => {
    it('sees nothing it was not invited to, then exactly what it is granted', async () => {
      const partner = await signedInMember(t, org['partner'].id, 'viewer');
      expect(await visibleNames(partner)).toEqual(['Partner institute']);
      for (const key of ['kenya', 'ghana', 'afro', 'secretariat', 'otherPartner']) {
        expect((await partner.get(`/api/organisations/${org[key].id}`)).status).toBe(404);
      }

      const kenyaAdmin = await signedInMember(t, org['kenya'].id, 'admin');
      expect((await kenyaAdmin.post(`/api/organisations/${org['kenya'].id}/partners`, { partnerOrganisationId: org['partner'].id })).status).toBe(204);
      expect(await visibleNames(partner)).toEqual(['Kenya pathfinder', 'Partner institute']);
      expect((await partner.get(`/api/organisations/${org['kenya'].id}`)).body).toMatchObject({ relation: 'partner_grant', canManage: false });
      expect((await partner.get(`/api/organisations/${org['ghana'].id}`)).status).toBe(404);
      const otherPartner = await signedInMember(t, org['otherPartner'].id, 'admin');
      expect((await otherPartner.get(`/api/organisations/${org['kenya'].id}`)).status).toBe(404);

      expect((await kenyaAdmin.delete(`/api/organisations/${org['kenya'].id}/partners/${org['partner'].id}`)).status).toBe(204);
      expect((await partner.get(`/api/organisations/${org['kenya'].id}`)).status).toBe(404);
    });

    it('cannot be granted access to itself', async () => {
      const partnerAdmin = await signedInMember(t, org['partner'].id, 'admin');
      const self = await partnerAdmin.post(`/api/organisations/${org['partner'].id}/partners`, { partnerOrganisationId: org['partner'].id });
      expect(self.status).toBe(400);
      expect(self.body.message).toBe('An organisation cannot be granted access to itself');
    });

    it('can only be granted when it really is a core partner', async () => {
      const kenyaAdmin = await signedInMember(t, org['kenya'].id, 'admin');
      const response = await kenyaAdmin.post(`/api/organisations/${org['kenya'].id}/partners`, { partnerOrganisationId: org['brazil'].id });
      expect(response.status).toBe(404);
    });
  });

  describe('the secretariat', () => {
    it('reads every organisation; its admins manage them', async () => {
      const viewer = await signedInMember(t, org['secretariat'].id, 'viewer');
      const names = await visibleNames(viewer);
      expect(names).toEqual(expect.arrayContaining(['Brazil pathfinder', 'Kenya pathfinder', 'Partner institute', 'AMRO office']));
      expect((await viewer.get(`/api/organisations/${org['brazil'].id}`)).body).toMatchObject({ relation: 'secretariat', canManage: false });
      const admin = await signedInMember(t, org['secretariat'].id, 'admin');
      expect((await admin.get(`/api/organisations/${org['brazil'].id}`)).body.canManage).toBe(true);
    });
  });

  describe('roles', () => {
    it('admins change roles; the last admin can be neither demoted nor removed', async () => {
      const solo = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'PER' });
      const admin = await signedInMember(t, solo.id, 'admin');
      const editor = await signedInMember(t, solo.id, 'editor');

      const demote = await admin.patch(`/api/organisations/${solo.id}/members/${admin.userId}`, { role: 'editor' });
      expect(demote.status).toBe(409);
      expect(demote.body.message).toMatch(/at least one admin/);
      expect((await admin.delete(`/api/organisations/${solo.id}/members/${admin.userId}`)).status).toBe(409);

      expect((await admin.patch(`/api/organisations/${solo.id}/members/${editor.userId}`, { role: 'admin' })).status).toBe(204);
      expect((await admin.patch(`/api/organisations/${solo.id}/members/${admin.userId}`, { role: 'viewer' })).status).toBe(204);
      const detail = await editor.get(`/api/organisations/${solo.id}`);
      const roles = Object.fromEntries(detail.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role]));
      expect(roles).toEqual({ [admin.userId]: 'viewer', [editor.userId]: 'admin' });
    });

    it('two admins demoting each other at once leave one admin behind', async () => {
      const pair = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'CHL' });
      const a = await signedInMember(t, pair.id, 'admin');
      const b = await signedInMember(t, pair.id, 'admin');
      const results = await Promise.all([
        a.patch(`/api/organisations/${pair.id}/members/${a.userId}`, { role: 'viewer' }),
        b.patch(`/api/organisations/${pair.id}/members/${b.userId}`, { role: 'viewer' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
      const [{ admins }] = await t.db.query(`SELECT count(*)::int AS admins FROM memberships WHERE organisation_id = $1 AND role = 'admin'`, [pair.id]);
      expect(admins).toBe(1);
    });

    it('rejects unknown roles and malformed ids with 400', async () => {
      const admin = await signedInMember(t, org['kenya'].id, 'admin');
      const badRole = await admin.patch(`/api/organisations/${org['kenya'].id}/members/${admin.userId}`, { role: 'owner' });
      expect(badRole.status).toBe(400);
      expect(badRole.body.details[0]).toEqual({ path: 'role', message: 'Role must be one of: admin, editor, viewer' });
      expect((await admin.get('/api/organisations/not-a-uuid')).status).toBe(400);
      expect((await admin.get('/api/organisations?relation=everything')).status).toBe(400);
    });
  });
});
