import { AccountsModule } from '@simashe/api-accounts';
import { bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { randomUUID } from 'node:crypto';
import { SearchIndexer, type Audience } from './search-indexer';
import { SearchModule } from './search.module';
import { SearchScopes } from './search-scope';

describe('search audiences and ranking, straight from the index', () => {
  let t: TestApp;
  let indexer: SearchIndexer;
  let kenyaViewer: TestClient;
  let ghanaViewer: TestClient;
  let brazilViewer: TestClient;
  let orgs: Record<string, { id: string }>;
  let invitedMeeting: string;

  const entry = (title: string, audience: Audience, organisation: string, extra: object = {}) =>
    indexer.upsert({ kind: 'lesson', refId: randomUUID(), title, body: 'Water and sanitation in informal settlements', language: 'en', link: '/x', organisationId: orgs[organisation].id, audience, occurredAt: new Date(), ...extra });
  const titles = async (client: TestClient, q: string) =>
    ((await client.get(`/api/search?q=${encodeURIComponent(q)}&sort=date`)).body.items as Array<{ title: string }>).map((i) => i.title).sort();

  beforeAll(async () => {
    t = await bootTestApp([AccountsModule, SearchModule]);
    indexer = t.app.get(SearchIndexer);
    orgs = {
      kenya: await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya' }),
      ghana: await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana' }),
      brazil: await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil' }),
    };
    kenyaViewer = await signedInMember(t, orgs['kenya'].id, 'viewer');
    ghanaViewer = await signedInMember(t, orgs['ghana'].id, 'viewer');
    brazilViewer = await signedInMember(t, orgs['brazil'].id, 'viewer');
    [{ id: invitedMeeting }] = await t.db.query(
      `INSERT INTO meetings (organiser_organisation_id, title, kind, local_start, duration_minutes, time_zone)
       VALUES ($1, 'Sanitation meeting', 'steering_meeting', '2026-12-01T10:00', 60, 'UTC') RETURNING id`,
      [orgs['kenya'].id],
    );
    // Meetings decide their own visibility; here only the Brazilian is "invited".
    t.app.get(SearchScopes).registerMeetings(async (auth) => (auth.userId === brazilViewer.userId ? [invitedMeeting] : []));
    await entry('Network sanitation', 'network', 'kenya');
    await entry('Regional sanitation', 'region', 'kenya');
    await entry('Organisation sanitation', 'organisation', 'kenya');
    await entry('Members sanitation', 'members', 'kenya');
    await indexer.upsert({ kind: 'meeting', refId: invitedMeeting, title: 'Meeting sanitation', body: '', language: '', link: '/m', organisationId: orgs['kenya'].id, audience: 'meeting', meetingId: invitedMeeting, occurredAt: new Date() });
  });
  afterAll(() => t.close());

  it('returns only what each person may read', async () => {
    expect(await titles(kenyaViewer, 'sanitation')).toEqual(['Members sanitation', 'Network sanitation', 'Organisation sanitation', 'Regional sanitation']);
    expect(await titles(ghanaViewer, 'sanitation')).toEqual(['Network sanitation', 'Regional sanitation']);
    expect(await titles(brazilViewer, 'sanitation')).toEqual(['Meeting sanitation', 'Network sanitation']);
  });

  it('re-indexing replaces an entry (a lesson that became private disappears for others)', async () => {
    const refId = randomUUID();
    await indexer.upsert({ kind: 'lesson', refId, title: 'Changing cholera lesson', body: '', language: 'en', link: '/y', organisationId: orgs['kenya'].id, audience: 'network', occurredAt: new Date() });
    expect(await titles(brazilViewer, 'cholera')).toEqual(['Changing cholera lesson']);
    await indexer.upsert({ kind: 'lesson', refId, title: 'Changing cholera lesson', body: '', language: 'en', link: '/y', organisationId: orgs['kenya'].id, audience: 'members', occurredAt: new Date() });
    expect(await titles(brazilViewer, 'cholera')).toEqual([]);
    await indexer.remove('lesson', refId);
    expect(await titles(kenyaViewer, 'cholera')).toEqual([]);
  });

  it('weights the title above the text, and reads each document in its own language', async () => {
    await entry('Latrines', 'network', 'ghana', { body: 'A lesson about boreholes.' });
    await entry('Boreholes for schools', 'network', 'ghana', { body: 'Latrines were built too.' });
    await entry('Forages', 'network', 'ghana', { language: 'fr', body: 'Les forages améliorent l’accès à l’eau potable.' });
    const hits = (await ghanaViewer.get('/api/search?q=boreholes')).body.items.map((i: { title: string }) => i.title);
    expect(hits[0]).toBe('Boreholes for schools');
    expect(hits).toContain('Latrines');
    expect((await ghanaViewer.get('/api/search?q=potable%20acces')).body.items.map((i: { title: string }) => i.title)).toEqual(['Forages']);
  });

  it('counts exactly up to a thousand matches, and says "more than" beyond, ranking among the newest thousand', async () => {
    // 1,002 entries with the word, straight into the index; the oldest is also the most relevant (title and body).
    await t.db.query(
      `WITH notes AS (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 1002) AS n),
       entries AS (
         INSERT INTO search_entries (kind, ref_id, language, organisation_id, audience, occurred_at, tsv)
         SELECT 'lesson', id, 'en', $1, 'network', now() - n * interval '1 hour',
                setweight(to_tsvector('simashe_en', 'Ventilation note'), 'A') || to_tsvector('simashe_en', 'kitchens')
         FROM notes RETURNING ref_id
       )
       INSERT INTO search_documents (kind, ref_id, language, title, body, link)
       SELECT 'lesson', notes.id, 'en', 'Ventilation note ' || n, 'kitchens', '/v' FROM notes JOIN entries ON entries.ref_id = notes.id`,
      [orgs['kenya'].id],
    );
    const many = (await kenyaViewer.get('/api/search?q=ventilation')).body;
    expect(many).toMatchObject({ total: 1000, totalExact: false });
    expect(many.items).toHaveLength(20);
    // Ranked among the newest thousand: the two oldest never show.
    const last = (await kenyaViewer.get('/api/search?q=ventilation&sort=date&page=50')).body;
    expect(last.items.map((i: { title: string }) => i.title).at(-1)).toBe('Ventilation note 1000');
    expect((await kenyaViewer.get('/api/search?q=ventilation&page=51')).body).toMatchObject({ items: [], total: 1000, totalExact: false });
    const few = (await kenyaViewer.get('/api/search?q=sanitation')).body;
    expect(few).toMatchObject({ total: 4, totalExact: true });
    await t.db.query(`DELETE FROM search_entries WHERE ref_id IN (SELECT ref_id FROM search_documents WHERE title LIKE 'Ventilation note %')`);
  });

  it('keeps one entry per thing when its language changes, found in the new language only', async () => {
    const refId = randomUUID();
    const lesson = { kind: 'lesson' as const, refId, body: 'Rainwater tanks for schools', link: '/tanks', organisationId: orgs['kenya'].id, audience: 'network' as const, occurredAt: new Date() };
    await indexer.upsert({ ...lesson, title: 'Rainwater tanks', language: 'en' });
    expect(await titles(kenyaViewer, 'rainwater')).toEqual(['Rainwater tanks']);
    // Rewritten in French: the entry moves to the French partition, its document follows.
    await indexer.upsert({ ...lesson, title: 'Citernes d’eau de pluie', body: 'Citernes pour les écoles', language: 'fr' });
    const rows = await t.db.query('SELECT e.language, d.language AS document_language FROM search_entries e JOIN search_documents d USING (kind, ref_id) WHERE e.ref_id = $1', [refId]);
    expect(rows).toEqual([{ language: 'fr', document_language: 'fr' }]);
    expect(await titles(kenyaViewer, 'rainwater')).toEqual([]);
    expect(await titles(kenyaViewer, 'citernes ecoles')).toEqual(['Citernes d’eau de pluie']);
    // Two writers changing the language at once still leave one entry.
    await Promise.all(['es', 'en', 'fr', 'es'].map((language) => indexer.upsert({ ...lesson, title: `Tanques ${language}`, language })));
    expect(await t.db.query('SELECT count(*)::int AS n FROM search_entries WHERE ref_id = $1', [refId])).toEqual([{ n: 1 }]);
    expect(await t.db.query('SELECT count(*)::int AS n FROM search_documents WHERE ref_id = $1', [refId])).toEqual([{ n: 1 }]);
    // Without words, filters alone list the newest entries: this one, in the language the last writer gave it.
    const [{ language }] = await t.db.query('SELECT language FROM search_entries WHERE ref_id = $1', [refId]);
    const newest = (await kenyaViewer.get('/api/search?kind=lesson&sort=date')).body;
    expect(newest.items[0]).toMatchObject({ title: `Tanques ${language}`, language });
    await indexer.remove('lesson', refId);
    expect(await t.db.query('SELECT count(*)::int AS n FROM search_documents WHERE ref_id = $1', [refId])).toEqual([{ n: 0 }]);
  });
});
