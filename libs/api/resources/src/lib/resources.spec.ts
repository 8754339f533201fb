import { SearchModule } from '@simashe/api-search';
import { binaryBody, bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { ResourcesModule } from './resources.module';
import { demoPdf } from './resources-demo';

describe('the resource library (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let kenya: { id: string };
  let kenyaEditor: TestClient;
  let kenyaViewer: TestClient;
  let brazilAdmin: TestClient;
  let secretariatAdmin: TestClient;

  const resource = (overrides: object = {}) => ({
    organisationId: kenya.id,
    kind: 'guidance',
    title: 'Disaggregating coverage by wealth quintile',
    summary: 'How the Kenya team reads its survey data by wealth.',
    authors: ['Amina Otieno', 'Jean Dupont'],
    language: 'en',
    topic: 'inequality_monitoring',
    year: 2026,
    visibility: 'network',
    ...overrides,
  });
  const signedOut = () => t.http();
  const upload = (client: TestClient, id: string, bytes: Buffer, filename: string, contentType: string) =>
    client.request('post', `/api/resources/${id}/file`).attach('file', bytes, { filename, contentType });

  beforeAll(async () => {
    t = await bootTestApp([ResourcesModule, SearchModule]);
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil pathfinder' });
    const secretariat = await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' });
    kenyaEditor = await signedInMember(t, kenya.id, 'editor');
    kenyaViewer = await signedInMember(t, kenya.id, 'viewer');
    brazilAdmin = await signedInMember(t, brazil.id, 'admin');
    secretariatAdmin = await signedInMember(t, secretariat.id, 'admin');
  });
  afterAll(() => t.close());

  it('keeps each resource to its audience: public for anyone signed out, network for members, organisation for its readers', async () => {
    const ids: Record<string, string> = {};
    for (const visibility of ['public', 'network', 'organisation']) {
      const created = await kenyaEditor.post('/api/resources', resource({ title: `Wealth quintiles, ${visibility}`, visibility }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ visibility, organisationName: 'Kenya pathfinder', authors: ['Amina Otieno', 'Jean Dupont'], file: null, canEdit: true });
      ids[visibility] = created.body.id;
    }
    const titles = async (response: Promise<{ body: { items: Array<{ title: string }> } }>) => (await response).body.items.map((item) => item.title).filter((title) => title.startsWith('Wealth quintiles'));

    expect(await titles(signedOut().get('/api/public/resources'))).toEqual(['Wealth quintiles, public']);
    expect((await signedOut().get(`/api/public/resources/${ids['public']}`)).status).toBe(200);
    expect((await signedOut().get(`/api/public/resources/${ids['network']}`)).status).toBe(404);
    // The signed-in routes stay signed in.
    expect((await signedOut().get('/api/resources')).status).toBe(401);

    expect((await titles(brazilAdmin.get('/api/resources'))).sort()).toEqual(['Wealth quintiles, network', 'Wealth quintiles, public']);
    expect((await brazilAdmin.get(`/api/resources/${ids['organisation']}`)).status).toBe(404);
    expect((await brazilAdmin.get(`/api/resources/${ids['network']}`)).body.canEdit).toBe(false);
    expect((await titles(kenyaViewer.get('/api/resources'))).length).toBe(3);
    expect((await titles(secretariatAdmin.get('/api/resources'))).length).toBe(3);

    // Found in the workspace search by those who may read it, and only by them.
    const found = async (client: TestClient) => (await client.get('/api/search?q=quintiles&kind=resource')).body.items.map((hit: { title: string }) => hit.title).sort();
    expect(await found(kenyaViewer)).toEqual(['Wealth quintiles, network', 'Wealth quintiles, organisation', 'Wealth quintiles, public']);
    expect(await found(brazilAdmin)).toEqual(['Wealth quintiles, network', 'Wealth quintiles, public']);
  });

  it('lets only the owning organisation’s editors write, with reasons, and filters and searches the list', async () => {
    const refused = await kenyaViewer.post('/api/resources', resource());
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Only editors and admins of this organisation can add its resources');
    const created = (await kenyaEditor.post('/api/resources', resource({ title: 'Cash transfers toolkit', kind: 'tool', topic: 'policy', language: 'fr', visibility: 'public' }))).body;
    expect((await brazilAdmin.patch(`/api/resources/${created.id}`, { ...resource(), organisationId: undefined })).status).toBe(403);
    const { organisationId: _ignored, ...changes } = resource({ title: 'Cash transfers toolkit, second edition', kind: 'tool', topic: 'policy', language: 'fr', visibility: 'public' });
    expect((await kenyaEditor.patch(`/api/resources/${created.id}`, changes)).body.title).toBe('Cash transfers toolkit, second edition');

    const list = async (query: string) => (await kenyaViewer.get(`/api/resources?${query}`)).body.items.map((item: { title: string }) => item.title);
    expect(await list('kind=tool')).toEqual(['Cash transfers toolkit, second edition']);
    expect(await list('q=CASH%20edition')).toEqual(['Cash transfers toolkit, second edition']);
    expect(await list('q=toolkit&language=en')).toEqual([]);
    // Words may name the organisation too (its name is the organisations lib's), with other words of the resource.
    expect(await list('q=KENYA%20cash')).toEqual(['Cash transfers toolkit, second edition']);
    expect(await list('q=brazil%20cash')).toEqual([]);
    expect((await kenyaViewer.get('/api/resources?kind=video')).status).toBe(400);
    expect((await kenyaEditor.post('/api/resources', resource({ title: 'x', year: 1e12, url: 'javascript:alert(1)' }))).body.details.map((d: { path: string }) => d.path).sort()).toEqual(['title', 'url', 'year']);

    // A change names only what changes: an organisation-only resource keeps its audience, summary and authors.
    const own = (await kenyaEditor.post('/api/resources', resource({ title: 'Kenya internal guide', visibility: 'organisation' }))).body;
    const renamed = await kenyaEditor.patch(`/api/resources/${own.id}`, { title: 'Kenya internal guide, renamed' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ title: 'Kenya internal guide, renamed', visibility: 'organisation', summary: own.summary, authors: own.authors, year: 2026 });
    expect((await brazilAdmin.get(`/api/resources/${own.id}`)).status).toBe(404);
    expect((await kenyaEditor.patch(`/api/resources/${own.id}`, { year: null, url: 'https://example.org/guide' })).body).toMatchObject({ year: null, url: 'https://example.org/guide', title: 'Kenya internal guide, renamed' });

    expect((await kenyaViewer.delete(`/api/resources/${created.id}`)).status).toBe(403);
    expect((await kenyaEditor.delete(`/api/resources/${created.id}`)).status).toBe(204);
    expect((await kenyaEditor.get(`/api/resources/${created.id}`)).status).toBe(404);
  });

  it('stores a checked file and serves it only after the read check; a disguised or oversized file is refused and nothing changes', async () => {
    const open = (await kenyaEditor.post('/api/resources', resource({ title: 'Public guide with a file', visibility: 'public' }))).body;
    const closed = (await kenyaEditor.post('/api/resources', resource({ title: 'Network guide with a file', visibility: 'network' }))).body;
    const pdf = demoPdf('A guide');
    const stored = await upload(kenyaEditor, open.id, pdf, 'guide.pdf', 'application/pdf');
    expect(stored.status).toBe(200);
    expect(stored.body.file).toMatchObject({ name: 'guide.pdf', contentType: 'application/pdf', size: pdf.length });
    await upload(kenyaEditor, closed.id, pdf, 'guide.pdf', 'application/pdf');

    const download = await signedOut().get(`/api/public/resources/${open.id}/file`).buffer(true).parse(binaryBody);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    expect((await signedOut().get(`/api/public/resources/${closed.id}/file`)).status).toBe(404);
    expect((await brazilAdmin.get(`/api/resources/${closed.id}/file`)).status).toBe(200);

    // An executable renamed .pdf, and a file over 25 MB: refused with a sentence, and the stored file stays.
    const disguised = await upload(kenyaEditor, open.id, Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(1000)]), 'guide.pdf', 'application/pdf');
    expect(disguised.status).toBe(400);
    expect(disguised.body.message).toBe('The file\u2019s content is not a PDF file'.replace('\u2019', "'"));
    const oversized = await upload(kenyaEditor, open.id, Buffer.concat([pdf, Buffer.alloc(26 * 1024 * 1024)]), 'big.pdf', 'application/pdf');
    expect(oversized.status).toBe(413);
    expect((await kenyaEditor.get(`/api/resources/${open.id}`)).body.file).toMatchObject({ name: 'guide.pdf', size: pdf.length });
    expect((await brazilAdmin.request('post', `/api/resources/${open.id}/file`).attach('file', pdf, { filename: 'x.pdf', contentType: 'application/pdf' })).status).toBe(403);
  });

  it('creates a resource with its file in one request, or nothing at all when the file or a field is refused', async () => {
    const withFile = (client: TestClient, fields: unknown, bytes: Buffer, filename: string, contentType: string) =>
      client.request('post', '/api/resources/with-file').field('resource', JSON.stringify(fields)).attach('file', bytes, { filename, contentType });
    const count = async () => (await t.db.query('SELECT count(*)::int AS n FROM resources'))[0].n as number;
    const before = await count();
    const disguised = await withFile(kenyaEditor, resource({ title: 'Disguised' }), Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(1000)]), 'guide.pdf', 'application/pdf');
    expect(disguised.status).toBe(400);
    expect(disguised.body.details).toEqual([{ path: 'file', message: 'The file\u2019s content is not a PDF file'.replace('\u2019', "'") }]);
    const oversized = await withFile(kenyaEditor, resource({ title: 'Too big' }), Buffer.concat([demoPdf('Big'), Buffer.alloc(26 * 1024 * 1024)]), 'big.pdf', 'application/pdf');
    expect(oversized.status).toBe(413);
    const untitled = await withFile(kenyaEditor, resource({ title: '' }), demoPdf('A guide'), 'guide.pdf', 'application/pdf');
    expect(untitled.status).toBe(400);
    expect(untitled.body.details[0].path).toBe('title');
    expect((await withFile(brazilAdmin, resource({ title: 'Not mine' }), demoPdf('A guide'), 'guide.pdf', 'application/pdf')).status).toBe(403);
    expect((await kenyaEditor.request('post', '/api/resources/with-file').field('resource', '{oops').attach('file', demoPdf('x'), { filename: 'x.pdf', contentType: 'application/pdf' })).status).toBe(400);
    expect(await count()).toBe(before);

    const pdf = demoPdf('Together');
    const created = await withFile(kenyaEditor, resource({ title: 'Guide and its file together' }), pdf, 'together.pdf', 'application/pdf');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ title: 'Guide and its file together', file: { name: 'together.pdf', size: pdf.length } });
    expect(await count()).toBe(before + 1);
  });

  it('shows the curated collections with what each reader may read, and lets only secretariat admins curate them', async () => {
    const publicOne = (await kenyaEditor.post('/api/resources', resource({ title: 'Collection item, public', visibility: 'public' }))).body;
    const ownOne = (await kenyaEditor.post('/api/resources', resource({ title: 'Collection item, Kenya only', visibility: 'organisation' }))).body;
    const [{ id }] = await t.db.query(`INSERT INTO resource_collections (slug, title) VALUES ('getting-started', 'Getting started') RETURNING id`);
    const curation = { title: 'Getting started with inequality monitoring', description: 'Where to begin', resourceIds: [ownOne.id, publicOne.id] };
    const refused = await kenyaEditor.put(`/api/resource-collections/${id}`, curation);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Only administrators of the secretariat can curate the collections');
    expect((await secretariatAdmin.put(`/api/resource-collections/${id}`, { ...curation, resourceIds: ['00000000-0000-4000-8000-000000000000'] })).status).toBe(400);
    const saved = await secretariatAdmin.put(`/api/resource-collections/${id}`, curation);
    expect(saved.status).toBe(200);

    const items = async (response: Promise<{ body: { items: Array<{ title: string; items: Array<{ title: string }> }> } }>) =>
      (await response).body.items.find((collection) => collection.title === curation.title)?.items.map((item) => item.title);
    expect(await items(kenyaViewer.get('/api/resource-collections'))).toEqual(['Collection item, Kenya only', 'Collection item, public']);
    expect(await items(brazilAdmin.get('/api/resource-collections'))).toEqual(['Collection item, public']);
    expect(await items(signedOut().get('/api/public/resource-collections'))).toEqual(['Collection item, public']);
  });
});
