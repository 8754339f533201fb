import { CyclesModule } from '@simashe/api-cycles';
import { bootTestApp, createOrganisation, createUser, TEST_PASSWORD, TestClient, type TestApp } from '@simashe/api-testing';
import type { AuditEntry, AuditPage, SessionResponse } from '@simashe/contracts';
import { parse } from 'csv-parse/sync';
import { AuditModule } from './audit.module';

type Call = ReturnType<TestClient['request']>;

describe('audit log', () => {
  let t: TestApp;
  const started = new Date();
  const ids: Record<string, string> = {};
  const people: Record<string, { id: string; email: string }> = {};
  let kenyaAdmin: TestClient;
  let kenyaEditor: TestClient;
  let ghanaAdmin: TestClient;
  let secretariatAdmin: TestClient;

  /** Every request of a person comes from one address, through the proxy Express trusts (loopback). */
  const from = (client: TestClient, ip: string) => {
    const call = (method: 'get' | 'post' | 'put' | 'patch' | 'delete', path: string): Call =>
      client.request(method, path).set('X-Forwarded-For', ip).set('User-Agent', `AuditSpec/1.0 (${ip})`);
    return {
      get: (path: string) => call('get', path),
      post: (path: string, body: object = {}) => call('post', path).send(body),
      put: (path: string, body: object) => call('put', path).send(body),
      patch: (path: string, body: object) => call('patch', path).send(body),
      delete: (path: string) => call('delete', path),
      upload: (path: string, name: string) => call('post', path).attach('file', Buffer.from('Minutes of the committee\n'), { filename: name, contentType: 'text/plain' }),
    };
  };

  async function signInFrom(email: string, ip: string): Promise<TestClient> {
    const response = await t.http().post('/api/auth/login').set('X-Forwarded-For', ip).set('User-Agent', `AuditSpec/1.0 (${ip})`).send({ email, password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    return new TestClient(t, response.body as SessionResponse, cookie);
  }

  async function log(client: TestClient, query = ''): Promise<AuditEntry[]> {
    const response = await client.get(`/api/audit?limit=100${query}`);
    expect(response.status).toBe(200);
    return (response.body as AuditPage).items;
  }

  beforeAll(async () => {
    t = await bootTestApp([AuditModule, CyclesModule]);
    const kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    const ghana = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana pathfinder' });
    const partner = await createOrganisation(t.db, { kind: 'core_partner', name: 'Health Equity Partner' });
    const secretariat = await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' });
    Object.assign(ids, { kenya: kenya.id, ghana: ghana.id, partner: partner.id, secretariat: secretariat.id });
    const person = async (key: string, name: string, organisationId: string, role: 'admin' | 'editor' | 'viewer') =>
      (people[key] = await createUser(t.db, { name, email: `${key}@example.org`, memberOf: [{ organisationId, role }] }));
    await person('kenya.admin', 'Amina Wanjiru', kenya.id, 'admin');
    await person('kenya.editor', 'Brian Otieno', kenya.id, 'editor');
    await person('kenya.viewer', 'Chloé Mwangi', kenya.id, 'viewer');
    await person('kenya.leaver', 'David Kamau', kenya.id, 'viewer');
    await person('ghana.admin', 'Efua Mensah', ghana.id, 'admin');
    await person('hq.admin', 'Fatima Haddad', secretariat.id, 'admin');

    // Sign-ins, one of them failed, one for an account that does not exist.
    kenyaAdmin = await signInFrom(people['kenya.admin'].email, '203.0.113.1');
    const wrong = await t.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.9').send({ email: people['kenya.editor'].email, password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    await t.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.10').send({ email: 'nobody@example.org', password: 'guessing-passwords' });
    kenyaEditor = await signInFrom(people['kenya.editor'].email, '2001:db8::2');
    ghanaAdmin = await signInFrom(people['ghana.admin'].email, '203.0.113.3');
    secretariatAdmin = await signInFrom(people['hq.admin'].email, '203.0.113.4');
    const admin = from(kenyaAdmin, '203.0.113.1');
    const editor = from(kenyaEditor, '2001:db8::2');

    // Membership: an invitation sent and accepted by a new person, a role change, a removal, a partner grant.
    const invitation = await admin.post(`/api/organisations/${kenya.id}/invitations`, { email: 'new.person@example.org', role: 'editor' });
    expect(invitation.status).toBe(201);
    ids['invitation'] = invitation.body.id;
    const token = (invitation.body.acceptUrl as string).split('/').pop() as string;
    const accepted = await t.http().post(`/api/invitations/${token}/accept`).set('X-Forwarded-For', '198.51.100.20').send({ name: 'Grace Njeri', password: 'a-long-enough-password' });
    expect(accepted.status).toBe(200);
    expect((await admin.patch(`/api/organisations/${kenya.id}/members/${people['kenya.viewer'].id}`, { role: 'editor' })).status).toBe(204);
    expect((await admin.delete(`/api/organisations/${kenya.id}/members/${people['kenya.leaver'].id}`)).status).toBe(204);
    expect((await admin.post(`/api/organisations/${kenya.id}/partners`, { partnerOrganisationId: partner.id })).status).toBe(204);
    expect((await admin.post(`/api/organisations/${kenya.id}/partners`, { partnerOrganisationId: partner.id })).status).toBe(204); // no change
    expect((await admin.delete(`/api/organisations/${kenya.id}/partners/${partner.id}`)).status).toBe(204);

    // Reports: submitted by the editor, reopened by the admin, exported.
    const template = ((await editor.get('/api/report-templates')).body.items as Array<{ id: string; builtIn: boolean }>).find((x) => x.builtIn)?.id;
    const report = await editor.post('/api/reports', { organisationId: kenya.id, title: 'Progress report 2026', periodStart: '2026-01-01', periodEnd: '2026-06-30', templateId: template });
    expect(report.status).toBe(201);
    ids['report'] = report.body.id;
    expect((await editor.post(`/api/reports/${report.body.id}/status`, { status: 'submitted' })).status).toBe(200);
    expect((await admin.post(`/api/reports/${report.body.id}/status`, { status: 'draft' })).status).toBe(200);
    expect((await admin.get(`/api/reports/${report.body.id}/export?format=md`)).status).toBe(200);

    // Exports of lists, and downloads of a restricted and of a network-wide lesson file.
    expect((await editor.get(`/api/lessons/export?format=csv&organisationId=${kenya.id}`)).status).toBe(200);
    expect((await admin.get('/api/cycles-dashboard/export?format=csv')).status).toBe(200);
    const lesson = (visibility: string, title: string) => ({
      organisationId: kenya.id, title, context: 'Context.', actions: 'Actions.', worked: 'Worked.', didNotWork: 'Did not.', recommendation: 'Do it.',
      determinants: ['social'], sectors: ['housing'], levels: ['local'], initiative: 'Housing', cycleStage: 'reflect', language: 'en', visibility,
    });
    const internal = await editor.post('/api/lessons', lesson('organisation', 'Internal lesson'));
    const open = await editor.post('/api/lessons', lesson('network', 'Open lesson'));
    expect((await editor.put(`/api/lessons/${internal.body.id}/status`, { status: 'published' })).status).toBe(200);
    expect((await editor.put(`/api/lessons/${open.body.id}/status`, { status: 'published' })).status).toBe(200);
    const internalFile = await editor.upload(`/api/lessons/${internal.body.id}/files`, 'committee-minutes.txt');
    const openFile = await editor.upload(`/api/lessons/${open.body.id}/files`, 'open-notes.txt');
    ids['lesson'] = internal.body.id;
    ids['file'] = internalFile.body.id;
    expect((await admin.get(`/api/lessons/${internal.body.id}/files/${internalFile.body.id}`)).status).toBe(200);
    expect((await admin.get(`/api/lessons/${open.body.id}/files/${openFile.body.id}`)).status).toBe(200);

    // Ghana's own activity, which Kenya's admin must not see.
    const ghanaReport = await from(ghanaAdmin, '203.0.113.3').post('/api/reports', {
      organisationId: ghana.id, title: 'Ghana report', periodStart: '2026-01-01', periodEnd: '2026-06-30', templateId: template,
    });
    expect((await from(ghanaAdmin, '203.0.113.3').post(`/api/reports/${ghanaReport.body.id}/status`, { status: 'submitted' })).status).toBe(200);

    expect((await editor.post('/api/auth/logout')).status).toBe(204);
  });
  afterAll(() => t.close());

  it('records each listed event with who, when, from which address and what', async () => {
    const entries = await log(secretariatAdmin);
    const one = (action: string, match: (entry: AuditEntry) => boolean = () => true) => {
      const found = entries.filter((entry) => entry.action === action && match(entry));
      expect(found).toHaveLength(1);
      const [entry] = found;
      expect(Date.parse(entry.occurredAt)).toBeGreaterThanOrEqual(started.getTime() - 1000);
      expect(Date.parse(entry.occurredAt)).toBeLessThanOrEqual(Date.now());
      return entry;
    };
    const amina = { userId: people['kenya.admin'].id, name: 'Amina Wanjiru', email: 'kenya.admin@example.org' };
    const brian = { userId: people['kenya.editor'].id, name: 'Brian Otieno', email: 'kenya.editor@example.org' };
    const kenya = { id: ids['kenya'], name: 'Kenya pathfinder' };

    expect(one('auth.signed_in', (e) => e.actor.userId === amina.userId)).toMatchObject({ actor: amina, ip: '203.0.113.1', userAgent: 'AuditSpec/1.0 (203.0.113.1)', organisation: null });
    expect(one('auth.signed_in', (e) => e.actor.userId === brian.userId)).toMatchObject({ ip: '2001:db8::2' });
    expect(one('auth.sign_in_failed', (e) => e.ip === '198.51.100.9')).toMatchObject({
      actor: { userId: null, name: null, email: brian.email },
      target: { type: 'user', id: brian.userId, name: 'Brian Otieno' },
    });
    expect(one('auth.sign_in_failed', (e) => e.ip === '198.51.100.10')).toMatchObject({ actor: { userId: null, email: 'nobody@example.org' }, target: null });
    expect(one('auth.signed_out')).toMatchObject({ actor: brian, ip: '2001:db8::2' });

    expect(one('invitation.sent')).toMatchObject({
      actor: amina, ip: '203.0.113.1', organisation: kenya,
      target: { type: 'invitation', id: ids['invitation'], name: 'new.person@example.org' }, details: { role: 'editor', emailSent: false },
    });
    expect(one('invitation.accepted')).toMatchObject({
      actor: { name: 'Grace Njeri', email: 'new.person@example.org' }, ip: '198.51.100.20', organisation: kenya,
      details: { role: 'editor', newAccount: true },
    });
    expect(one('member.role_changed')).toMatchObject({
      actor: amina, organisation: kenya, target: { type: 'user', id: people['kenya.viewer'].id, name: 'Chloé Mwangi' }, details: { from: 'viewer', to: 'editor' },
    });
    expect(one('member.removed')).toMatchObject({ actor: amina, target: { type: 'user', name: 'David Kamau' }, details: { role: 'viewer', left: false } });
    expect(one('partner_grant.added')).toMatchObject({ actor: amina, organisation: kenya, target: { type: 'organisation', id: ids['partner'], name: 'Health Equity Partner' } });
    expect(one('partner_grant.removed')).toMatchObject({ actor: amina, target: { type: 'organisation', name: 'Health Equity Partner' } });

    const report = { type: 'report', id: ids['report'], name: 'Progress report 2026' };
    expect(one('report.submitted', (e) => e.organisation?.id === ids['kenya'])).toMatchObject({ actor: brian, ip: '2001:db8::2', target: report, details: { from: 'draft' } });
    expect(one('report.reopened')).toMatchObject({ actor: amina, ip: '203.0.113.1', target: report, details: { to: 'draft' } });
    expect(one('data.exported', (e) => e.details['dataset'] === 'report')).toMatchObject({ actor: amina, organisation: kenya, target: report, details: { format: 'md' } });
    expect(one('data.exported', (e) => e.details['dataset'] === 'lessons')).toMatchObject({
      actor: brian, organisation: kenya, details: { format: 'csv', rows: 0, filters: { organisationId: ids['kenya'] } },
    });
    expect(one('data.exported', (e) => e.details['dataset'] === 'cycles_dashboard')).toMatchObject({ actor: amina, organisation: null, details: { format: 'csv' } });
    // Only the file of the lesson kept within the organisation counts as restricted.
    expect(one('file.downloaded')).toMatchObject({
      actor: amina, ip: '203.0.113.1', organisation: kenya,
      target: { type: 'file', id: ids['file'], name: 'committee-minutes.txt' }, details: { parentType: 'lesson', parentId: ids['lesson'], parentTitle: 'Internal lesson' },
    });
  });

  it('shows an organisation admin only their organisation’s entries and the sign-ins of its people', async () => {
    const entries = await log(kenyaAdmin);
    expect(entries.every((entry) => entry.organisation === null || entry.organisation.id === ids['kenya'])).toBe(true);
    expect(entries.filter((e) => e.organisation === null).every((e) => [e.actor.userId, e.target?.id].some((id) => id && Object.values(people).some((p) => p.id === id)))).toBe(true);
    const actions = entries.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.signed_in', 'auth.sign_in_failed', 'invitation.sent', 'report.submitted', 'file.downloaded']));
    // Ghana's admin, Ghana's report, the secretariat's sign-in and the attempt on an unknown email are not Kenya's business.
    const actors = entries.map((entry) => entry.actor.email);
    expect(actors).not.toContain('ghana.admin@example.org');
    expect(actors).not.toContain('hq.admin@example.org');
    expect(actors).not.toContain('nobody@example.org');
    expect(entries.find((entry) => entry.target?.name === 'Ghana report')).toBeUndefined();

    expect((await kenyaAdmin.get(`/api/audit?organisationId=${ids['ghana']}`)).status).toBe(403);
    expect((await kenyaAdmin.get('/api/audit/scope')).body).toEqual({ canRead: true, network: false, organisations: [{ id: ids['kenya'], name: 'Kenya pathfinder' }] });
  });

  it('shows the secretariat admins every entry, with every organisation to filter by', async () => {
    const entries = await log(secretariatAdmin);
    expect(entries.find((entry) => entry.action === 'report.submitted' && entry.organisation?.id === ids['ghana'])).toMatchObject({ actor: { name: 'Efua Mensah' }, ip: '203.0.113.3' });
    expect(entries.filter((entry) => entry.action === 'auth.signed_in').map((entry) => entry.actor.email).sort()).toEqual(
      ['ghana.admin@example.org', 'hq.admin@example.org', 'kenya.admin@example.org', 'kenya.editor@example.org'],
    );
    const scope = (await secretariatAdmin.get('/api/audit/scope')).body;
    expect(scope.network).toBe(true);
    expect(scope.organisations.map((o: { name: string }) => o.name)).toEqual(expect.arrayContaining(['Ghana pathfinder', 'Kenya pathfinder', 'Secretariat']));
    const ghana = await log(secretariatAdmin, `&organisationId=${ids['ghana']}`);
    expect(ghana.map((entry) => entry.action).sort()).toEqual(['auth.signed_in', 'report.submitted']);
  });

  it('refuses everyone else', async () => {
    const editor = await signInFrom(people['kenya.viewer'].email, '203.0.113.5'); // an editor since the role change
    const list = await editor.get('/api/audit');
    expect(list.status).toBe(403);
    expect(list.body.id).toBe('forbidden');
    expect((await editor.get('/api/audit.csv')).status).toBe(403);
    expect((await editor.get('/api/audit/scope')).body).toEqual({ canRead: false, network: false, organisations: [] });
    expect((await t.http().get('/api/audit')).status).toBe(401);
  });

  it('pages newest first without gaps or repeats, and filters by action, actor, organisation and days', async () => {
    const all = await log(secretariatAdmin);
    expect(all.map((entry) => entry.occurredAt)).toEqual([...all.map((entry) => entry.occurredAt)].sort().reverse());
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await secretariatAdmin.get(`/api/audit?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(4);
      paged.push(...response.body.items.map((entry: AuditEntry) => entry.id));
      cursor = response.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(paged).toEqual(all.map((entry) => entry.id));
    expect(pages).toBe(Math.ceil(all.length / 4));

    expect((await log(secretariatAdmin, '&action=report.submitted')).map((entry) => entry.target?.name).sort()).toEqual(['Ghana report', 'Progress report 2026']);
    const amina = await log(secretariatAdmin, '&actor=WANJIRU');
    expect(amina.length).toBeGreaterThan(5);
    expect(amina.every((entry) => entry.actor.name === 'Amina Wanjiru')).toBe(true);
    expect(await log(secretariatAdmin, '&actor=nobody%40example')).toHaveLength(1);
    expect(await log(secretariatAdmin, '&actor=%25')).toHaveLength(0); // a literal percent sign, not a wildcard

    // Days are the reader's calendar days: today in Kiribati (UTC+14) and in Samoa's neighbour Niue (UTC−11) both hold "now".
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Niue', 'UTC']) {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
      expect(await log(secretariatAdmin, `&from=${today}&to=${today}&timeZone=${encodeURIComponent(timeZone)}`)).toHaveLength(all.length);
    }
    expect(await log(secretariatAdmin, '&to=2020-01-01')).toHaveLength(0);
    expect((await secretariatAdmin.get('/api/audit?from=2026-02-01&to=2026-01-01')).status).toBe(400);
    expect((await secretariatAdmin.get('/api/audit?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    expect((await secretariatAdmin.get('/api/audit?action=report.deleted')).status).toBe(400);
  });

  it('downloads the same entries as CSV for spreadsheets, and records the download', async () => {
    const response = await kenyaAdmin.get('/api/audit.csv?action=member.role_changed').buffer(true);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="simashe-audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parse(response.text.slice(1)) as string[][];
    expect(header).toEqual(['Time (UTC)', 'Action', 'Actor', 'Actor email', 'IP address', 'User agent', 'Organisation', 'Target type', 'Target', 'Target id', 'Details']);
    expect(rows).toHaveLength(1);
    const [time, ...rest] = rows[0];
    expect(Date.parse(time)).toBeGreaterThanOrEqual(started.getTime() - 1000);
    expect(rest.slice(0, -1)).toEqual([
      'member.role_changed', 'Amina Wanjiru', 'kenya.admin@example.org', '203.0.113.1', 'AuditSpec/1.0 (203.0.113.1)', 'Kenya pathfinder', 'user', 'Chloé Mwangi', people['kenya.viewer'].id,
    ]);
    expect(JSON.parse(rest[rest.length - 1])).toEqual({ from: 'viewer', to: 'editor' });
    const recorded = await log(kenyaAdmin, '&action=data.exported');
    expect(recorded[0]).toMatchObject({ actor: { name: 'Amina Wanjiru' }, details: { dataset: 'audit_log', format: 'csv', rows: 1, filters: { action: 'member.role_changed' } } });
  });
});
