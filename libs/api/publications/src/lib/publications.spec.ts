import { DocumentAccessRegistry } from '@simashe/api-collaboration';
import { SearchModule } from '@simashe/api-search';
import type { AuthContext } from '@simashe/api-core';
import { bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import type { Publication } from '@simashe/contracts';
import { bibtexText, toBibtex, toRis } from './citation';
import { PublicationsModule } from './publications.module';
import { authorLine } from './publications.service';

describe('joint publications (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let kenya: { id: string };
  let ghana: { id: string };
  let kenyaEditor: TestClient;
  let kenyaViewer: TestClient;
  let kenyaAdmin: TestClient;
  let ghanaEditor: TestClient;
  let brazilAdmin: TestClient;
  let internalLessonId: string;
  let brazilOrganisationId: string;
  let networkLessonId: string;

  const publication = (overrides: object = {}) => ({
    organisationId: kenya.id,
    kind: 'article',
    title: 'Monitoring skilled birth attendance by wealth',
    abstract: 'Gaps & what we did about them: 100% of teams.',
    venue: 'International Journal for Equity in Health',
    year: 2027,
    authors: [
      { givenName: 'Amina', familyName: 'Otieno', affiliation: 'Ministry of Health, Kenya', organisationId: kenya.id },
      { givenName: 'Kwame', familyName: 'Mensah', affiliation: 'Ghana Health Service', organisationId: ghana.id },
    ],
    links: [],
    ...overrides,
  });
  const lesson = (title: string, visibility: string) => ({
    organisationId: kenya.id,
    title,
    context: 'Context of the lesson.',
    actions: 'Actions taken.',
    worked: 'What worked.',
    didNotWork: 'What did not.',
    recommendation: 'What we recommend.',
    determinants: ['social'],
    sectors: ['health'],
    levels: ['local'],
    initiative: 'Births',
    cycleStage: 'reflect',
    language: 'en',
    visibility,
  });
  const authOf = (client: TestClient): AuthContext => ({ userId: client.userId, sessionId: 'test', email: 'test@example.org' });

  beforeAll(async () => {
    t = await bootTestApp([PublicationsModule, SearchModule]);
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    ghana = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana pathfinder' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil pathfinder' });
    brazilOrganisationId = brazil.id;
    kenyaEditor = await signedInMember(t, kenya.id, 'editor');
    kenyaViewer = await signedInMember(t, kenya.id, 'viewer');
    kenyaAdmin = await signedInMember(t, kenya.id, 'admin');
    ghanaEditor = await signedInMember(t, ghana.id, 'editor');
    brazilAdmin = await signedInMember(t, brazil.id, 'admin');
    for (const [visibility, set] of [['organisation', (id: string) => (internalLessonId = id)], ['network', (id: string) => (networkLessonId = id)]] as const) {
      const created = await kenyaEditor.post('/api/lessons', lesson(`A ${visibility} lesson`, visibility));
      expect(created.status).toBe(201);
      await kenyaEditor.put(`/api/lessons/${created.body.id}/status`, { status: 'published' });
      set(created.body.id);
    }
  });
  afterAll(() => t.close());

  it('lets the lead and co-authors’ organisations write it, keeps it to them until published, and moves it to published with a DOI', async () => {
    const created = await kenyaEditor.post('/api/publications', publication({ links: [{ kind: 'lesson', id: internalLessonId }] }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'idea', doi: null, authorLine: 'Otieno A, Mensah K', canEdit: true, canDelete: false, nextStatuses: ['drafting'] });
    expect(created.body.authors.map((a: { organisationName: string }) => a.organisationName)).toEqual(['Kenya pathfinder', 'Ghana pathfinder']);
    expect(created.body.links).toEqual([{ kind: 'lesson', id: internalLessonId, title: 'A organisation lesson', href: `/lessons/${internalLessonId}` }]);
    const id = created.body.id as string;

    // Ghana co-writes (its author is on it) but cannot read Kenya's internal lesson: the link shows as unreadable.
    const seenByGhana = await ghanaEditor.get(`/api/publications/${id}`);
    expect(seenByGhana.status).toBe(200);
    expect(seenByGhana.body).toMatchObject({ canEdit: true, canDelete: false });
    expect(seenByGhana.body.links).toEqual([{ kind: 'lesson', id: internalLessonId, title: null, href: null }]);
    // ...and saving keeps the link it cannot read; adding one it cannot read is refused.
    const saved = await ghanaEditor.put(`/api/publications/${id}`, publication({ title: 'Monitoring skilled birth attendance', links: [{ kind: 'lesson', id: internalLessonId }, { kind: 'lesson', id: networkLessonId }] }));
    expect(saved.status).toBe(200);
    expect(saved.body.links.map((link: { id: string }) => link.id)).toEqual([internalLessonId, networkLessonId]);
    // A co-author's organisation writes the text, but only the lead's writers change which organisations are on it.
    const widened = await ghanaEditor.put(`/api/publications/${id}`, publication({ authors: [...publication().authors, { givenName: 'Ana', familyName: 'Silva', affiliation: '', organisationId: brazilOrganisationId }] }));
    expect(widened.status).toBe(403);
    expect(widened.body.message).toBe('Only editors and admins of the lead organisation can change which organisations co-author this publication');
    expect((await ghanaEditor.post('/api/publications', publication({ organisationId: ghana.id, links: [{ kind: 'lesson', id: internalLessonId }] }))).body.message).toBe(
      'A linked item does not exist or you cannot read it',
    );

    // Brazil knows nothing of it before it is published (nor does the search); Kenya's viewer reads but does not write.
    expect((await kenyaEditor.get('/api/search?q=mensah&kind=publication')).body.items).toEqual([]);
    expect((await brazilAdmin.get(`/api/publications/${id}`)).status).toBe(404);
    expect((await brazilAdmin.get('/api/publications')).body.items.some((item: { id: string }) => item.id === id)).toBe(false);
    expect((await kenyaViewer.get(`/api/publications/${id}`)).body).toMatchObject({ canEdit: false, nextStatuses: [] });
    expect((await kenyaViewer.post(`/api/publications/${id}/status`, { status: 'drafting' })).status).toBe(403);

    // The draft in the real-time editor: writers edit, readers read, strangers are not let in.
    const registry = t.app.get(DocumentAccessRegistry);
    const ref = { kind: 'publication' as const, documentId: id };
    expect(await registry.resolve(authOf(ghanaEditor), ref)).toBe('edit');
    expect(await registry.resolve(authOf(kenyaViewer), ref)).toBe('read');
    expect(await registry.resolve(authOf(brazilAdmin), ref)).toBeNull();

    // The workflow: one step at a time, back to drafting when a submission comes back, a DOI to publish.
    const move = (client: TestClient, body: object) => client.post(`/api/publications/${id}/status`, body);
    expect((await move(kenyaEditor, { status: 'submitted' })).status).toBe(409);
    expect((await move(kenyaEditor, { status: 'drafting' })).body.nextStatuses).toEqual(['idea', 'submitted']);
    await move(ghanaEditor, { status: 'submitted' });
    expect((await move(kenyaEditor, { status: 'drafting' })).body.status).toBe('drafting');
    await move(kenyaEditor, { status: 'submitted' });
    await move(kenyaEditor, { status: 'under_review' });
    const noDoi = await move(kenyaEditor, { status: 'published' });
    expect(noDoi.status).toBe(400);
    expect(JSON.stringify(noDoi.body)).toContain('A published output needs its DOI');
    expect((await move(kenyaEditor, { status: 'published', doi: 'not a doi' })).status).toBe(400);
    expect((await move(kenyaEditor, { status: 'published', doi: '10.1234/ABC}{\\x' })).status).toBe(400);
    const published = await move(kenyaEditor, { status: 'published', doi: 'https://doi.org/10.1186/s12939-027-00001-x' });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', doi: '10.1186/s12939-027-00001-x', nextStatuses: [], canEdit: false });
    // The record the DOI points at no longer changes.
    expect((await kenyaEditor.put(`/api/publications/${id}`, publication())).body.message).toBe('This publication is published; its record no longer changes');
    expect(published.body.publishedAt).not.toBeNull();
    expect((await move(kenyaEditor, { status: 'drafting' })).body.message).toBe('This publication is published; its status no longer changes');
    // A DOI names one work: another publication cannot be published with it, whatever its case.
    const second = (await kenyaEditor.post('/api/publications', publication({ title: 'A second output' }))).body.id;
    for (const status of ['drafting', 'submitted', 'under_review']) expect((await kenyaEditor.post(`/api/publications/${second}/status`, { status })).status).toBe(200);
    const taken = await kenyaEditor.post(`/api/publications/${second}/status`, { status: 'published', doi: '10.1186/S12939-027-00001-X' });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toBe(`That DOI is already the one of “${published.body.title}”`);
    expect((await kenyaEditor.get(`/api/publications/${second}`)).body).toMatchObject({ status: 'under_review', doi: null });

    // Published: the network reads it (and finds it, by an author too), the draft is read-only for everyone.
    const hits = await brazilAdmin.get('/api/search?q=mensah&kind=publication');
    expect(hits.body.items.map((hit: { id: string }) => hit.id)).toEqual([id]);
    expect((await brazilAdmin.get(`/api/publications/${id}`)).body).toMatchObject({ status: 'published', canEdit: false });
    expect(await registry.resolve(authOf(kenyaEditor), ref)).toBe('read');
    expect(await registry.resolve(authOf(brazilAdmin), ref)).toBe('read');

    // Citations, for anyone who reads it.
    const bibtex = await brazilAdmin.get(`/api/publications/${id}/citation?format=bibtex`);
    expect(bibtex.status).toBe(200);
    expect(bibtex.headers['content-disposition']).toContain('otieno2027monitoring.bib');
    expect(bibtex.text).toContain('@article{otieno2027monitoring,');
    expect(bibtex.text).toContain('author = {Otieno, Amina and Mensah, Kwame}');
    expect(bibtex.text).toContain('doi = {10.1186/s12939-027-00001-x}');
    expect(bibtex.text).toContain('abstract = {Gaps \\& what we did about them: 100\\% of teams.}');
    const ris = await brazilAdmin.get(`/api/publications/${id}/citation?format=ris`);
    expect(ris.text.split('\r\n').slice(0, 4)).toEqual(['TY  - JOUR', 'AU  - Otieno, Amina', 'AU  - Mensah, Kwame', 'TI  - Monitoring skilled birth attendance']);
    expect(ris.text).toContain('DO  - 10.1186/s12939-027-00001-x');
    expect((await brazilAdmin.get(`/api/publications/${id}/citation?format=word`)).status).toBe(400);

    // Only the lead's admins delete it.
    expect((await ghanaEditor.request('delete', `/api/publications/${id}`)).status).toBe(403);
    expect((await kenyaAdmin.request('delete', `/api/publications/${id}`)).status).toBe(204);
    expect((await kenyaAdmin.get(`/api/publications/${id}`)).status).toBe(404);
  });

  it('refuses bad publications with a sentence, and saves nothing of them', async () => {
    const before = (await kenyaEditor.get('/api/publications')).body.items.length;
    const refusals: Array<[object, string]> = [
      [publication({ authors: [] }), 'Name at least one author'],
      [publication({ authors: [{ givenName: 'A', familyName: 'B', organisationId: '00000000-0000-4000-8000-000000000000' }] }), 'An author’s organisation does not exist'],
      [publication({ links: [{ kind: 'report', id: '00000000-0000-4000-8000-000000000000' }] }), 'A linked item does not exist or you cannot read it'],
      [publication({ links: [{ kind: 'meeting', id: networkLessonId }] }), 'Linked item kind must be one of: lesson, report, cycle, dataset'],
      [publication({ links: [{ kind: 'lesson', id: networkLessonId }, { kind: 'lesson', id: networkLessonId }] }), 'Link each item once'],
      [publication({ kind: 'poster' }), 'Kind must be one of: conference_abstract, article, brief'],
      [publication({ year: 1e308 }), ''],
      [publication({ title: '\u200b\u200b\u200b' }), 'Title cannot be made only of invisible characters'],
    ];
    for (const [body, message] of refusals) {
      const response = await kenyaEditor.post('/api/publications', body);
      expect(response.status).toBe(400);
      if (message) expect(JSON.stringify(response.body)).toContain(message);
    }
    expect((await kenyaEditor.get('/api/publications')).body.items.length).toBe(before);
    // Only its own editors start a publication led by an organisation.
    expect((await kenyaViewer.post('/api/publications', publication())).status).toBe(403);
    expect((await brazilAdmin.post('/api/publications', publication())).status).toBe(404);
  });

  it('finds publications by words of the title, venue or authors, and by status', async () => {
    await kenyaEditor.post('/api/publications', publication({ title: 'Cash transfers and child growth', authors: [{ givenName: 'Ana', familyName: 'Siñani', affiliation: '', organisationId: null }] }));
    const titles = async (query: string) => ((await kenyaEditor.get(`/api/publications?${query}`)).body.items as Array<{ title: string }>).map((item) => item.title);
    expect(await titles('q=sinani')).toEqual(['Cash transfers and child growth']);
    expect(await titles('q=cash%20growth')).toEqual(['Cash transfers and child growth']);
    expect(await titles('status=published&q=cash')).toEqual([]);
    expect((await kenyaEditor.get('/api/publications?status=printed')).status).toBe(400);
  });
});

