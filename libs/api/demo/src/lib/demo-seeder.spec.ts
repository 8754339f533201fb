import { OrganisationsModule } from '@simashe/api-organisations';
import { SearchModule } from '@simashe/api-search';
import { bootTestApp, signIn, type TestApp } from '@simashe/api-testing';
import { DemoModule } from './demo.module';
import { DemoSeeder } from './demo-seeder';
import { DEMO_PASSWORD, DEMO_WORKSPACE } from './demo-workspace';

describe('demo workspace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp([OrganisationsModule, SearchModule, DemoModule], { seedDemo: true });
  });
  afterAll(() => t.close());

  it('loads pathfinders in several regions, their offices, a partner and the secretariat, once', async () => {
    const kinds: Array<{ kind: string; n: number }> = await t.db.query(
      'SELECT kind, count(*)::int AS n FROM organisations GROUP BY kind ORDER BY kind',
    );
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({
      core_partner: 1,
      country_pathfinder: 5,
      member_institution: 3,
      secretariat: 1,
      who_regional_office: 4,
    });
    const [{ roles }] = await t.db.query('SELECT array_agg(DISTINCT role ORDER BY role) AS roles FROM memberships');
    expect(roles).toEqual(['admin', 'editor', 'viewer']);
    expect(await t.app.get(DemoSeeder).seed()).toBe(false);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM organisations');
    expect(n).toBe(DEMO_WORKSPACE.length);
  });

  it('shows the network on the public members page: member institutions with expertise and representatives, the secretariat and the steering committee', async () => {
    const page = (await t.http().get('/api/public/members')).body;
    expect(page.institutions.map((institution: { name: string }) => institution.name)).toEqual([
      'Centro de Estudios de Equidad en Salud',
      'Institut national d’administration sanitaire',
      'University of Ghana School of Public Health',
    ]);
    expect(page.institutions[2]).toMatchObject({ country: { iso3: 'GHA' }, expertise: ['inequality_monitoring', 'survey_methods', 'training'], representatives: ['Kwame Mensah'] });
    expect(page.secretariat).toEqual([{ name: 'Sofia Secretariat', organisationName: 'SIMASHE Secretariat (WHO headquarters)' }]);
    expect(page.steeringCommittee.map((person: { name: string }) => person.name)).toEqual(['Kwame Mensah', 'Pat Partner', 'Salma Benali']);
  });

  it('has an open call for member institutions with two applications, one scored by the steering committee', async () => {
    const call = (await t.http().get('/api/public/calls/current')).body;
    expect(call).toMatchObject({ open: true, criteria: [expect.objectContaining({ key: 'c1' }), expect.objectContaining({ key: 'c2' }), expect.objectContaining({ key: 'c3' })] });
    const reviewer = await signIn(t, 'partner.admin@demo.simashe.org', DEMO_PASSWORD);
    const applications = (await reviewer.get(`/api/membership-calls/${call.id}/applications`)).body.items;
    expect(applications.map((a: { institutionName: string; reviewCount: number }) => [a.institutionName, a.reviewCount])).toEqual([
      ['Centre for Health Equity Analytics, New Delhi', 1],
      ['Laboratorio de Equidad en Salud, Bogotá', 0],
    ]);
  });

  it('includes published lessons in three languages, found by search from another region, and a private draft', async () => {
    const reader = await signIn(t, 'srilanka.admin@demo.simashe.org', DEMO_PASSWORD);
    const found = async (q: string) => (await reader.get(`/api/search?q=${encodeURIComponent(q)}`)).body.items.map((i: { title: string }) => i.title);
    expect(await found('housing committees')).toEqual(['Housing and health committees in informal settlements']);
    expect(await found('transferencias atencion')).toEqual(['Transferencias monetarias y acceso a la atención primaria']);
    expect(await found('qualite air ecoles')).toEqual(['Qualité de l’air autour des écoles']);
    expect(await found('stipends')).toEqual([]);
    const kenyan = await signIn(t, 'kenya.viewer@demo.simashe.org', DEMO_PASSWORD);
    expect((await kenyan.get('/api/search?q=stipends')).body.total).toBe(1);
  });

  it('gives working demo sign-ins with the documented password', async () => {
    const afro = await signIn(t, 'afro.officer@demo.simashe.org', DEMO_PASSWORD);
    const names = (await afro.get('/api/organisations?relation=regional_office')).body.items.map((o: { name: string }) => o.name);
    expect(names.sort()).toEqual(['Ghana country pathfinder', 'Kenya country pathfinder']);
    const partner = await signIn(t, 'partner.admin@demo.simashe.org', DEMO_PASSWORD);
    const partnerSees = (await partner.get('/api/organisations')).body.items.map((o: { relation: string }) => o.relation).sort();
    expect(partnerSees).toEqual(['member', 'partner_grant']);
  });

  it('shows a living cycles dashboard: every stage, overdue milestones, improving and concerning measures', async () => {
    const secretariat = await signIn(t, 'secretariat.admin@demo.simashe.org', DEMO_PASSWORD);
    const network = await secretariat.get('/api/cycles-dashboard');
    expect(network.status).toBe(200);
    type Row = { organisationName: string; stage: string; overdueMilestones: number; measuresImproving: number; measuresConcerning: number };
    const rows: Row[] = network.body.rows;
    expect(rows.map((row) => row.organisationName).sort()).toEqual(
      DEMO_WORKSPACE.filter((o) => o.kind === 'country_pathfinder').map((o) => o.name).sort(),
    );
    const stages = network.body.stageDistribution.filter((s: { count: number }) => s.count > 0).map((s: { stage: string }) => s.stage);
    expect(stages).toEqual(expect.arrayContaining(['plan', 'act', 'observe', 'reflect']));
    expect(rows.some((row) => row.overdueMilestones > 0)).toBe(true);
    expect(rows.find((row) => row.organisationName === 'Kenya country pathfinder')?.overdueMilestones).toBeGreaterThanOrEqual(2);
    expect(rows.some((row) => row.measuresImproving > 0)).toBe(true);
    expect(rows.some((row) => row.measuresConcerning > 0)).toBe(true);
    // The activity chart has something in most of the last twelve weeks.
    const busyWeeks = network.body.activity.filter((w: { stageChanges: number; milestonesDone: number; observations: number }) => w.stageChanges + w.milestonesDone + w.observations > 0);
    expect(busyWeeks.length).toBeGreaterThanOrEqual(6);

    const afro = await signIn(t, 'afro.officer@demo.simashe.org', DEMO_PASSWORD);
    const region = await afro.get('/api/cycles-dashboard');
    expect(region.body.rows.map((row: Row) => row.organisationName).sort()).toEqual(['Ghana country pathfinder', 'Kenya country pathfinder']);
  });

  it('fills the report and meeting columns: a report per pathfinder, sessions held and attended over the last 90 days', async () => {
    const secretariat = await signIn(t, 'secretariat.admin@demo.simashe.org', DEMO_PASSWORD);
    type Row = { organisationName: string; lastReport: { status: string } | null; meetingsHeld90: number; attendanceRate90: number | null };
    const rows: Row[] = (await secretariat.get('/api/cycles-dashboard')).body.rows;
    const row = (name: string) => rows.find((r) => r.organisationName === `${name} country pathfinder`) as Row;
    expect(row('Kenya').lastReport?.status).toBe('submitted');
    expect(row('Ghana').lastReport?.status).toBe('in_review');
    expect(row('Sri Lanka').lastReport?.status).toBe('draft');
    // A monthly network session (about three in 90 days), plus AFRO's monthly exchange for Kenya and Ghana.
    expect(row('Kenya').meetingsHeld90).toBeGreaterThan(row('Brazil').meetingsHeld90);
    expect(row('Brazil').meetingsHeld90).toBeGreaterThanOrEqual(2);
    expect(row('Kenya').attendanceRate90).toBe(1);
    expect(row('Brazil').attendanceRate90).toBeGreaterThan(0);
    expect(row('Brazil').attendanceRate90).toBeLessThan(1);
  });

  it('has an XmR measure with a shift and a point beyond the limits after a change, drawn with its act bands', async () => {
    const [measure] = await t.db.query(`SELECT id FROM measures WHERE name = 'Clinic visits for diarrhoea, children under five'`);
    const kenyan = await signIn(t, 'kenya.viewer@demo.simashe.org', DEMO_PASSWORD);
    const response = await kenyan.get(`/api/measures/${measure.id}/chart`);
    expect(response.status).toBe(200);
    expect(response.body.chart.type).toBe('xmr');
    const rules = response.body.chart.signals.map((s: { rule: string }) => s.rule);
    expect(rules).toEqual(expect.arrayContaining(['shift_7', 'beyond_limit']));
    expect(response.body.bands.length).toBeGreaterThan(0);
    expect(response.body.measure.latestSignal).toBe('improvement');
  });

  it('lists Kenya’s initiatives as editable for the Kenyan editor', async () => {
    const editor = await signIn(t, 'kenya.editor@demo.simashe.org', DEMO_PASSWORD);
    const response = await editor.get('/api/initiatives');
    expect(response.status).toBe(200);
    type Item = { title: string; organisationName: string; canEdit: boolean; activeCycle: { stage: string } | null };
    const kenyan = response.body.items.filter((item: Item) => item.organisationName === 'Kenya country pathfinder');
    expect(kenyan.map((item: Item) => item.title).sort()).toEqual(['Community health promoters and household income', 'Intersectoral action on housing and health']);
    expect(kenyan.every((item: Item) => item.canEdit)).toBe(true);
    // Kenya takes part in Ghana's school meals: readable, not editable.
    const partnerOf = response.body.items.filter((item: Item) => item.organisationName !== 'Kenya country pathfinder');
    expect(partnerOf.map((item: Item) => [item.title, item.canEdit])).toEqual([['School meals and nutrition with the education sector', false]]);
  });

  it('has observations citing an uploaded file, which its readers download, and an action item from the AFRO exchange', async () => {
    const afro = await signIn(t, 'afro.officer@demo.simashe.org', DEMO_PASSWORD);
    const list = await afro.get('/api/initiatives');
    const housing = list.body.items.find((item: { title: string }) => item.title === 'Intersectoral action on housing and health');
    const detail = await afro.get(`/api/initiatives/${housing.id}`);
    type Evidence = { kind: string; id?: string; label: string };
    const files = detail.body.cycles.flatMap((cycle: { observations: Array<{ evidence: Evidence[] }> }) => cycle.observations.flatMap((o) => o.evidence)).filter((e: Evidence) => e.kind === 'file');
    expect(files).toEqual([{ kind: 'file', id: expect.any(String), label: 'drain-clearing-log.csv' }]);
    // And an action item agreed at the AFRO exchange, cited by its own id.
    const actions = detail.body.cycles.flatMap((cycle: { observations: Array<{ evidence: Evidence[] }> }) => cycle.observations.flatMap((o) => o.evidence)).filter((e: Evidence) => e.kind === 'action_item');
    expect(actions).toEqual([{ kind: 'action_item', id: expect.any(String), itemId: expect.any(String), label: 'Share the clinic data on diarrhoea cases with the county health committee' }]);
    const download = await afro.get(`/api/initiatives/${housing.id}/files/${files[0].id}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/^text\/csv/);
    expect(download.text).toContain('Kambi Muru,650');
  });
});
