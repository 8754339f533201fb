import { DocumentStore } from '@simashe/api-collaboration';
import { bootTestApp, createOrganisation, createUser, signedInMember, signIn, TEST_PASSWORD, type TestApp, type TestClient } from '@simashe/api-testing';
import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import { yDocToProsemirrorJSON } from '@tiptap/y-tiptap';
import { ReportsModule } from './reports.module';

describe('reports over HTTP', () => {
  let t: TestApp;
  let kenya: { id: string };
  let brazil: { id: string };
  let afro: { id: string };
  let editor: TestClient;
  let admin: TestClient;
  let templates: Array<{ id: string; name: string }>;

  beforeAll(async () => {
    // People and organisations are renamed behind the API here: names are read on every request (AUTH_CACHE_SECONDS 0).
    t = await bootTestApp([ReportsModule], { authCacheSeconds: 0 });
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya' });
    brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil' });
    afro = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'AFRO', name: 'AFRO' });
    editor = await signedInMember(t, kenya.id, 'editor');
    admin = await signedInMember(t, kenya.id, 'admin');
    templates = (await editor.get('/api/report-templates')).body.items;
  });
  afterAll(() => t.close());

  const progressTemplate = () => templates.find((x) => x.name === 'SIMASHE progress report')!.id;
  const newReport = async (client = editor, overrides: object = {}) => {
    const response = await client.post('/api/reports', {
      organisationId: kenya.id,
      title: 'Q3 progress',
      periodStart: '2026-07-01',
      periodEnd: '2026-09-30',
      templateId: progressTemplate(),
      ...overrides,
    });
    expect(response.status).toBe(201);
    return response.body;
  };

  it('offers the SIMASHE progress report and a blank template', () => {
    expect(templates.map((x) => x.name)).toEqual(['Blank report', 'SIMASHE progress report']);
    // Stable keys, which the web names in the reader's language.
    expect(templates.map((x) => (x as { key?: string }).key)).toEqual(['blank', 'progress']);
  });

  it('writes a new report’s built-in headings in its creator’s profile language', async () => {
    // The first state the server made, as the editor will show it (headings and guidance placeholders).
    const headings = async (reportId: string) => JSON.stringify(yDocToProsemirrorJSON((await t.app.get(DocumentStore).load(reportId)).doc, REPORT_DOCUMENT_FIELD));
    await editor.patch('/api/me/profile', { preferredLanguage: 'fr' });
    try {
      const french = await newReport(editor, { title: 'Rapport T3' });
      const text = await headings(french.id);
      expect(text).toContain('Rapport d’avancement SIMASHE');
      expect(text).toContain('Constats sur l’équité et les inégalités');
      expect(text).toContain('Actions prévues pour le prochain cycle.'); // guidance placeholder
      expect(text).not.toContain('Equity and inequality findings');
    } finally {
      await editor.patch('/api/me/profile', { preferredLanguage: 'en' });
    }
    const english = await headings((await newReport(editor, { title: 'Q3 in English' })).id);
    expect(english).toContain('Equity and inequality findings');
  });

  it('creates a draft from a template, editable by its editors', async () => {
    const report = await newReport();
    expect(report).toMatchObject({ title: 'Q3 progress', status: 'draft', access: 'edit', canManage: false, organisationName: 'Kenya', regionCode: 'AFRO' });
    const [snapshot] = await t.db.query('SELECT length(state) AS bytes FROM collab_snapshots WHERE document_id = $1', [report.id]);
    expect(snapshot.bytes).toBeGreaterThan(100);
  });

  it('lists with filters and renames', async () => {
    const report = await newReport(editor, { title: 'Annual 2025', periodStart: '2025-01-01', periodEnd: '2025-12-31' });
    const renamed = await editor.patch(`/api/reports/${report.id}`, { title: 'Annual report 2025' });
    expect(renamed.body.title).toBe('Annual report 2025');
    const in2025 = (await editor.get('/api/reports?year=2025')).body.items.map((r: { id: string }) => r.id);
    expect(in2025).toEqual([report.id]);
    const byRegion = (await editor.get('/api/reports?region=AMRO')).body.items;
    expect(byRegion).toEqual([]);
    expect((await editor.get('/api/reports?year=1800')).status).toBe(400);
    const badPeriod = await editor.patch(`/api/reports/${report.id}`, { periodEnd: '2024-01-01' });
    expect(badPeriod.status).toBe(400);
  });

  it('moves draft → in review → submitted; submitted is read-only until an admin reopens it', async () => {
    const report = await newReport();
    expect((await editor.post(`/api/reports/${report.id}/status`, { status: 'in_review' })).body.status).toBe('in_review');
    const submitted = await editor.post(`/api/reports/${report.id}/status`, { status: 'submitted' });
    expect(submitted.body).toMatchObject({ status: 'submitted', access: 'read' });
    expect((await editor.patch(`/api/reports/${report.id}`, { title: 'Changed' })).status).toBe(409);
    const reopenByEditor = await editor.post(`/api/reports/${report.id}/status`, { status: 'draft' });
    expect(reopenByEditor.status).toBe(403);
    expect((await admin.post(`/api/reports/${report.id}/status`, { status: 'draft' })).body).toMatchObject({ status: 'draft', access: 'edit' });
    expect((await editor.post(`/api/reports/${report.id}/status`, { status: 'published' })).status).toBe(400);
  });

  it('lets secretariat admins reopen a submitted report, but not move or type in another organisation’s report', async () => {
    const report = await newReport();
    const secretariat = await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat for reopening' });
    const hq = await signedInMember(t, secretariat.id, 'admin');
    expect((await hq.post(`/api/reports/${report.id}/status`, { status: 'in_review' })).status).toBe(403);
    expect((await hq.patch(`/api/reports/${report.id}`, { title: 'Renamed by the secretariat' })).status).toBe(403);
    expect((await hq.get(`/api/reports/${report.id}`)).body).toMatchObject({ access: 'read', canManage: true });
    await editor.post(`/api/reports/${report.id}/status`, { status: 'submitted' });
    expect((await hq.post(`/api/reports/${report.id}/status`, { status: 'draft' })).body).toMatchObject({ status: 'draft' });
  });

  it('lets the regional office read (not edit) its countries’ reports, and nobody else', async () => {
    const report = await newReport();
    await editor.post(`/api/reports/${report.id}/status`, { status: 'submitted' });
    const officer = await signedInMember(t, afro.id, 'admin');
    const submitted = (await officer.get('/api/reports?status=submitted')).body.items.map((r: { id: string }) => r.id);
    expect(submitted).toContain(report.id);
    expect((await officer.get(`/api/reports/${report.id}`)).body).toMatchObject({ access: 'read', canManage: false });
    expect((await officer.patch(`/api/reports/${report.id}`, { title: 'x' })).status).toBe(403);

    const brazilian = await signedInMember(t, brazil.id, 'admin');
    expect((await brazilian.get(`/api/reports/${report.id}`)).status).toBe(404);
    expect((await brazilian.get('/api/reports')).body.items).toEqual([]);
    const viewer = await signedInMember(t, kenya.id, 'viewer');
    expect((await viewer.get(`/api/reports/${report.id}`)).body.access).toBe('read');
    const viewerCreate = await viewer.post('/api/reports', { organisationId: kenya.id, title: 'x', periodStart: '2026-01-01', periodEnd: '2026-01-31', templateId: progressTemplate() });
    expect(viewerCreate.status).toBe(403);
  });

  it('archives (admins only) and saves a report as a new template', async () => {
    const report = await newReport();
    expect((await editor.post(`/api/reports/${report.id}/archive`, { archived: true })).status).toBe(403);
    const archived = await admin.post(`/api/reports/${report.id}/archive`, { archived: true });
    expect(archived.body).toMatchObject({ archived: true, access: 'read' });
    expect((await editor.get('/api/reports')).body.items.map((r: { id: string }) => r.id)).not.toContain(report.id);
    expect((await editor.get('/api/reports?archived=true')).body.items.map((r: { id: string }) => r.id)).toContain(report.id);

    const saved = await admin.post(`/api/reports/${report.id}/save-as-template`, { name: 'Kenya quarterly' });
    expect(saved.status).toBe(201);
    const kenyaTemplates = (await editor.get(`/api/report-templates?organisationId=${kenya.id}`)).body.items.map((x: { name: string }) => x.name);
    expect(kenyaTemplates).toContain('Kenya quarterly');
    const fromNew = await newReport(editor, { templateId: saved.body.id });
    expect(fromNew.status).toBe('draft');
    const brazilAdmin = await signedInMember(t, brazil.id, 'admin');
    const foreignTemplate = await brazilAdmin.post('/api/reports', {
      organisationId: brazil.id, title: 'x', periodStart: '2026-01-01', periodEnd: '2026-01-31', templateId: saved.body.id,
    });
    expect(foreignTemplate.status).toBe(404);
  });

  it('pages and sorts the list, with author, last edit and a total', async () => {
    const names = ['Zeta review', 'Alpha review', 'Mu review'];
    for (const title of names) await newReport(editor, { title, periodStart: '2030-01-01', periodEnd: '2030-12-31' });
    const [{ name: author }] = await t.db.query('SELECT name FROM users WHERE id = $1', [editor.userId]);
    const first = await editor.get('/api/reports?year=2030&sort=title&order=asc&pageSize=2');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.body.items.map((r: { title: string }) => r.title)).toEqual(['Alpha review', 'Mu review']);
    expect(first.body.items[0]).toMatchObject({ createdBy: { id: editor.userId, name: author }, reviewers: [] });
    expect(Date.parse(first.body.items[0].lastEditedAt)).not.toBeNaN();
    const second = await editor.get('/api/reports?year=2030&sort=title&order=asc&pageSize=2&page=2');
    expect(second.body.items.map((r: { title: string }) => r.title)).toEqual(['Zeta review']);
    // Past the last page: no rows, and the total still said.
    expect((await editor.get('/api/reports?year=2030&pageSize=2&page=5')).body).toMatchObject({ items: [], total: 3, page: 5 });
    const descending = await editor.get('/api/reports?year=2030&sort=title&order=desc');
    expect(descending.body.items.map((r: { title: string }) => r.title)).toEqual(['Zeta review', 'Mu review', 'Alpha review']);
    // A version of the text counts as an edit: the report kept its time (api-collaboration's versions are not read).
    const alpha = first.body.items[0] as { id: string; lastEditedAt: string };
    const version = await editor.post(`/api/reports/${alpha.id}/versions`, { name: 'Checkpoint' });
    expect(version.status).toBe(201);
    const byEdit = (await editor.get('/api/reports?year=2030&sort=lastEdited&order=desc')).body.items as Array<{ id: string; lastEditedAt: string }>;
    expect(byEdit[0].id).toBe(alpha.id);
    expect(Date.parse(byEdit[0].lastEditedAt)).toBeGreaterThanOrEqual(Date.parse(version.body.createdAt));
    for (const bad of ['sort=colour', 'order=up', 'page=0', 'pageSize=1000', 'page=1e9']) expect((await editor.get(`/api/reports?${bad}`)).status).toBe(400);
  });

  it('sorts by organisation and author name as PostgreSQL orders text, filters by region, and names renamed people', async () => {
    // Names come from api-accounts and api-organisations now: the order must stay PostgreSQL's (lower(), code points:
    // "Émile" after "Zoe" and after "Person …", where a locale would put it before).
    const bothOrganisations = [{ organisationId: kenya.id, role: 'editor' as const }, { organisationId: brazil.id, role: 'editor' as const }];
    const zoe = await createUser(t.db, { name: 'Zoe Sorting', memberOf: bothOrganisations });
    const emile = await createUser(t.db, { name: 'Émile Sorting', memberOf: bothOrganisations });
    const [zoeClient, emileClient] = [await signIn(t, zoe.email, TEST_PASSWORD), await signIn(t, emile.email, TEST_PASSWORD)];
    const inKenya = await newReport(zoeClient, { title: 'Kenya by Zoe', periodStart: '2031-01-01', periodEnd: '2031-12-31' });
    const inBrazil = await newReport(emileClient, { organisationId: brazil.id, title: 'Brazil by Émile', periodStart: '2031-01-01', periodEnd: '2031-12-31' });
    const titles = async (query: string) => (await zoeClient.get(`/api/reports?year=2031&${query}`)).body.items.map((r: { title: string }) => r.title);
    expect(await titles('sort=organisation&order=asc')).toEqual(['Brazil by Émile', 'Kenya by Zoe']);
    expect(await titles('sort=organisation&order=desc')).toEqual(['Kenya by Zoe', 'Brazil by Émile']);
    expect(await titles('sort=author&order=asc')).toEqual(['Kenya by Zoe', 'Brazil by Émile']);
    expect(await titles('sort=author&order=desc&pageSize=1&page=2')).toEqual(['Kenya by Zoe']);
    expect(await titles('region=AFRO')).toEqual(['Kenya by Zoe']);
    expect(await titles('region=AMRO&sort=organisation')).toEqual(['Brazil by Émile']);
    const listed = (await zoeClient.get('/api/reports?year=2031&sort=organisation&order=asc')).body;
    expect(listed.total).toBe(2);
    expect(listed.items[0]).toMatchObject({ id: inBrazil.id, organisationName: 'Brazil', regionCode: 'AMRO', createdBy: { id: emile.id, name: 'Émile Sorting' } });

    // Reviewers by name, in code-point order too.
    const [{ name: adminName }] = await t.db.query('SELECT name FROM users WHERE id = $1', [admin.userId]);
    const sent = await zoeClient.post(`/api/reports/${inKenya.id}/status`, { status: 'in_review', reviewerIds: [emile.id, admin.userId] });
    expect(sent.body.reviewers).toEqual([
      { id: admin.userId, name: adminName, done: false },
      { id: emile.id, name: 'Émile Sorting', done: false },
    ]);

    // A renamed person is shown, and sorted, by their new name at once.
    await t.db.query('UPDATE users SET name = $2 WHERE id = $1', [emile.id, 'Adam Sorting']);
    expect(await titles('sort=author&order=asc')).toEqual(['Brazil by Émile', 'Kenya by Zoe']);
    expect((await zoeClient.get(`/api/reports/${inBrazil.id}`)).body.createdBy).toEqual({ id: emile.id, name: 'Adam Sorting' });
    expect((await zoeClient.get(`/api/reports/${inKenya.id}`)).body.reviewers.map((r: { name: string }) => r.name)).toEqual(['Adam Sorting', adminName]);
    const candidates = (await zoeClient.get(`/api/reports/${inKenya.id}/reviewer-candidates`)).body.items;
    expect(candidates).toEqual(expect.arrayContaining([{ id: emile.id, name: 'Adam Sorting', organisationName: 'Kenya' }]));
    expect(candidates.map((c: { id: string }) => c.id)).not.toContain(zoe.id);
  });

  it('sends to review with chosen reviewers, who are told and find it "to review"; leaving review completes it', async () => {
    const report = await newReport(editor, { title: 'For review' });
    const colleague = await signedInMember(t, kenya.id, 'viewer');
    const officer = await signedInMember(t, afro.id, 'editor');
    const stranger = await signedInMember(t, brazil.id, 'editor');
    const candidates = (await editor.get(`/api/reports/${report.id}/reviewer-candidates`)).body.items.map((c: { id: string }) => c.id);
    expect(candidates).toEqual(expect.arrayContaining([colleague.userId, officer.userId, admin.userId]));
    expect(candidates).not.toContain(editor.userId);
    expect(candidates).not.toContain(stranger.userId);
    expect((await colleague.get(`/api/reports/${report.id}/reviewer-candidates`)).status).toBe(403);

    // Someone who cannot read the report cannot review it; nor can the one asking.
    const blind = await editor.post(`/api/reports/${report.id}/status`, { status: 'in_review', reviewerIds: [stranger.userId] });
    expect(blind.status).toBe(400);
    expect(blind.body.message).toMatch(/cannot read this report/);
    expect((await editor.post(`/api/reports/${report.id}/status`, { status: 'in_review', reviewerIds: [editor.userId] })).status).toBe(400);
    expect((await editor.post(`/api/reports/${report.id}/status`, { status: 'submitted', reviewerIds: [colleague.userId] })).status).toBe(400);
    expect((await editor.get(`/api/reports/${report.id}`)).body.status).toBe('draft');

    const sent = await editor.post(`/api/reports/${report.id}/status`, { status: 'in_review', reviewerIds: [colleague.userId, officer.userId] });
    expect(sent.status).toBe(200);
    expect(sent.body.status).toBe('in_review');
    expect(sent.body.reviewers.map((r: { id: string; done: boolean }) => [r.id, r.done]).sort()).toEqual([[colleague.userId, false], [officer.userId, false]].sort());
    const told = await t.db.query(`SELECT user_id, title, link FROM notifications WHERE kind = 'review_requested' AND link = $1`, [`/reports/${report.id}`]);
    expect(told.map((n: { user_id: string }) => n.user_id).sort()).toEqual([colleague.userId, officer.userId].sort());
    expect(told[0].title).toMatch(/asked you to review “For review”/);
    const [asked] = (await officer.get('/api/notifications')).body.items.filter((n: { kind: string }) => n.kind === 'review_requested');
    expect(asked.message).toEqual({
      key: 'reviewRequested',
      params: { name: expect.any(String), report: 'For review', organisation: 'Kenya', periodStart: '2026-07-01', periodEnd: '2026-09-30' },
    });
    expect((await officer.get('/api/reports?toReview=true')).body.items.map((r: { id: string }) => r.id)).toEqual([report.id]);
    expect((await stranger.get('/api/reports?toReview=true')).body.items).toEqual([]);

    // Back to draft: the reviews are done, and it leaves the reviewers' lists.
    await editor.post(`/api/reports/${report.id}/status`, { status: 'draft' });
    expect((await officer.get('/api/reports?toReview=true')).body.items).toEqual([]);
    expect((await editor.get(`/api/reports/${report.id}`)).body.reviewers.every((r: { done: boolean }) => r.done)).toBe(true);
  });

  it('says who will be told of a submission before it is made', async () => {
    const report = await newReport(editor, { title: 'Notice' });
    const officer = await signedInMember(t, afro.id, 'viewer');
    const notice = await editor.get(`/api/reports/${report.id}/submission-notice`);
    expect(notice.status).toBe(200);
    const [{ people }] = await t.db.query(`SELECT count(*)::int AS people FROM memberships WHERE organisation_id = $1`, [afro.id]);
    expect(notice.body.recipients).toEqual([{ organisationName: 'AFRO', people }]);
    expect((await officer.get(`/api/reports/${report.id}/submission-notice`)).status).toBe(403);
  });

  it('rejects bad input with field messages', async () => {
    const bad = await editor.post('/api/reports', { organisationId: kenya.id, title: '', periodStart: '2026-13-01', periodEnd: '2026-01-01', templateId: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['periodEnd', 'periodStart', 'templateId', 'title']);
    const backwards = await editor.post('/api/reports', { organisationId: kenya.id, title: 'x', periodStart: '2026-02-01', periodEnd: '2026-01-01', templateId: progressTemplate() });
    expect(backwards.body.details).toEqual([{ path: 'periodEnd', message: 'The period must end on or after its start' }]);
    const office = await signedInMember(t, afro.id, 'admin');
    const wrongKind = await office.post('/api/reports', { organisationId: afro.id, title: 'x', periodStart: '2026-01-01', periodEnd: '2026-01-31', templateId: progressTemplate() });
    expect(wrongKind.status).toBe(400);
  });
});
