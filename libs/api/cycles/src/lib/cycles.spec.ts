import { bootTestApp, createOrganisation, createUser, signedInMember, signIn, TEST_PASSWORD, type TestApp, type TestClient } from '@simashe/api-testing';
import { DocumentStore } from '@simashe/api-collaboration';
import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import * as Y from 'yjs';
import { CyclesModule } from './cycles.module';

describe('action-learning cycles', () => {
  let t: TestApp;
  let kenya: { id: string };
  let ghana: { id: string };
  let brazil: { id: string };
  let kenyaEditor: TestClient;
  let kenyaAdmin: TestClient;
  let kenyaViewer: TestClient;
  let ghanaEditor: TestClient;
  let brazilEditor: TestClient;
  let afroOfficer: TestClient;
  let amroOfficer: TestClient;
  let secretariat: TestClient;
  let partner: TestClient;
  let partnerOrg: { id: string };

  const initiative = (overrides: object = {}) => ({
    organisationId: kenya.id,
    title: 'Intersectoral action on housing and health',
    aimWhat: 'Reduce respiratory admissions among children in informal settlements',
    aimHowMuch: 'by 20 %',
    aimByWhen: `${new Date().getUTCFullYear() + 1}-12-31`, // an aim date may not be in the past
    determinants: ['social', 'environmental'],
    sectors: ['housing', 'health'],
    ...overrides,
  });

  beforeAll(async () => {
    // Pathfinders are made as fixtures, behind the API: access is read on every request (AUTH_CACHE_SECONDS 0).
    t = await bootTestApp([CyclesModule], { authCacheSeconds: 0 });
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    ghana = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana pathfinder' });
    brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil pathfinder' });
    partnerOrg = await createOrganisation(t.db, { kind: 'core_partner', name: 'Research institute' });
    const afro = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'AFRO', name: 'AFRO office' });
    const amro = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'AMRO', name: 'AMRO office' });
    const hq = await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' });
    kenyaEditor = await signedInMember(t, kenya.id, 'editor');
    kenyaAdmin = await signedInMember(t, kenya.id, 'admin');
    kenyaViewer = await signedInMember(t, kenya.id, 'viewer');
    ghanaEditor = await signedInMember(t, ghana.id, 'editor');
    brazilEditor = await signedInMember(t, brazil.id, 'editor');
    afroOfficer = await signedInMember(t, afro.id, 'admin');
    amroOfficer = await signedInMember(t, amro.id, 'admin');
    secretariat = await signedInMember(t, hq.id, 'admin');
    partner = await signedInMember(t, partnerOrg.id, 'viewer');
  });
  afterAll(() => t.close());

  async function newInitiative(overrides: object = {}) {
    const response = await kenyaEditor.post('/api/initiatives', initiative(overrides));
    expect(response.status).toBe(201);
    return response.body as { id: string };
  }
  async function startCycle(initiativeId: string, title = 'Community air-quality monitors') {
    const response = await kenyaEditor.post(`/api/initiatives/${initiativeId}/cycles`, { title });
    expect(response.status).toBe(201);
    return response.body as { id: string; stage: string };
  }
  const move = (client: TestClient, cycleId: string, to: string) => client.post(`/api/cycles/${cycleId}/stage`, { to });

  describe('transitions', () => {
    it('goes plan → act → observe → reflect → closed in order, records who and when, and refuses skipping with a 409', async () => {
      const { id } = await newInitiative();
      const cycle = await startCycle(id);
      expect(cycle.stage).toBe('plan');
      const skip = await move(kenyaEditor, cycle.id, 'observe');
      expect(skip.status).toBe(409);
      expect(skip.body.message).toBe('Stages go in order: from plan the next stage is act, not observe');
      expect((await move(kenyaEditor, cycle.id, 'act')).status).toBe(200);
      expect((await move(kenyaEditor, cycle.id, 'observe')).status).toBe(200);
      const back = await move(kenyaEditor, cycle.id, 'act');
      expect(back.status).toBe(200);
      expect(back.body.events.map((e: { from: string | null; to: string; backwards: boolean }) => [e.from, e.to, e.backwards])).toEqual([
        [null, 'plan', false],
        ['plan', 'act', false],
        ['act', 'observe', false],
        ['observe', 'act', true],
      ]);
      expect(back.body.events.every((e: { byName: string | null; at: string }) => e.byName && !Number.isNaN(Date.parse(e.at)))).toBe(true);
      const twoBack = await move(kenyaEditor, cycle.id, 'plan');
      expect(twoBack.status).toBe(200);
      expect((await move(kenyaEditor, cycle.id, 'observe')).body.message).toMatch(/the next stage is act/);
    });

    it('needs the reflection to close, and a closed cycle is read-only', async () => {
      const { id } = await newInitiative();
      const cycle = await startCycle(id);
      for (const stage of ['act', 'observe', 'reflect']) expect((await move(kenyaEditor, cycle.id, stage)).status).toBe(200);
      const early = await move(kenyaEditor, cycle.id, 'closed');
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/Write the reflection/);
      const noDecision = await kenyaEditor.put(`/api/cycles/${cycle.id}/reflection`, { whatChanged: 'x', learned: 'y', decision: 'maybe' });
      expect(noDecision.status).toBe(400);
      expect(noDecision.body.details[0].path).toBe('decision');
      const reflection = { whatChanged: 'Admissions fell after monitors went up', learned: 'Schools relay alerts fastest', decision: 'adapt' };
      expect((await kenyaEditor.put(`/api/cycles/${cycle.id}/reflection`, reflection)).status).toBe(200);
      await t.db.query(`UPDATE cycles SET started_at = '2019-12-01' WHERE id = $1`, [cycle.id]);
      expect((await kenyaEditor.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Late and never done', dueOn: '2020-01-01', status: 'blocked' })).status).toBe(201);
      const closed = await move(kenyaEditor, cycle.id, 'closed');
      expect(closed.status).toBe(200);
      // A closed cycle's milestones are history, not overdue work.
      expect(closed.body.milestones.map((m: { overdue: boolean }) => m.overdue)).toEqual([false]);
      expect(closed.body.closedAt).not.toBeNull();
      for (const attempt of [
        move(kenyaEditor, cycle.id, 'reflect'),
        kenyaEditor.put(`/api/cycles/${cycle.id}/reflection`, reflection),
        kenyaEditor.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Late' }),
        kenyaEditor.post(`/api/cycles/${cycle.id}/observations`, { observedOn: '2026-11-01', note: 'Late' }),
      ]) {
        const response = await attempt;
        expect(response.status).toBe(409);
        expect(response.body.message).toMatch(/closed/);
      }
      // The next cycle can start now; it is number 2.
      const next = await kenyaEditor.post(`/api/initiatives/${id}/cycles`, { title: 'Second test' });
      expect(next.status).toBe(201);
      expect(next.body.number).toBe(2);
    });

    it('leaves exactly one active cycle when two starts race', async () => {
      const { id } = await newInitiative();
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, index) => kenyaEditor.post(`/api/initiatives/${id}/cycles`, { title: `Concurrent start ${index}` })),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
      expect(responses.find((r) => r.status === 409)?.body.message).toMatch(/still running|same moment/);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM cycles WHERE initiative_id = $1 AND stage <> 'closed'`, [id]);
      expect(count).toBe(1);
    });

    it('drafts a lesson from the reflection, linked back to the cycle, once', async () => {
      const { id } = await newInitiative({ title: 'Cash transfers and school attendance' });
      const cycle = await startCycle(id, 'Conditional transfers pilot');
      expect((await kenyaEditor.post(`/api/cycles/${cycle.id}/lesson`, { language: 'en' })).status).toBe(409);
      await kenyaEditor.put(`/api/cycles/${cycle.id}/reflection`, { whatChanged: 'Attendance rose', learned: 'Pay mothers directly', decision: 'adopt' });
      const lesson = await kenyaEditor.post(`/api/cycles/${cycle.id}/lesson`, { language: 'en' });
      expect(lesson.status).toBe(201);
      expect(lesson.body).toMatchObject({
        status: 'draft',
        title: 'Cash transfers and school attendance: Conditional transfers pilot',
        worked: 'Attendance rose',
        recommendation: 'Adopt. Pay mothers directly',
        cycleStage: 'reflect',
        initiative: 'Cash transfers and school attendance',
      });
      expect(lesson.body.evidence[0].url).toContain(`/cycles/initiatives/${id}`);
      // Two clicks at once on another cycle's reflection still draft one lesson.
      const other = await newInitiative({ title: 'School meals' });
      const second = await startCycle(other.id, 'Hot meals pilot');
      await kenyaEditor.put(`/api/cycles/${second.id}/reflection`, { whatChanged: 'Attendance rose', learned: 'Buy locally', decision: 'adopt' });
      const both = await Promise.all([1, 2, 3].map(() => kenyaEditor.post(`/api/cycles/${second.id}/lesson`, { language: 'en' })));
      expect(both.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM lessons WHERE title = 'School meals: Hot meals pilot'`);
      expect(count).toBe(1);
      expect((await kenyaEditor.get(`/api/cycles/${cycle.id}`)).body.lessonId).toBe(lesson.body.id);
      expect((await kenyaEditor.post(`/api/cycles/${cycle.id}/lesson`, { language: 'en' })).status).toBe(409);
    });
  });

  describe('driver diagram', () => {
    it('builds aim → primary → secondary → change idea, moves and renames nodes, lists the cycles testing an idea', async () => {
      const { id } = await newInitiative();
      let drivers = (await kenyaEditor.post(`/api/initiatives/${id}/drivers`, { label: 'Safe housing' })).body.items;
      const primary = drivers[0].id;
      drivers = (await kenyaEditor.post(`/api/initiatives/${id}/drivers`, { parentId: primary, label: 'Ventilation' })).body.items;
      const secondary = drivers.find((d: { label: string }) => d.label === 'Ventilation').id;
      drivers = (await kenyaEditor.post(`/api/initiatives/${id}/drivers`, { parentId: secondary, label: 'Window grants' })).body.items;
      const idea = drivers.find((d: { label: string }) => d.label === 'Window grants');
      expect(idea.kind).toBe('change_idea');
      const tooDeep = await kenyaEditor.post(`/api/initiatives/${id}/drivers`, { parentId: idea.id, label: 'Fourth level' });
      expect(tooDeep.status).toBe(409);
      drivers = (await kenyaEditor.post(`/api/initiatives/${id}/drivers`, { label: 'Clean air' })).body.items;
      const second = drivers.find((d: { label: string }) => d.label === 'Clean air').id;
      // Move the secondary driver (with its idea) under the other primary driver, and rename it.
      const moved = await kenyaEditor.put(`/api/drivers/${secondary}`, { parentId: second, label: 'Ventilation and cooking fuel' });
      expect(moved.status).toBe(200);
      expect(moved.body.items.find((d: { id: string }) => d.id === secondary)).toMatchObject({ parentId: second, label: 'Ventilation and cooking fuel', kind: 'secondary' });
      expect((await kenyaEditor.put(`/api/drivers/${primary}`, { parentId: idea.id })).status).toBe(409);
      // Reorder: "Clean air" first.
      const reordered = await kenyaEditor.put(`/api/drivers/${second}`, { position: 0 });
      const roots = reordered.body.items.filter((d: { parentId: string | null }) => d.parentId === null).sort((a: { position: number }, b: { position: number }) => a.position - b.position);
      expect(roots.map((d: { label: string }) => d.label)).toEqual(['Clean air', 'Safe housing']);
      const cycle = await kenyaEditor.post(`/api/initiatives/${id}/cycles`, { title: 'Window grant pilot', changeIdeaIds: [idea.id] });
      expect(cycle.status).toBe(201);
      const detail = await kenyaEditor.get(`/api/initiatives/${id}`);
      expect(detail.body.drivers.find((d: { id: string }) => d.id === idea.id).cycleIds).toEqual([cycle.body.id]);
      expect((await kenyaEditor.post(`/api/initiatives/${id}/cycles`, { title: 'x', changeIdeaIds: [primary] })).status).toBe(400);
      // Deleting a branch removes it from the cycle that tested it.
      await kenyaEditor.delete(`/api/drivers/${second}`);
      expect((await kenyaEditor.get(`/api/cycles/${cycle.body.id}`)).body.changeIdeaIds).toEqual([]);
      // A new primary driver goes last, after whatever gaps the delete left.
      await kenyaEditor.post(`/api/initiatives/${id}/drivers`, { label: 'Aardvark first alphabetically' });
      const after = (await kenyaEditor.get(`/api/initiatives/${id}`)).body.drivers.filter((d: { parentId: string | null }) => d.parentId === null);
      const order = [...after].sort((a: { position: number }, b: { position: number }) => a.position - b.position).map((d: { label: string }) => d.label);
      expect(order).toEqual(['Safe housing', 'Aardvark first alphabetically']);
    });
  });

  describe('milestones and observations', () => {
    it('tracks milestone status with completion time and overdue flag, and checks evidence', async () => {
      const { id } = await newInitiative();
      const cycle = await startCycle(id);
      // A cycle running for years: its milestones can be overdue, its observations old.
      await t.db.query(`UPDATE cycles SET started_at = '2019-12-01' WHERE id = $1`, [cycle.id]);
      const owner = (await kenyaEditor.get(`/api/initiatives/${id}`)).body.people[0].id;
      const late = await kenyaEditor.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Install monitors', ownerId: owner, dueOn: '2020-01-31' });
      expect(late.status).toBe(201);
      expect(late.body).toMatchObject({ status: 'todo', overdue: true, completedAt: null, ownerId: owner });
      const done = await kenyaEditor.put(`/api/milestones/${late.body.id}`, { status: 'done' });
      expect(done.body).toMatchObject({ status: 'done', overdue: false });
      expect(done.body.completedAt).not.toBeNull();
      const stranger = await kenyaEditor.post(`/api/cycles/${cycle.id}/milestones`, { title: 'x', ownerId: brazilEditor.userId });
      expect(stranger.status).toBe(400);
      expect(stranger.body.details[0].path).toBe('ownerId');
      const badDate = await kenyaEditor.post(`/api/cycles/${cycle.id}/milestones`, { title: 'x', dueOn: '2027-02-30' });
      expect(badDate.status).toBe(400);
      expect(badDate.body.details[0]).toMatchObject({ path: 'dueOn', message: 'This date does not exist on the calendar' });
      const observation = await kenyaEditor.post(`/api/cycles/${cycle.id}/observations`, {
        observedOn: '2026-11-20',
        note: 'Two schools now relay alerts',
        evidence: [{ kind: 'link', url: 'https://example.org/alerts', label: 'Alert log' }],
      });
      expect(observation.status).toBe(201);
      const hidden = await kenyaEditor.post(`/api/cycles/${cycle.id}/observations`, {
        observedOn: '2026-11-20',
        note: 'x',
        evidence: [{ kind: 'report', id: '00000000-0000-4000-8000-000000000000' }],
      });
      expect(hidden.status).toBe(400);
      expect(hidden.body.details[0].path).toBe('evidence.0.id');
    });

    it('lists the caller’s own open milestones, overdue ones on request, only while the caller may read the initiative', async () => {
      const { id } = await newInitiative({ title: 'My milestones initiative' });
      const cycle = await startCycle(id, 'My milestones cycle');
      await t.db.query(`UPDATE cycles SET started_at = '2019-12-01' WHERE id = $1`, [cycle.id]);
      const mine = await kenyaEditor.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Mine and late', ownerId: kenyaEditor.userId, dueOn: '2020-01-31' });
      const later = await kenyaEditor.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Mine, not due yet', ownerId: kenyaEditor.userId, dueOn: '2099-01-31' });
      const done = await kenyaEditor.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Mine and done', ownerId: kenyaEditor.userId, dueOn: '2020-01-31' });
      await kenyaEditor.put(`/api/milestones/${done.body.id}`, { status: 'done' });
      const theirs = await kenyaEditor.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Someone else’s', ownerId: kenyaAdmin.userId, dueOn: '2020-01-31' });
      expect([mine.status, later.status, done.status, theirs.status]).toEqual([201, 201, 201, 201]);

      const overdue = await kenyaEditor.get('/api/me/milestones?overdue=true');
      expect(overdue.status).toBe(200);
      const overdueHere = overdue.body.items.filter((m: { initiativeId: string }) => m.initiativeId === id);
      expect(overdueHere).toEqual([expect.objectContaining({ id: mine.body.id, overdue: true, initiativeTitle: 'My milestones initiative', cycleTitle: 'My milestones cycle' })]);
      const open = (await kenyaEditor.get('/api/me/milestones')).body.items.filter((m: { initiativeId: string }) => m.initiativeId === id);
      expect(open.map((m: { id: string }) => m.id)).toEqual([mine.body.id, later.body.id]);
      expect((await kenyaAdmin.get('/api/me/milestones?overdue=true')).body.items.map((m: { id: string }) => m.id)).toContain(theirs.body.id);

      // Someone who owns a milestone but can no longer read the initiative does not see it.
      await t.db.query('UPDATE cycle_milestones SET owner_id = $1 WHERE id = $2', [brazilEditor.userId, theirs.body.id]);
      expect((await brazilEditor.get('/api/me/milestones')).body.items).toEqual([]);
      expect((await kenyaEditor.get('/api/me/milestones?overdue=maybe')).body.details).toEqual([{ path: 'overdue', message: 'overdue is true or false' }]);
    });

    it('names people as their account does now, orders the owner picker as PostgreSQL orders names, and names no one once an account is gone', async () => {
      // Names whose order differs by code point (PostgreSQL's C.UTF-8) and by locale: Z < a < É.
      const zola = await createUser(t.db, { name: 'Zola Mwangi', memberOf: [{ organisationId: kenya.id, role: 'editor' }] });
      const lower = await createUser(t.db, { name: 'achieng otieno', memberOf: [{ organisationId: kenya.id, role: 'viewer' }] });
      const emile = await createUser(t.db, { name: 'Émile Kamau', memberOf: [{ organisationId: kenya.id, role: 'viewer' }] });
      await createUser(t.db, { name: 'Not a member' });
      const zolaClient = await signIn(t, zola.email, TEST_PASSWORD);
      const { id } = await newInitiative({ title: 'Names initiative' });
      const cycle = (await zolaClient.post(`/api/initiatives/${id}/cycles`, { title: 'Names cycle' })).body as { id: string };
      expect((await move(zolaClient, cycle.id, 'act')).status).toBe(200);
      const milestone = await zolaClient.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Zola’s milestone', ownerId: zola.id });
      expect(milestone.body).toMatchObject({ ownerId: zola.id, ownerName: 'Zola Mwangi' });
      const observation = await zolaClient.post(`/api/cycles/${cycle.id}/observations`, { observedOn: new Date().toISOString().slice(0, 10), note: 'Seen by Zola' });
      expect(observation.body.authorName).toBe('Zola Mwangi');

      const people = (await kenyaEditor.get(`/api/initiatives/${id}`)).body.people as Array<{ id: string; name: string }>;
      const codePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      expect(people.map((p) => p.name)).toEqual(people.map((p) => p.name).sort(codePoints));
      expect(people.filter((p) => [zola.id, lower.id, emile.id].includes(p.id))).toEqual([
        { id: zola.id, name: 'Zola Mwangi' },
        { id: lower.id, name: 'achieng otieno' },
        { id: emile.id, name: 'Émile Kamau' },
      ]);
      expect(people.map((p) => p.name)).not.toContain('Not a member');
      expect(people.map((p) => p.id)).toEqual(expect.arrayContaining([kenyaEditor.userId, kenyaAdmin.userId, kenyaViewer.userId]));

      // Renamed: every place shows the new name.
      await t.db.query(`UPDATE users SET name = 'Zola Wanjiru' WHERE id = $1`, [zola.id]);
      const renamed = (await kenyaEditor.get(`/api/cycles/${cycle.id}`)).body;
      expect(renamed.events.map((e: { byName: string | null }) => e.byName)).toEqual(['Zola Wanjiru', 'Zola Wanjiru']);
      expect(renamed.milestones.map((m: { ownerName: string | null }) => m.ownerName)).toEqual(['Zola Wanjiru']);
      expect(renamed.observations.map((o: { authorName: string | null }) => o.authorName)).toEqual(['Zola Wanjiru']);
      expect((await zolaClient.get('/api/me/milestones')).body.items.map((m: { ownerName: string }) => m.ownerName)).toEqual(['Zola Wanjiru']);
      const activity = async () =>
        (await kenyaEditor.get(`/api/cycles-dashboard/activity?organisationId=${kenya.id}&limit=100`)).body.items
          .filter((item: { initiativeId: string }) => item.initiativeId === id)
          .map((item: { kind: string; actorName: string | null }) => [item.kind, item.actorName]);
      expect(await activity()).toEqual([
        ['observation_added', 'Zola Wanjiru'],
        ['stage_changed', 'Zola Wanjiru'],
        ['cycle_started', 'Zola Wanjiru'],
        ['initiative_created', expect.any(String)],
      ]);

      // Gone: the history stays, without a name.
      await t.db.query('DELETE FROM users WHERE id = $1', [zola.id]);
      const gone = (await kenyaEditor.get(`/api/initiatives/${id}`)).body;
      const goneCycle = gone.cycles.find((c: { id: string }) => c.id === cycle.id);
      expect(goneCycle.events.map((e: { byName: string | null }) => e.byName)).toEqual([null, null]);
      expect(goneCycle.milestones.map((m: { ownerId: string | null; ownerName: string | null }) => [m.ownerId, m.ownerName])).toEqual([[null, null]]);
      expect(goneCycle.observations.map((o: { authorName: string | null }) => o.authorName)).toEqual([null]);
      expect(gone.people.map((p: { id: string }) => p.id)).not.toContain(zola.id);
      expect((await activity()).slice(0, 3)).toEqual([
        ['observation_added', null],
        ['stage_changed', null],
        ['cycle_started', null],
      ]);
    });

    it('refuses observations and milestone due dates before the cycle started', async () => {
      const { id } = await newInitiative();
      const cycle = await startCycle(id);
      await t.db.query(`UPDATE cycles SET started_at = '2026-06-15T09:00Z' WHERE id = $1`, [cycle.id]);
      const early = await kenyaEditor.post(`/api/cycles/${cycle.id}/observations`, { observedOn: '2026-06-01', note: 'Before anything started' });
      expect(early.status).toBe(400);
      expect(early.body).toMatchObject({ message: 'An observation cannot be dated before its cycle started', details: [{ path: 'observedOn', message: 'Choose 2026-06-14 or a later date' }] });
      expect((await kenyaEditor.post(`/api/cycles/${cycle.id}/observations`, { observedOn: '2026-06-14', note: 'The evening before, somewhere' })).status).toBe(201);
      const due = await kenyaEditor.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Too early', dueOn: '2026-05-31' });
      expect(due.status).toBe(400);
      expect(due.body.details[0].path).toBe('dueOn');
      const milestone = await kenyaEditor.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Survey', dueOn: '2026-07-01' });
      expect(milestone.status).toBe(201);
      const moved = await kenyaEditor.put(`/api/milestones/${milestone.body.id}`, { dueOn: '2026-01-01' });
      expect(moved.status).toBe(400);
      expect(moved.body.details[0].path).toBe('dueOn');
    });

    it('keeps uploaded files as evidence: cited once, by this initiative only, downloaded by its readers as attachments', async () => {
      const { id } = await newInitiative({ partnerOrganisationIds: [ghana.id] });
      const other = await newInitiative({ title: 'Another initiative on housing' });
      const cycle = await startCycle(id);
      const pdf = Buffer.from('%PDF-1.4\n% evidence\n');
      const upload = (as: TestClient, initiativeId: string, body = pdf, contentType = 'application/pdf') =>
        as.request('post', `/api/initiatives/${initiativeId}/files`).attach('file', body, { filename: 'Relevé des moniteurs.pdf', contentType });
      expect((await upload(kenyaViewer, id)).status).toBe(403);
      expect((await upload(brazilEditor, id)).status).toBe(404);
      const fake = await upload(kenyaEditor, id, Buffer.from('MZ not a pdf'));
      expect(fake.status).toBe(400);
      expect(fake.body.details[0].path).toBe('file');
      const file = await upload(kenyaEditor, id);
      expect(file.status).toBe(201);
      expect(file.body).toMatchObject({ name: 'Relevé des moniteurs.pdf', contentType: 'application/pdf', size: pdf.length });
      const foreign = (await upload(kenyaEditor, other.id)).body.id as string;

      const cite = (evidence: object[]) => kenyaEditor.post(`/api/cycles/${cycle.id}/observations`, { observedOn: new Date().toISOString().slice(0, 10), note: 'Monitor readings', evidence });
      const wrongInitiative = await cite([{ kind: 'file', id: foreign }]);
      expect(wrongInitiative.status).toBe(400);
      expect(wrongInitiative.body.details[0].path).toBe('evidence.0.id');
      const observed = await cite([{ kind: 'file', id: file.body.id, label: 'Relevé des moniteurs.pdf' }]);
      expect(observed.status).toBe(201);
      expect(observed.body.evidence).toEqual([{ kind: 'file', id: file.body.id, label: 'Relevé des moniteurs.pdf' }]);
      const again = await cite([{ kind: 'file', id: file.body.id }]);
      expect(again.status).toBe(400);
      expect(again.body.message).toBe('That file is already evidence of another observation');

      for (const reader of [kenyaViewer, ghanaEditor, afroOfficer, secretariat]) {
        const download = await reader.get(`/api/initiatives/${id}/files/${file.body.id}`);
        expect(download.status).toBe(200);
        expect(download.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('Relevé des moniteurs.pdf')}`);
        expect(download.headers['x-content-type-options']).toBe('nosniff');
        expect(Buffer.from(download.body).equals(pdf)).toBe(true);
      }
      expect((await brazilEditor.get(`/api/initiatives/${id}/files/${file.body.id}`)).status).toBe(404);
      // A file is reached only through its own initiative.
      expect((await kenyaEditor.get(`/api/initiatives/${other.id}/files/${file.body.id}`)).status).toBe(404);
      // Deleting the observation deletes its files.
      expect((await kenyaEditor.delete(`/api/observations/${observed.body.id}`)).status).toBe(204);
      expect((await kenyaEditor.get(`/api/initiatives/${id}/files/${file.body.id}`)).status).toBe(404);
    });

    it('cites one action item of a meeting’s minutes by its id', async () => {
      const { id } = await newInitiative();
      const cycle = await startCycle(id);
      const meeting = await kenyaEditor.post('/api/meetings', {
        organiserOrganisationId: kenya.id,
        title: 'Settlement committee',
        kind: 'action_learning_session',
        localStart: '2026-03-17T14:00',
        localEnd: '2026-03-17T15:00',
        timeZone: 'Africa/Nairobi',
      });
      expect(meeting.status).toBe(201);
      const minutes = await kenyaEditor.post(`/api/meetings/${meeting.body.id}/occurrences/2026-03-17T14:00/minutes`);
      expect(minutes.status).toBe(200);
      // Someone types the action item's text (as an editor would, through the document store).
      const store = t.app.get(DocumentStore);
      const { doc } = await store.load(minutes.body.documentId);
      const before = Y.encodeStateVector(doc);
      const node = doc.getXmlFragment(REPORT_DOCUMENT_FIELD).toArray().find((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'actionItem')!;
      doc.transact(() => node.insert(0, [new Y.XmlText('Share the drain survey with the county')]));
      await store.append(minutes.body.documentId, Y.encodeStateAsUpdate(doc, before), kenyaEditor.userId);
      const [item] = (await kenyaEditor.get(`/api/meetings/${meeting.body.id}/action-items`)).body.items;
      expect(item).toMatchObject({ text: 'Share the drain survey with the county', itemId: expect.any(String) });

      const cite = (evidence: object[]) => kenyaEditor.post(`/api/cycles/${cycle.id}/observations`, { observedOn: new Date().toISOString().slice(0, 10), note: 'Agreed at the committee', evidence });
      const wrongItem = await cite([{ kind: 'action_item', id: meeting.body.id, itemId: '00000000-0000-4000-8000-000000000000' }]);
      expect(wrongItem.status).toBe(400);
      expect(wrongItem.body.details[0].path).toBe('evidence.0.itemId');
      const noItem = await cite([{ kind: 'action_item', id: meeting.body.id }]);
      expect(noItem.status).toBe(400);
      expect(noItem.body.details[0].path).toBe('evidence.0.itemId');
      const hiddenMeeting = await ghanaEditor.post(`/api/cycles/${cycle.id}/observations`, { observedOn: '2026-11-30', note: 'x', evidence: [{ kind: 'action_item', id: meeting.body.id, itemId: item.itemId }] });
      expect([403, 404]).toContain(hiddenMeeting.status);
      const cited = await cite([{ kind: 'action_item', id: meeting.body.id, itemId: item.itemId, label: item.text }]);
      expect(cited.status).toBe(201);
      expect(cited.body.evidence).toEqual([{ kind: 'action_item', id: meeting.body.id, itemId: item.itemId, label: 'Share the drain survey with the county' }]);
    });
  });

  describe('visibility per role', () => {
    it('lets members, their regional office, partners taking part and the secretariat read; only editors and admins write', async () => {
      const { id } = await newInitiative({ partnerOrganisationIds: [ghana.id, partnerOrg.id] });
      const read = async (client: TestClient) => (await client.get(`/api/initiatives/${id}`)).status;
      expect(await read(kenyaViewer)).toBe(200);
      expect(await read(afroOfficer)).toBe(200);
      expect(await read(secretariat)).toBe(200);
      expect(await read(ghanaEditor)).toBe(200); // partner pathfinder taking part
      expect(await read(partner)).toBe(200);
      expect(await read(brazilEditor)).toBe(404);
      expect(await read(amroOfficer)).toBe(404);
      const listed = async (client: TestClient) => (await client.get('/api/initiatives')).body.items.some((i: { id: string }) => i.id === id);
      expect(await listed(ghanaEditor)).toBe(true);
      expect(await listed(brazilEditor)).toBe(false);
      // Writes: viewer, regional office, partner → 403; stranger → 404.
      const write = async (client: TestClient) => (await client.post(`/api/initiatives/${id}/cycles`, { title: 'Someone else’s cycle' })).status;
      expect(await write(kenyaViewer)).toBe(403);
      expect(await write(afroOfficer)).toBe(403);
      expect(await write(ghanaEditor)).toBe(403);
      expect(await write(brazilEditor)).toBe(404);
      const detail = (await ghanaEditor.get(`/api/initiatives/${id}`)).body;
      expect(detail.initiative).toMatchObject({ canEdit: false, canManage: false });
      expect(detail.people).toEqual([]);
      // Changing partners is for admins.
      const body = { ...initiative(), partnerOrganisationIds: [] };
      delete (body as { organisationId?: string }).organisationId;
      expect((await kenyaEditor.put(`/api/initiatives/${id}`, body)).status).toBe(403);
      expect((await kenyaAdmin.put(`/api/initiatives/${id}`, body)).status).toBe(200);
      expect(await read(ghanaEditor)).toBe(404);
      expect((await kenyaEditor.delete(`/api/initiatives/${id}`)).status).toBe(403);
      expect((await secretariat.delete(`/api/initiatives/${id}`)).status).toBe(204);
    });

    it('refuses an initiative for another organisation, for a regional office, or with itself as partner', async () => {
      expect((await brazilEditor.post('/api/initiatives', initiative())).status).toBe(404);
      expect((await kenyaViewer.post('/api/initiatives', initiative())).status).toBe(403);
      const self = await kenyaEditor.post('/api/initiatives', initiative({ partnerOrganisationIds: [kenya.id] }));
      expect(self.status).toBe(400);
      expect(self.body.details[0].path).toBe('partnerOrganisationIds.0');
    });
  });

  describe('measures', () => {
    it('computes the chart on the server, imports CSV all-or-nothing with a row-level report, and validates points', async () => {
      const { id } = await newInitiative();
      const measure = await kenyaEditor.post(`/api/initiatives/${id}/measures`, {
        name: 'Households with a ventilation grant', kind: 'process', unit: 'households', direction: 'higher_is_better', chartType: 'xmr',
      });
      expect(measure.status).toBe(201);
      const bad = await kenyaEditor.post(`/api/measures/${measure.body.id}/import`, {
        csv: 'date,value\n2026-01-01,4\n2026-02-30,5\n2026-03-01,abc\n2026-01-01,6\n',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.message).toBe('3 problems in the file; nothing was saved');
      expect(bad.body.details).toEqual([
        { path: 'csv.line 3.date', message: 'This date does not exist on the calendar' },
        { path: 'csv.line 4.value', message: '"abc" is not a number' },
        { path: 'csv.line 5.date', message: '2026-01-01 appears twice' },
      ]);
      expect((await kenyaEditor.get(`/api/measures/${measure.body.id}/chart`)).body.points).toEqual([]);
      const values = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11, 30];
      const csv = 'date,value\n' + values.map((v, i) => `2026-${String(i < 12 ? i + 1 : 12).padStart(2, '0')}-${i < 12 ? '01' : '15'},${v}`).join('\n');
      const imported = await kenyaEditor.post(`/api/measures/${measure.body.id}/import`, { csv });
      expect(imported.status).toBe(201);
      expect(imported.body.imported).toBe(13);
      const chart = imported.body.chart.chart;
      // Mean of the 13 values = 168 / 13.
      expect(chart.segments[0].centre).toBeCloseTo(168 / 13, 6);
      expect(chart.signals.some((s: { rule: string; indexes: number[] }) => s.rule === 'beyond_limit' && s.indexes[0] === 12)).toBe(true);
      expect(imported.body.chart.measure.latestSignal).toBe('improvement');
      const duplicate = await kenyaEditor.post(`/api/measures/${measure.body.id}/points`, { points: [{ date: '2026-01-01', value: 3 }] });
      expect(duplicate.status).toBe(400);
      expect(duplicate.body.details[0]).toMatchObject({ path: 'points.0.date', message: 'There is already a data point on 2026-01-01' });
      const notNumber = await kenyaEditor.post(`/api/measures/${measure.body.id}/points`, { points: [{ date: '2026-12-20', value: 'many' }] });
      expect(notNumber.status).toBe(400);
      expect(notNumber.body.details[0].path).toBe('points.0.value');
      const huge = await kenyaEditor.post(`/api/measures/${measure.body.id}/points`, { points: [{ date: '2026-12-20', value: 1e300 }] });
      expect(huge.status).toBe(400);
      // A settings change recomputes the signal with the new settings: as a run chart, one high point is no signal.
      const asRunChart = await kenyaEditor.put(`/api/measures/${measure.body.id}`, {
        name: 'Households with a ventilation grant', kind: 'process', unit: 'households', direction: 'higher_is_better', chartType: 'run',
      });
      expect(asRunChart.body.latestSignal).toBe('none');
      await kenyaEditor.put(`/api/measures/${measure.body.id}`, {
        name: 'Households with a ventilation grant', kind: 'process', unit: 'households', direction: 'higher_is_better', chartType: 'xmr',
      });
      const svg = await kenyaEditor.get(`/api/measures/${measure.body.id}/chart.svg`);
      expect(svg.status).toBe(200);
      expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
      expect(String(svg.body ?? svg.text)).toContain('<svg');
    });

    it('p-chart points need numerator ≤ denominator', async () => {
      const { id } = await newInitiative();
      const measure = await kenyaEditor.post(`/api/initiatives/${id}/measures`, { name: 'Screened', kind: 'outcome', direction: 'higher_is_better', chartType: 'p' });
      const over = await kenyaEditor.post(`/api/measures/${measure.body.id}/points`, { points: [{ date: '2026-01-01', numerator: 12, denominator: 10 }] });
      expect(over.status).toBe(400);
      expect(over.body.details[0]).toMatchObject({ path: 'points.0.numerator', message: 'Numerator cannot be greater than the denominator' });
      const valueOnly = await kenyaEditor.post(`/api/measures/${measure.body.id}/points`, { points: [{ date: '2026-01-01', value: 0.5 }] });
      expect(valueOnly.status).toBe(400);
      const ok = await kenyaEditor.post(`/api/measures/${measure.body.id}/points`, { points: [{ date: '2026-01-01', numerator: 3, denominator: 12 }] });
      expect(ok.status).toBe(201);
      expect(ok.body.points[0]).toEqual({ date: '2026-01-01', value: 0.25, numerator: 3, denominator: 12 });
    });
  });

  describe('dashboard', () => {
    it('shows each readable pathfinder with exact figures from known fixtures', async () => {
      // A fresh pathfinder with a known history, read by the secretariat.
      const slovenia = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'SVN', name: 'Slovenia pathfinder' });
      const editor = await createUser(t.db, { memberOf: [{ organisationId: slovenia.id, role: 'editor' }] });
      const client = await signIn(t, editor.email, TEST_PASSWORD);
      const first = await client.post('/api/initiatives', initiative({ organisationId: slovenia.id, sectors: ['transport'] }));
      await client.post('/api/initiatives', initiative({ organisationId: slovenia.id, title: 'Second initiative', sectors: ['education'] }));
      const cycle = (await client.post(`/api/initiatives/${first.body.id}/cycles`, { title: 'Active travel' })).body;
      await client.post(`/api/cycles/${cycle.id}/stage`, { to: 'act' });
      // Started years ago: its milestones can be long overdue.
      await t.db.query(`UPDATE cycles SET started_at = '2019-12-01' WHERE id = $1`, [cycle.id]);
      await client.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Overdue 1', dueOn: '2020-01-01' });
      await client.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Overdue 2', dueOn: '2020-02-01' });
      await client.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Done', dueOn: '2020-02-01', status: 'done' });
      await client.post(`/api/cycles/${cycle.id}/milestones`, { title: 'Future', dueOn: '2099-01-01' });
      const measure = (await client.post(`/api/initiatives/${first.body.id}/measures`, { name: 'Trips', kind: 'outcome', direction: 'lower_is_better', chartType: 'xmr' })).body;
      const values = [10, 12, 11, 13, 12, 11, 10, 12, 11, 13, 12, 11, 30];
      await client.post(`/api/measures/${measure.id}/points`, { points: values.map((value, i) => ({ date: `2025-${String(i + 1).padStart(2, '0')}-01`.replace('2025-13', '2026-01'), value })) });
      await t.db.query(`INSERT INTO lessons (organisation_id, title, language, status, published_at) VALUES ($1, 'A', 'en', 'published', now()), ($1, 'B', 'en', 'published', now()), ($1, 'C', 'en', 'draft', NULL)`, [slovenia.id]);
      await t.db.query(`INSERT INTO reports (organisation_id, title, period_start, period_end, status, updated_at) VALUES ($1, 'Older', '2026-01-01', '2026-06-30', 'submitted', now() - interval '2 days'), ($1, 'Latest', '2026-07-01', '2026-12-31', 'in_review', now())`, [slovenia.id]);

      const dashboard = await secretariat.get(`/api/cycles-dashboard?organisationId=${slovenia.id}`);
      expect(dashboard.status).toBe(200);
      expect(dashboard.headers['x-query-count']).toBeUndefined(); // counting is opt-in (SQL_QUERY_COUNT)
      expect(dashboard.body.rows).toHaveLength(1);
      expect(dashboard.body.rows[0]).toMatchObject({
        organisationName: 'Slovenia pathfinder',
        countryIso3: 'SVN',
        regionCode: 'EURO',
        initiatives: 2,
        stage: 'act',
        daysInStage: 0,
        overdueMilestones: 2,
        lastReport: { title: 'Latest', status: 'in_review' },
        meetingsHeld90: 0,
        attendanceRate90: null,
        lessonsPublished: 2,
        measuresImproving: 0,
        measuresConcerning: 1,
      });
      expect(dashboard.body.stageDistribution.find((s: { stage: string }) => s.stage === 'act').count).toBe(1);
      expect(dashboard.body.burndown).toHaveLength(16);
      // This week: 4 milestones, one done → 3 open.
      expect(dashboard.body.burndown[11].open).toBe(3);
      const thisWeek = dashboard.body.activity[dashboard.body.activity.length - 1];
      expect(thisWeek).toEqual({ week: thisWeek.week, stageChanges: 2, milestonesDone: 0, observations: 0 });
      // Sector filter: only the transport initiative counts.
      const filtered = await secretariat.get(`/api/cycles-dashboard?organisationId=${slovenia.id}&sector=education`);
      expect(filtered.body.rows[0]).toMatchObject({ initiatives: 1, stage: 'none', overdueMilestones: 0 });
      // Regional offices see their region only; a pathfinder sees itself.
      const afro = await afroOfficer.get('/api/cycles-dashboard');
      expect(afro.body.rows.map((r: { organisationName: string }) => r.organisationName).sort()).toEqual(['Ghana pathfinder', 'Kenya pathfinder']);
      expect((await client.get('/api/cycles-dashboard')).body.rows.map((r: { organisationName: string }) => r.organisationName)).toEqual(['Slovenia pathfinder']);
      const csv = await secretariat.get(`/api/cycles-dashboard/export?format=csv&organisationId=${slovenia.id}`);
      expect(csv.status).toBe(200);
      expect(csv.text.split('\n')[1]).toMatch(/^Slovenia pathfinder,SVN,EURO,2,Act,0,2,Latest,In review,0,,2,0,1/);
      const feed = await secretariat.get('/api/cycles-dashboard/activity?limit=5');
      expect(feed.body.items).toHaveLength(5);
      const moved = (await client.get('/api/cycles-dashboard/activity?limit=50')).body.items.find((item: { kind: string }) => item.kind === 'stage_changed');
      expect(moved).toMatchObject({ detail: '1. Active travel', fromStage: 'plan', toStage: 'act', organisationName: 'Slovenia pathfinder' });
      expect((await brazilEditor.get('/api/cycles-dashboard/activity')).body.items).toEqual([]);
      // The feed follows the dashboard's drill-down.
      const drilled = (await secretariat.get(`/api/cycles-dashboard/activity?organisationId=${slovenia.id}`)).body.items;
      expect(drilled.length).toBeGreaterThan(0);
      expect(new Set(drilled.map((item: { organisationName: string }) => item.organisationName))).toEqual(new Set(['Slovenia pathfinder']));
      expect((await secretariat.get('/api/cycles-dashboard/activity?region=AMRO')).body.items).toEqual([]);
    });
  });

  describe('organisations, as api-organisations has them now', () => {
    it('names organisations and partners as they are called now, sorts by name in code-point order, and filters by their region', async () => {
      // Own pathfinders of SEARO (no other test reads that region); names whose code-point order is not the locale's.
      const nepal = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'NPL', name: 'Nepal pathfinder' });
      const bhutan = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BTN', name: 'bhutan pathfinder' });
      const alpha = await createOrganisation(t.db, { kind: 'core_partner', name: 'alpha partner' });
      const zeta = await createOrganisation(t.db, { kind: 'core_partner', name: 'Zeta partner' });
      const nepalEditor = await signedInMember(t, nepal.id, 'editor');
      const alphaViewer = await signedInMember(t, alpha.id, 'viewer');
      const created = await nepalEditor.post('/api/initiatives', initiative({ organisationId: nepal.id, partnerOrganisationIds: [alpha.id, zeta.id] }));
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      expect(created.body).toMatchObject({
        organisationName: 'Nepal pathfinder',
        countryIso2: 'NP',
        regionCode: 'SEARO',
        partners: [{ organisationId: zeta.id, name: 'Zeta partner' }, { organisationId: alpha.id, name: 'alpha partner' }],
      });
      await nepalEditor.post(`/api/initiatives/${id}/measures`, { name: 'Visits', kind: 'outcome', direction: 'higher_is_better', chartType: 'run' });

      // The region filter keeps initiatives of that region's organisations, also those read as a partner taking part.
      const listed = async (client: TestClient, query: string) => (await client.get(`/api/initiatives${query}`)).body.items.map((i: { id: string }) => i.id);
      expect(await listed(alphaViewer, '?region=SEARO')).toEqual([id]);
      expect(await listed(alphaViewer, '?region=AFRO')).toEqual([]);
      expect(await listed(secretariat, '?region=SEARO')).toEqual([id]);
      expect(await listed(secretariat, '?region=AFRO')).not.toContain(id);

      // Renamed organisations show their new names at once, and partners reorder by them.
      await t.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [nepal.id, 'Nepal pathfinder (renamed)']);
      await t.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [zeta.id, 'zeta partner']);
      const [renamed] = (await alphaViewer.get('/api/initiatives?region=SEARO')).body.items;
      expect(renamed).toMatchObject({
        organisationName: 'Nepal pathfinder (renamed)',
        partners: [{ organisationId: alpha.id, name: 'alpha partner' }, { organisationId: zeta.id, name: 'zeta partner' }],
      });
      expect((await nepalEditor.get(`/api/initiatives/${id}`)).body.initiative.organisationName).toBe('Nepal pathfinder (renamed)');

      // Measures a report can embed: by organisation name (code points), then initiative and measure.
      const measures = (await secretariat.get('/api/measures')).body.items as Array<{ organisationName: string; initiativeTitle: string; name: string }>;
      expect(measures.find((m) => m.name === 'Visits')).toMatchObject({ organisationName: 'Nepal pathfinder (renamed)' });
      const codePoints = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
      const sorted = [...measures].sort((a, b) => codePoints(a.organisationName, b.organisationName) || codePoints(a.initiativeTitle, b.initiativeTitle) || codePoints(a.name, b.name));
      expect(measures).toEqual(sorted);
      expect((await alphaViewer.get('/api/measures')).body.items.map((m: { name: string }) => m.name)).toEqual(['Visits']);

      // The dashboard: the region's pathfinders only, by name in code-point order.
      const dashboard = (await secretariat.get('/api/cycles-dashboard?region=SEARO')).body.rows;
      expect(dashboard.map((row: { organisationName: string }) => row.organisationName)).toEqual(['Nepal pathfinder (renamed)', 'bhutan pathfinder']);
      expect(dashboard[1]).toMatchObject({ organisationId: bhutan.id, countryIso2: 'BT', countryIso3: 'BTN', regionCode: 'SEARO', initiatives: 0 });
      expect((await secretariat.get('/api/cycles-dashboard?region=SEARO&sector=housing')).body.rows.map((row: { organisationId: string }) => row.organisationId)).toEqual([nepal.id]);

      // The activity feed: the region's organisations only, named as they are now.
      const feed = (await secretariat.get('/api/cycles-dashboard/activity?region=SEARO&limit=100')).body.items;
      expect(feed.length).toBeGreaterThan(0);
      expect(new Set(feed.map((item: { organisationName: string }) => item.organisationName))).toEqual(new Set(['Nepal pathfinder (renamed)']));
      expect((await alphaViewer.get('/api/cycles-dashboard/activity?region=SEARO')).body.items.map((item: { initiativeId: string }) => item.initiativeId)).toContain(id);
      expect((await alphaViewer.get('/api/cycles-dashboard/activity?region=EURO')).body.items).toEqual([]);
    });
  });

  describe('bad input', () => {
    it('answers 400 naming the field', async () => {
      const cases: Array<[object, string]> = [
        [initiative({ title: '' }), 'title'],
        [initiative({ aimByWhen: '2027-13-01' }), 'aimByWhen'],
        [initiative({ aimByWhen: '2001-01-01' }), 'aimByWhen'],
        [initiative({ sectors: ['space'] }), 'sectors.0'],
        [initiative({ title: 'x'.repeat(201) }), 'title'],
      ];
      for (const [body, path] of cases) {
        const response = await kenyaEditor.post('/api/initiatives', body);
        expect(response.status).toBe(400);
        expect(response.body.details[0].path).toBe(path);
      }
      expect((await kenyaEditor.get('/api/initiatives/not-a-uuid')).status).toBe(400);
      // NUL and other control characters: a 400 that names the field, never a 500.
      const nul = await kenyaEditor.post('/api/initiatives', initiative({ aimWhat: 'Probe\u0000NUL' }));
      expect(nul.status).toBe(400);
      expect(nul.body.details[0]).toMatchObject({ path: 'aimWhat', message: 'Control characters (such as NUL) are not allowed' });
      expect((await kenyaEditor.get('/api/cycles-dashboard?region=XYZ')).status).toBe(400);
      expect((await kenyaEditor.post('/api/cycles/00000000-0000-4000-8000-000000000000/stage', { to: 'act' })).status).toBe(404);
      const { id } = await newInitiative();
      const cycle = await startCycle(id);
      expect((await kenyaEditor.post(`/api/cycles/${cycle.id}/stage`, { to: 'done' })).status).toBe(400);
      const future = await kenyaEditor.post(`/api/cycles/${cycle.id}/observations`, { observedOn: '2099-01-01', note: 'Not yet' });
      expect(future.status).toBe(400);
      expect(future.body.details[0].path).toBe('observedOn');
      for (const body of [{ note: 'bell\u0007' }, { note: 'ok', evidence: [{ kind: 'link', url: 'https://example.org/a', label: 'x\u0000' }] }]) {
        const response = await kenyaEditor.post(`/api/cycles/${cycle.id}/observations`, { observedOn: '2026-11-01', ...body });
        expect(response.status).toBe(400);
      }
    });
  });
});
