import { bootTestApp, createOrganisation, createUser, signedInMember, signIn, TEST_PASSWORD, type TestApp, type TestClient } from '@simashe/api-testing';
import type { ApplicationDetail, ApplicationSummary, Call } from '@simashe/contracts';
import { OrganisationsModule } from './organisations.module';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXECUTABLE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const MOTIVATION = 'We monitor health inequalities across districts and would share our survey methods with the network.';

/** The annual open call, end to end: the secretariat opens it, institutions apply, the steering committee scores, the secretariat decides. */
describe('annual open call for member institutions (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let secretariatAdmin: TestClient;
  let secretariatMember: TestClient;
  let kenyanReviewer: TestClient;
  let brazilianReviewer: TestClient;
  let pathfinderAdmin: TestClient;
  let call: Call;

  const application = (overrides: Record<string, unknown> = {}) => ({
    institutionName: 'Nairobi Institute of Equity Data',
    countryIso3: 'KEN',
    website: 'https://equity.example.org',
    expertise: ['survey_methods', 'statistics'],
    contactName: 'Wanjiku Njoroge',
    contactEmail: 'wanjiku@equity.example.org',
    motivation: MOTIVATION,
    ...overrides,
  });
  const apply = (callId: string, fields: unknown, documents: Array<{ data: Buffer; name: string; type: string }> = []) => {
    let request = t.http().post(`/api/public/calls/${callId}/applications`).field('application', JSON.stringify(fields));
    for (const document of documents) request = request.attach('documents', document.data, { filename: document.name, contentType: document.type });
    return request;
  };
  const count = async () => (await t.db.query('SELECT count(*)::int AS n FROM membership_applications'))[0].n as number;

  beforeAll(async () => {
    t = await bootTestApp([OrganisationsModule]);
    const secretariat = await createOrganisation(t.db, { kind: 'secretariat' });
    secretariatAdmin = await signedInMember(t, secretariat.id, 'admin');
    secretariatMember = await signedInMember(t, secretariat.id, 'editor');
    const kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA' });
    pathfinderAdmin = await signedInMember(t, brazil.id, 'admin');
    const kenyan = await createUser(t.db, { memberOf: [{ organisationId: kenya.id, role: 'viewer' }] });
    const brazilian = await createUser(t.db, { memberOf: [{ organisationId: brazil.id, role: 'viewer' }] });
    for (const person of [kenyan, brazilian]) expect((await secretariatAdmin.post('/api/network/steering-committee', { email: person.email })).status).toBe(201);
    kenyanReviewer = await signIn(t, kenyan.email, TEST_PASSWORD);
    brazilianReviewer = await signIn(t, brazilian.email, TEST_PASSWORD);
  });
  afterAll(() => t.close());

  it('lets secretariat admins open a call with criteria and a deadline in their zone, and nobody else', async () => {
    const input = { title: 'Open call 2027', description: 'Institutions that monitor health inequalities.', criteria: [{ label: 'Relevance' }, { label: 'Capacity' }, { label: 'Commitment' }], deadlineLocal: '2099-03-31T17:00', timeZone: 'Africa/Nairobi' };
    expect((await pathfinderAdmin.post('/api/membership-calls', input)).status).toBe(403);
    const impossible = await secretariatAdmin.post('/api/membership-calls', { ...input, deadlineLocal: '2099-02-30T17:00' });
    expect(impossible.status).toBe(400);
    expect(impossible.body.details).toEqual([{ path: 'deadlineLocal', message: 'This deadline is not a date that exists' }]);
    expect((await secretariatAdmin.post('/api/membership-calls', { ...input, deadlineLocal: '2020-01-01T17:00' })).body.details[0].message).toBe('The deadline must be in the future');
    expect((await secretariatAdmin.post('/api/membership-calls', { ...input, criteria: [] })).status).toBe(400);

    const created = await secretariatAdmin.post('/api/membership-calls', input);
    expect(created.status).toBe(201);
    call = created.body as Call;
    expect(call).toMatchObject({ criteria: [{ key: 'c1', label: 'Relevance' }, { key: 'c2', label: 'Capacity' }, { key: 'c3', label: 'Commitment' }], deadlineLocal: '2099-03-31T17:00', deadlineAt: '2099-03-31T14:00:00.000Z', open: true, applicationCount: 0 });
    // The public form finds it without signing in, without the count.
    expect((await t.http().get('/api/public/calls/current')).body).toMatchObject({ id: call.id, applicationCount: null });
    // The steering committee reads the calls; a pathfinder's admin does not know of them.
    expect((await brazilianReviewer.get('/api/membership-calls')).body).toMatchObject({ canManage: false, items: [expect.objectContaining({ id: call.id })] });
    expect((await pathfinderAdmin.get('/api/membership-calls')).status).toBe(404);
  });

  it('takes an application with its documents through the public form, and refuses what is wrong without storing anything', async () => {
    const before = await count();
    const missing = await apply(call.id, application({ institutionName: '', motivation: 'Too short' }));
    expect(missing.status).toBe(400);
    expect(missing.body.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['institutionName', 'motivation']);
    const disguised = await apply(call.id, application(), [{ data: EXECUTABLE, name: 'statutes.pdf', type: 'application/pdf' }]);
    expect(disguised.status).toBe(400);
    expect(disguised.body.details[0]).toEqual({ path: 'documents.0', message: 'The file\u2019s content is not a PDF file'.replace('\u2019', "'") });
    const oversized = await apply(call.id, application(), [{ data: Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), name: 'big.pdf', type: 'application/pdf' }]);
    expect(oversized.status).toBe(413);
    expect((await apply(call.id, 'not json at all')).status).toBe(400);
    expect(await count()).toBe(before);

    const submitted = await apply(call.id, application(), [{ data: PDF, name: 'Statutes.pdf', type: 'application/pdf' }]);
    expect(submitted.status).toBe(201);
    expect(submitted.body.statusUrl).toMatch(/\/join\/status\/[\w-]{20,}$/);
    const token = submitted.body.statusUrl.split('/').pop();
    expect((await t.http().get(`/api/public/applications/${token}`)).body).toMatchObject({ institutionName: 'Nairobi Institute of Equity Data', callTitle: 'Open call 2027', status: 'submitted', decidedAt: null });
    expect((await t.http().get(`/api/public/applications/${'x'.repeat(43)}`)).status).toBe(404);

    const duplicate = await apply(call.id, application({ institutionName: 'NAIROBI INSTITUTE OF EQUITY DATA', contactEmail: 'other@equity.example.org' }));
    expect(duplicate.status).toBe(409);
    expect(await count()).toBe(before + 1);
  });

  it('refuses an application once the deadline has passed', async () => {
    const closing = (await secretariatAdmin.post('/api/membership-calls', { title: 'Closing call', criteria: [{ label: 'Fit' }], deadlineLocal: '2099-01-01T12:00', timeZone: 'UTC' })).body as Call;
    await t.db.query(`UPDATE membership_calls SET deadline_at = now() - interval '1 minute' WHERE id = $1`, [closing.id]);
    const late = await apply(closing.id, application({ institutionName: 'Late institute', contactEmail: 'late@example.org' }));
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('This call is closed: its deadline has passed');
  });

  it('lets steering committee members score each criterion, never for their own country, and only the secretariat decide', async () => {
    const [summary] = ((await secretariatMember.get(`/api/membership-calls/${call.id}/applications`)).body.items as ApplicationSummary[]).filter((item) => item.institutionName === 'Nairobi Institute of Equity Data');
    expect(summary).toMatchObject({ status: 'submitted', reviewCount: 0, averageScore: null, conflict: false });
    // A reviewer who works in Kenya has a conflict of interest with a Kenyan institution.
    const own = await kenyanReviewer.put(`/api/membership-applications/${summary.id}/review`, { scores: { c1: 5, c2: 5, c3: 5 }, comment: 'Excellent' });
    expect(own.status).toBe(403);
    expect(own.body.message).toBe('Only steering committee members review applications, and never one from their own institution or country');
    expect((await kenyanReviewer.get(`/api/membership-applications/${summary.id}`)).body).toMatchObject({ conflict: true, canReview: false });
    // A secretariat member reads but does not score.
    expect((await secretariatMember.put(`/api/membership-applications/${summary.id}/review`, { scores: { c1: 3, c2: 3, c3: 3 } })).status).toBe(403);

    const incomplete = await brazilianReviewer.put(`/api/membership-applications/${summary.id}/review`, { scores: { c1: 4, c9: 2 } });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.details.map((detail: { path: string }) => detail.path).sort()).toEqual(['scores.c2', 'scores.c3', 'scores.c9']);
    expect((await brazilianReviewer.put(`/api/membership-applications/${summary.id}/review`, { scores: { c1: 6, c2: 4, c3: 4 } })).status).toBe(400);
    const scored = await brazilianReviewer.put(`/api/membership-applications/${summary.id}/review`, { scores: { c1: 4, c2: 5, c3: 3 }, comment: 'Strong survey work' });
    expect(scored.status).toBe(200);
    expect(scored.body as ApplicationDetail).toMatchObject({ reviewCount: 1, averageScore: 4, reviewedByMe: true, reviews: [expect.objectContaining({ scores: { c1: 4, c2: 5, c3: 3 }, comment: 'Strong survey work' })], documents: [expect.objectContaining({ name: 'Statutes.pdf', contentType: 'application/pdf' })] });
    const document = (scored.body as ApplicationDetail).documents[0];
    const download = await brazilianReviewer.get(`/api/membership-applications/${summary.id}/documents/${document.id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect((await pathfinderAdmin.get(`/api/membership-applications/${summary.id}/documents/${document.id}`)).status).toBe(404);

    expect((await brazilianReviewer.post(`/api/membership-applications/${summary.id}/decision`, { decision: 'accept' })).status).toBe(403);
  });

  it('makes an accepted institution a member organisation with its first admin invited, in one step; the new admin signs in', async () => {
    const [summary] = ((await secretariatAdmin.get(`/api/membership-calls/${call.id}/applications`)).body.items as ApplicationSummary[]).filter((item) => item.institutionName === 'Nairobi Institute of Equity Data');
    const decided = await secretariatAdmin.post(`/api/membership-applications/${summary.id}/decision`, { decision: 'accept', note: 'Welcome' });
    expect(decided.status).toBe(200);
    expect(decided.body.application).toMatchObject({ status: 'accepted', decision: { note: 'Welcome' }, canDecide: false, canReview: false });
    expect(decided.body.invitation).toMatchObject({ email: 'wanjiku@equity.example.org' });
    const organisationId = decided.body.application.organisationId as string;
    const organisation = await secretariatAdmin.get(`/api/organisations/${organisationId}`);
    expect(organisation.body).toMatchObject({ name: 'Nairobi Institute of Equity Data', kind: 'member_institution', country: { iso3: 'KEN' }, expertise: ['survey_methods', 'statistics'], website: 'https://equity.example.org' });
    expect(organisation.body.pendingInvitations).toEqual([expect.objectContaining({ email: 'wanjiku@equity.example.org', role: 'admin' })]);
    expect((await secretariatAdmin.post(`/api/membership-applications/${summary.id}/decision`, { decision: 'decline' })).status).toBe(409);
    expect((await brazilianReviewer.put(`/api/membership-applications/${summary.id}/review`, { scores: { c1: 1, c2: 1, c3: 1 } })).status).toBe(409);

    const token = (decided.body.invitation.acceptUrl as string).split('/').pop();
    expect((await t.http().post(`/api/invitations/${token}/accept`).send({ name: 'Wanjiku Njoroge', password: 'a-long-password-2027' })).status).toBeLessThan(300);
    const admin = await signIn(t, 'wanjiku@equity.example.org', 'a-long-password-2027');
    expect((await admin.get(`/api/organisations/${organisationId}`)).body).toMatchObject({ myRole: 'admin', relation: 'member' });
    // The institution is on the public members page.
    expect((await t.http().get('/api/public/members')).body.institutions.map((institution: { name: string }) => institution.name)).toContain('Nairobi Institute of Equity Data');
  });

  it('tells an applicant their application was declined', async () => {
    const submitted = await apply(call.id, application({ institutionName: 'Instituto de Datos', countryIso3: 'PER', contactEmail: 'datos@example.org' }));
    const token = submitted.body.statusUrl.split('/').pop();
    const [summary] = ((await secretariatAdmin.get(`/api/membership-calls/${call.id}/applications`)).body.items as ApplicationSummary[]).filter((item) => item.institutionName === 'Instituto de Datos');
    expect((await secretariatAdmin.post(`/api/membership-applications/${summary.id}/decision`, { decision: 'decline', note: 'Not this year' })).body.invitation).toBeNull();
    expect((await t.http().get(`/api/public/applications/${token}`)).body).toMatchObject({ status: 'declined', decidedAt: expect.any(String) });
  });
});
