import {
  bootTestApp,
  createOrganisation,
  createUser,
  signedInMember,
  signIn,
  TEST_PASSWORD,
  type TestApp,
  type TestClient,
} from '@simashe/api-testing';
import { OrganisationsModule } from './organisations.module';

describe('invitations by one-time link', () => {
  let t: TestApp;
  let kenya: { id: string; name: string };
  let admin: TestClient;

  beforeAll(async () => {
    t = await bootTestApp([OrganisationsModule], { publicUrl: 'http://workspace.test' });
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN' });
    admin = await signedInMember(t, kenya.id, 'admin');
  });
  afterAll(() => t.close());

  const tokenOf = (acceptUrl: string) => acceptUrl.split('/invitations/')[1];

  it('lets a new person accept, set name and password, sign in and see the organisation', async () => {
    const created = await admin.post(`/api/organisations/${kenya.id}/invitations`, { email: 'New.Colleague@Example.org', role: 'editor' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.colleague@example.org', role: 'editor', emailSent: false });
    expect(created.body.acceptUrl).toMatch(/^http:\/\/workspace\.test\/invitations\/[\w-]{40,}$/);
    const token = tokenOf(created.body.acceptUrl);

    const [stored] = await t.db.query('SELECT token_hash FROM invitations WHERE id = $1', [created.body.id]);
    expect(stored.token_hash).not.toContain(token);

    const preview = await t.http().get(`/api/invitations/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ organisationName: kenya.name, email: 'new.colleague@example.org', role: 'editor', accountExists: false });

    const pending = await admin.get(`/api/organisations/${kenya.id}`);
    expect(pending.body.pendingInvitations.map((i: { email: string }) => i.email)).toContain('new.colleague@example.org');

    const accepted = await t.http().post(`/api/invitations/${token}/accept`).send({
      name: 'Njeri Wambui',
      password: 'a-long-enough-password',
      timeZone: 'Africa/Nairobi',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ organisationId: kenya.id, email: 'new.colleague@example.org' });

    const invitee = await signIn(t, 'new.colleague@example.org', 'a-long-enough-password');
    expect(invitee.session.user).toMatchObject({ name: 'Njeri Wambui', timeZone: 'Africa/Nairobi' });
    const list = await invitee.get('/api/organisations');
    expect(list.body.items).toEqual([expect.objectContaining({ id: kenya.id, myRole: 'editor', relation: 'member' })]);
  });

  it('works once: a spent, withdrawn or unknown link is refused with a clear message', async () => {
    const created = await admin.post(`/api/organisations/${kenya.id}/invitations`, { email: 'once@example.org', role: 'viewer' });
    const token = tokenOf(created.body.acceptUrl);
    const body = { name: 'Once', password: 'a-long-enough-password' };
    expect((await t.http().post(`/api/invitations/${token}/accept`).send(body)).status).toBe(200);
    const again = await t.http().post(`/api/invitations/${token}/accept`).send(body);
    expect(again.status).toBe(404);
    expect(again.body.message).toMatch(/no longer valid/);

    const withdrawn = await admin.post(`/api/organisations/${kenya.id}/invitations`, { email: 'withdrawn@example.org', role: 'viewer' });
    expect((await admin.delete(`/api/organisations/${kenya.id}/invitations/${withdrawn.body.id}`)).status).toBe(204);
    expect((await t.http().get(`/api/invitations/${tokenOf(withdrawn.body.acceptUrl)}`)).status).toBe(404);

    expect((await t.http().get(`/api/invitations/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await t.http().get('/api/invitations/short')).status).toBe(400);
  });

  it('replaces an earlier link when the same person is invited again', async () => {
    const first = await admin.post(`/api/organisations/${kenya.id}/invitations`, { email: 'twice@example.org', role: 'viewer' });
    const second = await admin.post(`/api/organisations/${kenya.id}/invitations`, { email: 'twice@example.org', role: 'editor' });
    expect((await t.http().get(`/api/invitations/${tokenOf(first.body.acceptUrl)}`)).status).toBe(404);
    expect((await t.http().get(`/api/invitations/${tokenOf(second.body.acceptUrl)}`)).body.role).toBe('editor');
  });

  it('needs name and password for a new account', async () => {
    const created = await admin.post(`/api/organisations/${kenya.id}/invitations`, { email: 'incomplete@example.org', role: 'viewer' });
    const response = await t.http().post(`/api/invitations/${tokenOf(created.body.acceptUrl)}/accept`).send({ password: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ path: 'password', message: 'Password must be at least 10 characters' }]);
    const noName = await t.http().post(`/api/invitations/${tokenOf(created.body.acceptUrl)}/accept`).send({});
    expect(noName.status).toBe(400);
    expect(noName.body.details.map((d: { path: string }) => d.path)).toEqual(['name', 'password']);
  });

  it('adds an existing account only when that person is signed in', async () => {
    const other = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA' });
    const existing = await createUser(t.db, { memberOf: [{ organisationId: other.id, role: 'admin' }] });
    const created = await admin.post(`/api/organisations/${kenya.id}/invitations`, { email: existing.email, role: 'viewer' });
    const token = tokenOf(created.body.acceptUrl);
    expect((await t.http().get(`/api/invitations/${token}`)).body.accountExists).toBe(true);

    const anonymous = await t.http().post(`/api/invitations/${token}/accept`).send({ name: 'Hijack', password: 'hijacked-password' });
    expect(anonymous.status).toBe(409);
    const someoneElse = await signedInMember(t, other.id, 'viewer');
    expect((await someoneElse.post(`/api/invitations/${token}/accept`, {})).status).toBe(409);

    const owner = await signIn(t, existing.email, TEST_PASSWORD);
    expect((await owner.post(`/api/invitations/${token}/accept`, {})).status).toBe(200);
    const names = (await owner.get('/api/organisations')).body.items.map((o: { id: string }) => o.id).sort();
    expect(names).toEqual([kenya.id, other.id].sort());
  });

  it('refuses to invite someone who is already a member, and bad input', async () => {
    const member = await createUser(t.db, { memberOf: [{ organisationId: kenya.id, role: 'viewer' }] });
    const duplicate = await admin.post(`/api/organisations/${kenya.id}/invitations`, { email: member.email, role: 'editor' });
    expect(duplicate.status).toBe(409);
    const bad = await admin.post(`/api/organisations/${kenya.id}/invitations`, { email: 'nope', role: 'superuser', note: 'hi' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['(body)', 'email', 'role']);
  });
});
