import { MeetingsModule } from '@simashe/api-meetings';
import { SearchModule } from '@simashe/api-search';
import { bootTestApp, createOrganisation, createUser, signedInMember, signIn, TEST_PASSWORD, type TestApp, type TestClient } from '@simashe/api-testing';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '@simashe/contracts';
import ExcelJS from 'exceljs';
import { LessonsModule } from './lessons.module';
import { LessonsService } from './lessons.service';

describe('lessons learned and workspace search', () => {
  let t: TestApp;
  let kenyaEditor: TestClient;
  let kenyaViewer: TestClient;
  let ghanaViewer: TestClient;
  let brazilViewer: TestClient;
  let afroOfficer: TestClient;
  let secretariat: TestClient;
  let kenya: { id: string };

  const lesson = (overrides: object = {}) => ({
    organisationId: kenya.id,
    title: 'Logement et santé : réduire les inégalités',
    context: 'Les quartiers informels de Nairobi concentrent les inégalités de santé.',
    actions: 'Un comité intersectoriel a réuni le ministère du logement et les autorités locales.',
    worked: 'La participation communautaire a amélioré l’équité d’accès aux services.',
    didNotWork: 'Le financement est resté fragmenté.',
    recommendation: 'Associer les collectivités dès la planification.',
    determinants: ['social', 'environmental'],
    sectors: ['housing', 'local_government'],
    levels: ['local'],
    initiative: 'Healthy informal settlements',
    cycleStage: 'reflect',
    language: 'fr',
    visibility: 'network',
    ...overrides,
  });
  const search = (client: TestClient, query: string) => client.get(`/api/search?${query}`);
  const titles = (response: { body: { items: Array<{ title: string }> } }) => response.body.items.map((item) => item.title);

  beforeAll(async () => {
    // Organisations and people are renamed behind the API here: names are read on every request (AUTH_CACHE_SECONDS 0).
    t = await bootTestApp([LessonsModule, SearchModule, MeetingsModule], { authCacheSeconds: 0 });
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    const ghana = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana pathfinder' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil pathfinder' });
    const afro = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'AFRO', name: 'AFRO office' });
    const hq = await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' });
    kenyaEditor = await signedInMember(t, kenya.id, 'editor');
    kenyaViewer = await signedInMember(t, kenya.id, 'viewer');
    ghanaViewer = await signedInMember(t, ghana.id, 'viewer');
    brazilViewer = await signedInMember(t, brazil.id, 'viewer');
    afroOfficer = await signedInMember(t, afro.id, 'viewer');
    secretariat = await signedInMember(t, hq.id, 'viewer');
  });
  afterAll(() => t.close());

  it('finds a published French lesson from another region by a French query and by the same words without accents', async () => {
    const created = await kenyaEditor.post('/api/lessons', lesson());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', organisationName: 'Kenya pathfinder', regionCode: 'AFRO', canEdit: true });
    // A draft stays in the organisation.
    expect(titles(await search(brazilViewer, 'q=logement'))).toEqual([]);
    expect(titles(await search(kenyaViewer, 'q=logement'))).toEqual([created.body.title]);
    expect((await brazilViewer.get(`/api/lessons/${created.body.id}`)).status).toBe(404);

    expect((await kenyaEditor.put(`/api/lessons/${created.body.id}/status`, { status: 'published' })).body.status).toBe('published');
    const french = await search(brazilViewer, `q=${encodeURIComponent('équité santé')}`);
    expect(french.status).toBe(200);
    expect(titles(french)).toEqual([created.body.title]);
    expect(french.body.items[0]).toMatchObject({ kind: 'lesson', link: `/lessons/${created.body.id}`, organisationName: 'Kenya pathfinder', language: 'fr' });
    const snippet: string = french.body.items[0].snippet;
    expect([`${HIGHLIGHT_START}équité${HIGHLIGHT_END}`, `${HIGHLIGHT_START}santé${HIGHLIGHT_END}`].some((marked) => snippet.includes(marked))).toBe(true);
    // Accent-less, and a plural/inflected form (French stemming).
    expect(titles(await search(brazilViewer, 'q=equite%20sante'))).toEqual([created.body.title]);
    expect(titles(await search(brazilViewer, 'q=inegalite'))).toEqual([created.body.title]);
    expect(titles(await search(brazilViewer, 'q=quartiers%20informels'))).toEqual([created.body.title]);
    // Words matching only in the title still get marked where they appear in the body.
    const mixed = await search(brazilViewer, 'q=logement%20equite');
    expect(mixed.body.items[0].snippet).toContain(`${HIGHLIGHT_START}équité${HIGHLIGHT_END}`);
  });

  it('gzips a list for a client that accepts it, and sends it plain to one that does not', async () => {
    for (const title of ['Compressed list one', 'Compressed list two', 'Compressed list three']) {
      expect((await kenyaEditor.post('/api/lessons', lesson({ title }))).status).toBe(201);
    }
    const zipped = await kenyaEditor.request('get', '/api/lessons').set('Accept-Encoding', 'gzip');
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.items.length).toBeGreaterThan(0);
    const plain = await kenyaEditor.request('get', '/api/lessons').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(zipped.body);
  });

  it('ranks title matches first, sorts by date on request, and pages', async () => {
    const first = await kenyaEditor.post('/api/lessons', lesson({ title: 'Transport and clinic access', context: 'Housing near clinics matters.', language: 'en' }));
    const second = await kenyaEditor.post('/api/lessons', lesson({ title: 'Housing vouchers for health workers', context: 'Vouchers.', language: 'en' }));
    for (const created of [first, second]) await kenyaEditor.put(`/api/lessons/${created.body.id}/status`, { status: 'published' });
    const byRelevance = await search(ghanaViewer, 'q=housing&kind=lesson');
    expect(titles(byRelevance)[0]).toBe('Housing vouchers for health workers');
    expect(byRelevance.body.total).toBe(3);
    const byDate = await search(ghanaViewer, 'q=housing&kind=lesson&sort=date&pageSize=2');
    expect(titles(byDate)).toEqual(['Housing vouchers for health workers', 'Transport and clinic access']);
    const secondPage = await search(ghanaViewer, 'q=housing&kind=lesson&sort=date&pageSize=2&page=2');
    expect(secondPage.body).toMatchObject({ total: 3, page: 2 });
    expect(secondPage.body.items).toHaveLength(1);
    expect((await search(ghanaViewer, 'q=housing&kind=lesson&page=9')).body).toMatchObject({ items: [], total: 3 });
  });

  it('applies filters: region, country, determinant, sector, stage, dates and kind', async () => {
    const base = 'q=housing';
    expect((await search(ghanaViewer, `${base}&region=AFRO`)).body.total).toBe(3);
    expect((await search(ghanaViewer, `${base}&region=AMRO`)).body.total).toBe(0);
    expect((await search(ghanaViewer, `${base}&country=KEN`)).body.total).toBe(3);
    expect((await search(ghanaViewer, `${base}&determinant=economic`)).body.total).toBe(0);
    expect((await search(ghanaViewer, `${base}&sector=housing&stage=reflect`)).body.total).toBe(3);
    expect((await search(ghanaViewer, `${base}&kind=meeting`)).body.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect((await search(ghanaViewer, `${base}&from=${today}&to=${today}`)).body.total).toBe(3);
    expect((await search(ghanaViewer, `${base}&to=2020-01-01`)).body.total).toBe(0);
  });

  it('keeps organisation- and region-wide lessons within their audience', async () => {
    const internal = await kenyaEditor.post('/api/lessons', lesson({ title: 'Internal budget lesson', visibility: 'organisation', language: 'en', context: 'Budget tagging.' }));
    const regional = await kenyaEditor.post('/api/lessons', lesson({ title: 'Regional budget lesson', visibility: 'region', language: 'en', context: 'Budget tagging.' }));
    for (const created of [internal, regional]) await kenyaEditor.put(`/api/lessons/${created.body.id}/status`, { status: 'published' });
    const seen = async (client: TestClient) => titles(await search(client, 'q=budget')).sort();
    expect(await seen(kenyaViewer)).toEqual(['Internal budget lesson', 'Regional budget lesson']);
    expect(await seen(afroOfficer)).toEqual(['Internal budget lesson', 'Regional budget lesson']); // the regional office reads Kenya
    expect(await seen(ghanaViewer)).toEqual(['Regional budget lesson']); // same region
    expect(await seen(brazilViewer)).toEqual([]); // another region
    expect(await seen(secretariat)).toEqual(['Internal budget lesson', 'Regional budget lesson']);
    expect((await brazilViewer.get(`/api/lessons/${regional.body.id}`)).status).toBe(404);
    expect((await ghanaViewer.get('/api/lessons')).body.items.map((l: { title: string }) => l.title)).not.toContain('Internal budget lesson');
  });

  it('lists region-wide lessons within their region, filters by the organisation’s region, and names the organisation as it is now', async () => {
    const regional = await kenyaEditor.post('/api/lessons', lesson({ title: 'Regional list lesson', visibility: 'region', language: 'en' }));
    const network = await kenyaEditor.post('/api/lessons', lesson({ title: 'Network list lesson', visibility: 'network', language: 'en' }));
    for (const created of [regional, network]) await kenyaEditor.put(`/api/lessons/${created.body.id}/status`, { status: 'published' });
    const listed = async (client: TestClient, query = '') => (await client.get(`/api/lessons${query}`)).body.items.map((item: { id: string }) => item.id);
    // The audience: "my region" reaches the organisations of Kenya's region, and the secretariat; not another region.
    expect(await listed(ghanaViewer)).toEqual(expect.arrayContaining([regional.body.id, network.body.id]));
    expect(await listed(secretariat)).toEqual(expect.arrayContaining([regional.body.id, network.body.id]));
    expect(await listed(brazilViewer)).toContain(network.body.id);
    expect(await listed(brazilViewer)).not.toContain(regional.body.id);
    expect((await ghanaViewer.get(`/api/lessons/${regional.body.id}`)).status).toBe(200);
    expect((await brazilViewer.get(`/api/lessons/${regional.body.id}`)).status).toBe(404);
    // The region filter is the organisation's region.
    expect(await listed(ghanaViewer, '?region=AFRO')).toEqual(expect.arrayContaining([regional.body.id, network.body.id]));
    expect(await listed(ghanaViewer, '?region=AMRO')).toEqual([]);
    expect(await listed(brazilViewer, '?region=AFRO')).toContain(network.body.id);
    expect(await listed(brazilViewer, '?region=AFRO')).not.toContain(regional.body.id);
    expect(await listed(secretariat, '?region=AFRO')).toEqual(expect.arrayContaining([regional.body.id, network.body.id]));
    expect(await listed(secretariat, '?region=EURO')).toEqual([]);
    // Links from other domains follow the same audience.
    const links = t.app.get(LessonsService);
    const linked = async (client: TestClient) => [...(await links.linkTitles({ userId: client.userId, sessionId: '', email: '' }, [regional.body.id, network.body.id])).keys()].sort();
    expect(await linked(ghanaViewer)).toEqual([regional.body.id, network.body.id].sort());
    expect(await linked(brazilViewer)).toEqual([network.body.id]);
    // The organisation as api-organisations has it now: name, region and country, in the lesson and in the list.
    expect((await ghanaViewer.get(`/api/lessons/${regional.body.id}`)).body).toMatchObject({ organisationName: 'Kenya pathfinder', regionCode: 'AFRO', countryName: 'Kenya', countryIso2: 'KE', canEdit: false });
    expect((await kenyaEditor.get(`/api/lessons/${regional.body.id}`)).body.canEdit).toBe(true);
    await t.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [kenya.id, 'Kenya pathfinder (renamed)']);
    expect((await ghanaViewer.get(`/api/lessons/${regional.body.id}`)).body.organisationName).toBe('Kenya pathfinder (renamed)');
    expect((await brazilViewer.get('/api/lessons')).body.items.find((item: { id: string }) => item.id === network.body.id).organisationName).toBe('Kenya pathfinder (renamed)');
    await t.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [kenya.id, 'Kenya pathfinder']);
  });

  it('lets only the organisation’s editors write, and rejects bad input with clear messages', async () => {
    expect((await kenyaViewer.post('/api/lessons', lesson())).status).toBe(403);
    expect((await ghanaViewer.post('/api/lessons', lesson())).status).toBe(404);
    const bad = await kenyaEditor.post('/api/lessons', lesson({ title: '', determinants: ['cultural'], sectors: ['housing', 'housing'], context: 'x'.repeat(10_001), language: 'de' }));
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['context', 'determinants.0', 'language', 'sectors', 'title']);
    const badEvidence = await kenyaEditor.post('/api/lessons', lesson({ evidence: [{ kind: 'link', url: 'javascript:alert(1)' }, { kind: 'report', id: '00000000-0000-4000-8000-000000000000' }] }));
    expect(badEvidence.status).toBe(400);
    const unknownReport = await kenyaEditor.post('/api/lessons', lesson({ evidence: [{ kind: 'report', id: '00000000-0000-4000-8000-000000000000' }] }));
    expect(unknownReport.body.details).toEqual([{ path: 'evidence.0.id', message: 'No report you can read has this id' }]);
    // A report the author may read (api-reports and the policy decide) is evidence; another organisation's is not.
    const templates = (await kenyaEditor.get('/api/report-templates')).body.items as Array<{ id: string }>;
    const report = (await kenyaEditor.post('/api/reports', { organisationId: kenya.id, title: 'Evidence report', periodStart: '2026-01-01', periodEnd: '2026-06-30', templateId: templates[0].id })).body;
    expect((await kenyaEditor.post('/api/lessons', lesson({ title: 'Cites a report', evidence: [{ kind: 'report', id: report.id }] }))).status).toBe(201);
    const [{ id: brazilId }] = await t.db.query(`SELECT id FROM organisations WHERE name = 'Brazil pathfinder'`);
    const brazilEditor = await signedInMember(t, brazilId, 'editor');
    const foreign = await brazilEditor.post('/api/lessons', lesson({ organisationId: brazilId, evidence: [{ kind: 'report', id: report.id }] }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([{ path: 'evidence.0.id', message: 'No report you can read has this id' }]);

    // Markup is stored and returned as the literal text it is.
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const stored = await kenyaEditor.post('/api/lessons', lesson({ title: `Payload ${script}`, context: script }));
    expect(stored.status).toBe(201);
    expect(stored.body.context).toBe(script);
  });

  it('treats search operators, quotes and SQL fragments as text', async () => {
    for (const q of [`'; DROP TABLE lessons; --`, '"unterminated', 'housing & | ! ( ) :* <->', 'OR OR -', '%', '\\']) {
      const response = await search(ghanaViewer, `q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
    }
    expect((await search(ghanaViewer, `q=${encodeURIComponent('"housing vouchers"')}`)).body.total).toBe(1);
    const housing = (await search(ghanaViewer, 'q=housing&kind=lesson')).body.items.map((item: { title: string }) => item.title);
    const withoutVouchers = titles(await search(ghanaViewer, 'q=housing%20-vouchers&kind=lesson'));
    expect(withoutVouchers.sort()).toEqual(housing.filter((title: string) => title !== 'Housing vouchers for health workers').sort());
    expect(withoutVouchers.length).toBeGreaterThan(0);
    const [{ count }] = await t.db.query('SELECT count(*)::int AS count FROM lessons');
    expect(count).toBeGreaterThan(0);
    const bad = await search(ghanaViewer, 'q=x&sort=random&determinant=cultural&from=2026-13-40&pageSize=500');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['determinant', 'from', 'pageSize', 'sort']);
  });

  it('keeps evidence files with the lesson: checked on upload, downloaded as attachments by its readers only', async () => {
    const created = await kenyaEditor.post('/api/lessons', lesson({ title: 'Lesson with evidence', visibility: 'network' }));
    const id = created.body.id;
    const pdf = Buffer.from('%PDF-1.4\n% evidence\n');
    const upload = await kenyaEditor.request('post', `/api/lessons/${id}/files`).attach('file', pdf, { filename: '../../Évaluation finale.pdf', contentType: 'application/pdf' });
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ name: 'Évaluation finale.pdf', contentType: 'application/pdf', size: pdf.length });
    expect((await kenyaEditor.get(`/api/lessons/${id}`)).body.files).toEqual([expect.objectContaining({ id: upload.body.id, name: 'Évaluation finale.pdf' })]);

    // Readers of the lesson download it; it is never served inline.
    await kenyaEditor.put(`/api/lessons/${id}/status`, { status: 'published' });
    const download = await brazilViewer.get(`/api/lessons/${id}/files/${upload.body.id}`).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Évaluation finale.pdf')}`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(download.body).equals(pdf)).toBe(true);
    await kenyaEditor.put(`/api/lessons/${id}/status`, { status: 'draft' });
    expect((await brazilViewer.get(`/api/lessons/${id}/files/${upload.body.id}`)).status).toBe(404);

    const attach = (client: TestClient, bytes: Buffer, filename: string, contentType: string) =>
      client.request('post', `/api/lessons/${id}/files`).attach('file', bytes, { filename, contentType });
    expect((await attach(kenyaViewer, pdf, 'x.pdf', 'application/pdf')).status).toBe(403);
    const html = await attach(kenyaEditor, Buffer.from('<script>alert(1)</script>'), 'page.html', 'text/html');
    expect(html.status).toBe(400);
    expect(html.body.details[0]).toMatchObject({ path: 'file' });
    const fake = await attach(kenyaEditor, Buffer.from('MZ executable'), 'report.pdf', 'application/pdf');
    expect(fake.body.message).toBe("The file's content is not a PDF file");
    const huge = await attach(kenyaEditor, Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), 'big.txt', 'text/plain');
    expect(huge.status).toBe(413);
    expect((await kenyaEditor.post(`/api/lessons/${id}/files`, {})).body.details).toEqual([{ path: 'file', message: 'No file in the upload (form field "file")' }]);
    // A field beside the file is refused, as an unknown JSON field is; a name's bidi override is dropped.
    const extra = await kenyaEditor.request('post', `/api/lessons/${id}/files`).field('organisationId', 'x').attach('file', pdf, { filename: 'x.pdf', contentType: 'application/pdf' });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toMatch(/Unknown field\(s\): organisationId$/);
    const disguised = await attach(kenyaEditor, pdf, 'evil\u202Efdp.exe', 'application/pdf');
    expect(disguised.status).toBe(201);
    expect(disguised.body.name).toBe('evilfdp.exe');
    expect((await kenyaEditor.delete(`/api/lessons/${id}/files/${disguised.body.id}`)).status).toBe(204);

    expect((await kenyaEditor.delete(`/api/lessons/${id}/files/${upload.body.id}`)).status).toBe(204);
    expect((await kenyaEditor.get(`/api/lessons/${id}`)).body.files).toEqual([]);
  });

  it('exports the lessons I may read, filters applied, to CSV and XLSX', async () => {
    const csv = await ghanaViewer.get('/api/lessons/export?format=csv&sector=housing');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="simashe-lessons-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('Logement et santé : réduire les inégalités');
    expect(csv.text).not.toContain('Internal budget lesson');
    const formula = await kenyaEditor.post('/api/lessons', lesson({ title: '=HYPERLINK("http://evil")', visibility: 'organisation' }));
    expect(formula.status).toBe(201);
    const kenyaCsv = await kenyaViewer.get('/api/lessons/export?format=csv');
    expect(kenyaCsv.text).toContain(`"'=HYPERLINK(""http://evil"")"`);

    const xlsx = await ghanaViewer.get('/api/lessons/export?format=xlsx&determinant=social').buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Lessons learned')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Title');
    const exported = sheet.getColumn(1).values.slice(2);
    expect(exported).toContain('Logement et santé : réduire les inégalités');
    expect(exported).not.toContain('Internal budget lesson');
    expect((await ghanaViewer.get('/api/lessons/export?format=pdf')).status).toBe(400);
  });

  it('names the author as their account does now, in the lesson and in the list, and no one once the account is gone', async () => {
    const author = await createUser(t.db, { name: 'Wanjiku Njoroge', memberOf: [{ organisationId: kenya.id, role: 'editor' }] });
    const authorClient = await signIn(t, author.email, TEST_PASSWORD);
    const created = await authorClient.post('/api/lessons', lesson({ title: 'A lesson whose author changes name', visibility: 'organisation' }));
    expect(created.status).toBe(201);
    expect(created.body.authorName).toBe('Wanjiku Njoroge');
    const authorName = async () => ({
      read: (await kenyaViewer.get(`/api/lessons/${created.body.id}`)).body.authorName,
      listed: (await kenyaViewer.get('/api/lessons')).body.items.find((item: { id: string }) => item.id === created.body.id).authorName,
    });
    await t.db.query(`UPDATE users SET name = 'Wanjiku Kamau' WHERE id = $1`, [author.id]);
    expect(await authorName()).toEqual({ read: 'Wanjiku Kamau', listed: 'Wanjiku Kamau' });
    await t.db.query('DELETE FROM users WHERE id = $1', [author.id]);
    expect(await authorName()).toEqual({ read: null, listed: null });
  });
});
