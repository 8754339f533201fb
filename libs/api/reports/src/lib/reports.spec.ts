import { bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
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
    t = await bootTestApp([ReportsModule]);
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