describe('citations and author lines', () => {
  const base: Publication = {
    id: '6f1c2b1e-1111-4111-8111-111111111111',
    organisationId: '6f1c2b1e-2222-4222-8222-222222222222',
    organisationName: 'SIMASHE secretariat',
    kind: 'brief',
    title: 'Cash & care: 50% {more} equity_now',
    venue: '',
    year: null,
    status: 'published',
    doi: '10.5555/a_b',
    authorLine: '',
    updatedAt: '2026-12-01T00:00:00.000Z',
    canEdit: false,
    abstract: '',
    publishedAt: '2026-11-30T10:00:00.000Z',
    authors: [{ givenName: '', familyName: 'World Health Organization', affiliation: '', organisationId: null, organisationName: null }],
    links: [],
    documentId: '6f1c2b1e-1111-4111-8111-111111111111',
    nextStatuses: [],
    canDelete: false,
    createdAt: '2026-11-01T00:00:00.000Z',
  };

  it('escapes what TeX would read as commands, braces institutions, and keeps the DOI verbatim', () => {
    expect(bibtexText('a\\b {c} ~ ^ $ # _ & %')).toBe('a\\textbackslash{}b \\textbraceleft{}c\\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\$ \\# \\_ \\& \\%');
    // An unbalanced brace, or "and" in a name, cannot end a field or split an author.
    const hostile = toBibtex({ ...base, authors: [{ givenName: 'Amina', familyName: 'Otieno} and {Evil', affiliation: '', organisationId: null, organisationName: null }], abstract: 'line1\n@misc{evil,' });
    expect(hostile).toContain('author = {{Otieno\\textbraceright{} and \\textbraceleft{}Evil}, Amina}');
    expect(hostile).toContain('abstract = {line1 @misc\\textbraceleft{}evil,}');
    const depth = [...hostile].reduce((level, c, index) => (index > 0 && hostile[index - 1] === '\\' ? level : c === '{' ? level + 1 : c === '}' ? level - 1 : level), 0);
    expect(depth).toBe(0);
    const entry = toBibtex(base);
    expect(entry).toMatch(/^@techreport\{worldhealthorganization2026cash,\n/);
    expect(entry).toContain('author = {{World Health Organization}}');
    expect(entry).toContain('title = {{Cash \\& care: 50\\% \\textbraceleft{}more\\textbraceright{} equity\\_now}}');
    expect(entry).toContain('institution = {SIMASHE secretariat}');
    expect(entry).toContain('year = {2026}');
    expect(entry).toContain('doi = {10.5555/a_b}');
    const ris = toRis({ ...base, kind: 'conference_abstract', venue: 'World Congress\non Health', title: 'Line\r\nbreak' });
    expect(ris).toContain('TY  - CONF\r\n');
    expect(ris).toContain('T2  - World Congress on Health\r\n');
    expect(ris).toContain('TI  - Line break\r\n');
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
  });

  it('shortens author lines to three names with initials', () => {
    const people = ['Amina Wanjiru|Otieno', 'Kwame|Mensah', 'Jean-Paul|Dupont', 'Ana|Silva'].map((name) => ({ given_name: name.split('|')[0], family_name: name.split('|')[1] }));
    expect(authorLine(people)).toBe('Otieno AW, Mensah K, Dupont JP, et al.');
    expect(authorLine([{ given_name: '', family_name: 'WHO' }])).toBe('WHO');
  });
});
