import { SearchModule } from '@simashe/api-search';
import { bootTestApp, createOrganisation, createUser, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { TrainingModule } from './training.module';
import { newCertificateCode, scoreQuiz } from './training.service';

describe('training (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let kenya: { id: string };
  let secretariat: { id: string };
  let kenyaEditor: TestClient;
  let kenyaViewer: TestClient;
  let brazilAdmin: TestClient;
  let ghanaAdmin: TestClient;
  let secretariatAdmin: TestClient;
  let secretariatViewer: TestClient;
  let guideId: string;

  const quiz = {
    kind: 'quiz',
    title: 'Check your understanding',
    passMark: 60,
    questions: [
      { prompt: 'Which measure is relative?', options: ['Difference', 'Ratio'], correct: 1 },
      { prompt: 'Which dimension is ordered?', options: ['Sex', 'Wealth quintile', 'Region'], correct: 1 },
    ],
  };
  const course = (overrides: object = {}) => ({
    organisationId: kenya.id,
    title: 'Reading inequality data',
    summary: 'A first course.',
    language: 'en',
    published: true,
    modules: [
      { kind: 'resource', title: 'Read the guide', resourceId: guideId },
      { kind: 'webinar', title: 'Watch the recording', url: 'https://example.org/recording' },
      { kind: 'reflection', title: 'Reflect', body: 'Which indicator would you disaggregate first?' },
      quiz,
    ],
    ...overrides,
  });
  const REFLECTION = 'Skilled birth attendance by wealth quintile, because our survey has it.';

  beforeAll(async () => {
    // People and organisations are renamed behind the API here: names are read on every request (AUTH_CACHE_SECONDS 0).
    t = await bootTestApp([TrainingModule, SearchModule], { authCacheSeconds: 0 });
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    const ghana = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana pathfinder' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil pathfinder' });
    secretariat = await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' });
    kenyaEditor = await signedInMember(t, kenya.id, 'editor');
    kenyaViewer = await signedInMember(t, kenya.id, 'viewer');
    ghanaAdmin = await signedInMember(t, ghana.id, 'admin');
    brazilAdmin = await signedInMember(t, brazil.id, 'admin');
    secretariatAdmin = await signedInMember(t, secretariat.id, 'admin');
    secretariatViewer = await signedInMember(t, secretariat.id, 'viewer');
    const guide = await kenyaEditor.post('/api/resources', { organisationId: kenya.id, kind: 'guidance', title: 'The monitoring cycle', language: 'en', topic: 'inequality_monitoring', visibility: 'network', url: 'https://example.org/guide' });
    expect(guide.status).toBe(201);
    guideId = guide.body.id;
  });
  afterAll(() => t.close());

  it('lets trainers write courses of ordered modules, and shows a draft only to them', async () => {
    const draft = await kenyaEditor.post('/api/training/courses', course({ published: false }));
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ organisationName: 'Kenya pathfinder', published: false, moduleCount: 4, canEdit: true, canTrack: true, enrolment: null });
    expect(draft.body.modules.map((module: { kind: string; position: number }) => [module.position, module.kind])).toEqual([[0, 'resource'], [1, 'webinar'], [2, 'reflection'], [3, 'quiz']]);
    expect(draft.body.modules[0].resourceTitle).toBe('The monitoring cycle');
    expect((await kenyaEditor.get('/api/search?q=reading%20inequality&kind=course')).body.items).toEqual([]);
    // The trainer sees the right answers.
    expect(draft.body.modules[3].questions.map((question: { correct: number }) => question.correct)).toEqual([1, 1]);

    expect((await brazilAdmin.get(`/api/training/courses/${draft.body.id}`)).status).toBe(404);
    expect((await brazilAdmin.get('/api/training/courses')).body.items.some((item: { id: string }) => item.id === draft.body.id)).toBe(false);
    expect((await kenyaViewer.get(`/api/training/courses/${draft.body.id}`)).status).toBe(404);
    expect((await brazilAdmin.post(`/api/training/courses/${draft.body.id}/enrolment`)).status).toBe(404);
    // Viewers and other organisations do not write Kenya's courses.
    const byViewer = await kenyaViewer.post('/api/training/courses', course());
    expect(byViewer.status).toBe(403);
    expect(byViewer.body.message).toBe('Only editors and admins of this organisation can create its courses');
    expect((await brazilAdmin.post('/api/training/courses', course())).status).toBe(403);

    // Reordering keeps each module's id (and so its learners' progress); a module left out is removed.
    const [resource, webinar, reflection, quizModule] = draft.body.modules;
    const reordered = await kenyaEditor.put(`/api/training/courses/${draft.body.id}`, course({
      published: true,
      modules: [{ ...quiz, id: quizModule.id }, { kind: 'reflection', id: reflection.id, title: 'Reflect again' }, { kind: 'webinar', id: webinar.id, title: webinar.title, url: webinar.url }],
    }));
    expect(reordered.status).toBe(200);
    expect(reordered.body.modules.map((module: { id: string; title: string }) => module.id)).toEqual([quizModule.id, reflection.id, webinar.id]);
    expect(reordered.body.modules[1].title).toBe('Reflect again');
    expect(reordered.body.modules.some((module: { id: string }) => module.id === resource.id)).toBe(false);
    // A module of another course is not this course's to keep.
    const other = await kenyaEditor.post('/api/training/courses', course({ title: 'Another course', published: false }));
    const stolen = await kenyaEditor.put(`/api/training/courses/${draft.body.id}`, course({ modules: [{ kind: 'reflection', id: other.body.modules[2].id, title: 'Not mine' }] }));
    expect(stolen.status).toBe(400);
    expect(stolen.body.message).toBe('A module you sent is not one of this course’s (it may have been removed meanwhile); reload the course and save again');
    // A kept module keeps its kind: a reflection its learners wrote would otherwise count as a quiz passed.
    const turned = await kenyaEditor.put(`/api/training/courses/${draft.body.id}`, course({
      published: true,
      modules: [{ ...quiz, id: reflection.id }, { kind: 'webinar', id: webinar.id, title: webinar.title, url: webinar.url }],
    }));
    expect(turned.status).toBe(400);
    expect(turned.body.details).toEqual([{ path: 'modules.0.kind', message: 'A module keeps its kind: remove it and add a new module of the other kind' }]);
    const unchanged = await kenyaEditor.get(`/api/training/courses/${draft.body.id}`);
    expect(unchanged.body.modules.map((module: { id: string; kind: string }) => [module.id, module.kind])).toEqual([
      [quizModule.id, 'quiz'],
      [reflection.id, 'reflection'],
      [webinar.id, 'webinar'],
    ]);
    // A copied course's JSON (module ids and all) makes a new course with new modules, never an empty one.
    const copied = await kenyaEditor.post('/api/training/courses', course({ title: 'A copy', modules: reordered.body.modules.map((module: { id: string; kind: string; title: string; url: string | null }) => (module.kind === 'webinar' ? { id: module.id, kind: 'webinar', title: module.title, url: module.url } : { id: module.id, kind: 'reflection', title: module.title })) }));
    expect(copied.status).toBe(201);
    expect(copied.body.moduleCount).toBe(3);
    expect(copied.body.modules.some((module: { id: string }) => reordered.body.modules.some((original: { id: string }) => original.id === module.id))).toBe(false);
    // Searchable once published (not as a draft), by every member.
    const found = await brazilAdmin.get('/api/search?q=reading%20inequality&kind=course');
    expect(found.body.items.map((hit: { id: string; link: string }) => [hit.id, hit.link])).toEqual([[draft.body.id, `/training/${draft.body.id}`]]);
    // Published, a learner of another organisation sees it, without the answers.
    const seen = await brazilAdmin.get(`/api/training/courses/${draft.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ canEdit: false, canEnrol: true, canTrack: false });
    expect(seen.body.modules[0].questions.map((question: { correct: number | null }) => question.correct)).toEqual([null, null]);
  });

  it('refuses bad courses with a sentence, and saves nothing of them', async () => {
    const before = (await kenyaEditor.get('/api/training/courses')).body.items.length;
    const refusals: Array<[object, string]> = [
      [course({ modules: [] }), 'A course needs at least one module before it is published'],
      [course({ modules: [{ ...quiz, questions: [{ prompt: 'Which?', options: ['One', 'Two'], correct: 2 }] }] }), 'Mark the right answer of each question'],
      [course({ modules: [{ ...quiz, questions: [{ prompt: 'Which?', options: ['Only one'], correct: 0 }] }] }), 'Give each question at least 2 answers'],
      [course({ modules: [{ kind: 'webinar', title: 'Watch', url: 'javascript:alert(1)' }] }), 'The recording must be an http(s) link'],
      [course({ modules: [{ kind: 'resource', title: 'Read', resourceId: '00000000-0000-4000-8000-000000000000' }] }), 'A module points at a resource that does not exist or that you cannot read'],
      [course({ modules: [{ kind: 'lecture', title: 'Listen' }] }), 'Module kind must be one of: resource, webinar, reflection, quiz'],
      [course({ title: 'A\u0000B' }), ''],
    ];
    for (const [body, message] of refusals) {
      const response = await kenyaEditor.post('/api/training/courses', body);
      expect(response.status).toBe(400);
      if (message) expect(JSON.stringify(response.body)).toContain(message);
    }
    expect((await kenyaEditor.get('/api/training/courses')).body.items.length).toBe(before);
  });

  it('tracks each learner’s progress per module, scores the quiz, and completes the course with a certificate checked publicly', async () => {
    const created = await kenyaEditor.post('/api/training/courses', course({ title: 'Completing a course' }));
    const id = created.body.id as string;
    const [resource, webinar, reflection, quizModule] = created.body.modules as Array<{ id: string }>;
    const progress = (client: TestClient, moduleId: string, body: object) => client.post(`/api/training/courses/${id}/modules/${moduleId}/progress`, body);

    // Not enrolled yet: no progress, no certificate.
    expect((await progress(ghanaAdmin, resource.id, { done: true })).status).toBe(409);
    const enrolled = await ghanaAdmin.post(`/api/training/courses/${id}/enrolment`);
    expect(enrolled.status).toBe(201);
    expect(enrolled.body.enrolment).toMatchObject({ completedAt: null, completedModules: 0, certificateCode: null });
    expect((await ghanaAdmin.get(`/api/training/courses/${id}/certificate`)).status).toBe(409);

    // Each module is done its own way.
    expect((await progress(ghanaAdmin, reflection.id, { done: true })).body.message).toBe('A reflection is done by writing it');
    expect((await progress(ghanaAdmin, quizModule.id, { done: true })).status).toBe(400);
    expect((await progress(ghanaAdmin, reflection.id, { reflection: 'Too short' })).status).toBe(400);
    expect((await progress(ghanaAdmin, quizModule.id, { answers: [1] })).body.message).toBe('Answer every question of the quiz (2)');
    expect((await progress(ghanaAdmin, resource.id, { done: true, answers: [1] })).status).toBe(400);
    expect((await progress(ghanaAdmin, quizModule.id, { answers: [1, 3] })).body.message).toBe('Each answer must be the number of an option');

    expect((await progress(ghanaAdmin, resource.id, { done: true })).body.course.enrolment.completedModules).toBe(1);
    await progress(ghanaAdmin, webinar.id, { done: true });
    const reflected = await progress(ghanaAdmin, reflection.id, { reflection: REFLECTION });
    expect(reflected.body.course.modules[2].progress).toMatchObject({ reflection: REFLECTION });
    expect(reflected.body.course.modules[2].progress.completedAt).not.toBeNull();

    // A failed quiz leaves the module (and the course) open, with the score; a pass completes both.
    const failed = await progress(ghanaAdmin, quizModule.id, { answers: [0, 0] });
    expect(failed.status).toBe(200);
    expect(failed.body.quiz).toEqual({ score: 0, passed: false, passMark: 60, correct: [false, false] });
    expect(failed.body.course.modules[3].progress).toMatchObject({ completedAt: null, score: 0 });
    expect(failed.body.course.enrolment.completedAt).toBeNull();
    const passed = await progress(ghanaAdmin, quizModule.id, { answers: [1, 1] });
    expect(passed.body.quiz).toEqual({ score: 100, passed: true, passMark: 60, correct: [true, true] });
    const code = passed.body.course.enrolment.certificateCode as string;
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(passed.body.course.enrolment).toMatchObject({ completedModules: 4 });
    // A later, worse attempt takes nothing back.
    const again = await progress(ghanaAdmin, quizModule.id, { answers: [0, 1] });
    expect(again.body.course.modules[3].progress.score).toBe(100);
    expect(again.body.course.enrolment.certificateCode).toBe(code);

    // The certificate: a PDF for the learner; a public check for anyone, signed out, in any case and with or without dashes.
    const pdf = await ghanaAdmin.request('get', `/api/training/courses/${id}/certificate`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const checked = await t.http().get(`/api/public/certificates/${code.toLowerCase().replace(/-/g, '')}`);
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ code, courseTitle: 'Completing a course', organisationName: 'Kenya pathfinder' });
    expect(typeof checked.body.learnerName).toBe('string');
    // The certificate names the learner as their account does now.
    await t.db.query(`UPDATE users SET name = 'Ama Mensah-Owusu' WHERE id = $1`, [ghanaAdmin.userId]);
    expect((await t.http().get(`/api/public/certificates/${code}`)).body.learnerName).toBe('Ama Mensah-Owusu');
    // ...and the course's organisation as it is called now (api-organisations').
    await t.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [kenya.id, 'Kenya pathfinder (renamed)']);
    expect((await t.http().get(`/api/public/certificates/${code}`)).body.organisationName).toBe('Kenya pathfinder (renamed)');
    expect((await ghanaAdmin.get(`/api/training/courses/${id}`)).body.organisationName).toBe('Kenya pathfinder (renamed)');
    expect((await ghanaAdmin.get('/api/training/courses')).body.items.find((item: { id: string }) => item.id === id).organisationName).toBe('Kenya pathfinder (renamed)');
    await t.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [kenya.id, 'Kenya pathfinder']);
    // Unknown and malformed codes are told apart.
    const unknown = newCertificateCode();
    expect((await t.http().get(`/api/public/certificates/${unknown}`)).body.message).toBe('No certificate has this verification code; check it against the printed certificate');
    expect((await t.http().get('/api/public/certificates/not-a-code')).status).toBe(400);
    expect((await t.http().get('/api/public/certificates/IIII-IIII-IIII')).status).toBe(400);

    // Someone else's progress is their own.
    expect((await brazilAdmin.get(`/api/training/courses/${id}`)).body.modules[0].progress).toBeNull();
    // A completed course is unpublished, not deleted; its learners keep it, with their certificate.
    expect((await kenyaEditor.request('delete', `/api/training/courses/${id}`)).status).toBe(409);
    const sameModules = [
      { id: resource.id, kind: 'resource', title: 'Read the guide', resourceId: guideId },
      { id: webinar.id, kind: 'webinar', title: 'Watch the recording', url: 'https://example.org/recording' },
      { id: reflection.id, kind: 'reflection', title: 'Reflect' },
      { ...quiz, id: quizModule.id },
    ];
    expect((await kenyaEditor.put(`/api/training/courses/${id}`, course({ title: 'Completing a course', published: false, modules: sameModules }))).status).toBe(200);
    expect((await ghanaAdmin.get(`/api/training/courses/${id}`)).body.enrolment.certificateCode).toBe(code);
    expect((await ghanaAdmin.get('/api/training/courses')).body.items.some((item: { id: string }) => item.id === id)).toBe(true);
    expect((await ghanaAdmin.request('get', `/api/training/courses/${id}/certificate`)).status).toBe(200);
    // ...while someone who never took it no longer sees it.
    expect((await brazilAdmin.get(`/api/training/courses/${id}`)).status).toBe(404);
  });

  it('shows trainers and the secretariat completion by organisation and region, and nobody else', async () => {
    const created = await kenyaEditor.post('/api/training/courses', course({ title: 'Counted course', modules: [{ kind: 'webinar', title: 'Watch', url: 'https://example.org/r' }] }));
    const id = created.body.id as string;
    const moduleId = created.body.modules[0].id as string;
    for (const learner of [ghanaAdmin, brazilAdmin, kenyaViewer]) await learner.post(`/api/training/courses/${id}/enrolment`);
    // Enrolling twice counts once.
    await ghanaAdmin.post(`/api/training/courses/${id}/enrolment`);
    for (const learner of [ghanaAdmin, kenyaViewer]) await learner.post(`/api/training/courses/${id}/modules/${moduleId}/progress`, { done: true });

    const completion = await kenyaEditor.get(`/api/training/courses/${id}/completion`);
    expect(completion.status).toBe(200);
    expect(completion.body).toMatchObject({ enrolled: 3, completed: 2 });
    const byName = Object.fromEntries(completion.body.byOrganisation.map((group: { organisationName: string; enrolled: number; completed: number; regionCode: string }) => [group.organisationName, [group.regionCode, group.enrolled, group.completed]]));
    expect(byName).toEqual({ 'Brazil pathfinder': ['AMRO', 1, 0], 'Ghana pathfinder': ['AFRO', 1, 1], 'Kenya pathfinder': ['AFRO', 1, 1] });
    expect(completion.body.byRegion).toEqual([{ regionCode: 'AFRO', enrolled: 2, completed: 2 }, { regionCode: 'AMRO', enrolled: 1, completed: 0 }]);
    // Organisations by their current name in code-point order (as PostgreSQL sorted them), a learner without one last.
    const [{ organisation_id: brazilId }] = await t.db.query('SELECT organisation_id FROM memberships WHERE user_id = $1', [brazilAdmin.userId]);
    await t.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [brazilId, 'brazil pathfinder']);
    const loner = await createUser(t.db);
    await t.db.query('INSERT INTO course_enrolments (course_id, user_id, organisation_id) VALUES ($1, $2, NULL)', [id, loner.id]);
    const ordered = (await kenyaEditor.get(`/api/training/courses/${id}/completion`)).body;
    expect(ordered.byOrganisation.map((group: { organisationName: string | null; regionCode: string | null }) => [group.organisationName, group.regionCode])).toEqual([
      ['Ghana pathfinder', 'AFRO'],
      ['Kenya pathfinder', 'AFRO'],
      ['brazil pathfinder', 'AMRO'],
      [null, null],
    ]);
    expect(ordered.byOrganisation[3]).toEqual({ organisationId: null, organisationName: null, regionCode: null, enrolled: 1, completed: 0 });
    await t.db.query('DELETE FROM course_enrolments WHERE user_id = $1', [loner.id]);
    await t.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [brazilId, 'Brazil pathfinder']);

    expect((await secretariatViewer.get(`/api/training/courses/${id}/completion`)).status).toBe(200);
    const refused = await brazilAdmin.get(`/api/training/courses/${id}/completion`);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('Only the course’s trainers');
    expect((await kenyaViewer.get(`/api/training/courses/${id}/completion`)).status).toBe(403);
    // The secretariat reads but does not write Kenya's course.
    expect((await secretariatAdmin.put(`/api/training/courses/${id}`, course())).status).toBe(403);
    // A learner whose only open module is removed has done the course: the certificate comes with the trainer's save.
    const twoStep = await kenyaEditor.post('/api/training/courses', course({ title: 'Two steps', modules: [{ kind: 'webinar', title: 'Watch', url: 'https://example.org/r' }, { kind: 'reflection', title: 'Reflect' }] }));
    const [watch] = twoStep.body.modules as Array<{ id: string; title: string; url: string }>;
    await brazilAdmin.post(`/api/training/courses/${twoStep.body.id}/enrolment`);
    await brazilAdmin.post(`/api/training/courses/${twoStep.body.id}/modules/${watch.id}/progress`, { done: true });
    await kenyaEditor.put(`/api/training/courses/${twoStep.body.id}`, course({ title: 'Two steps', modules: [{ id: watch.id, kind: 'webinar', title: watch.title, url: watch.url }] }));
    const finished = (await brazilAdmin.get(`/api/training/courses/${twoStep.body.id}`)).body.enrolment;
    expect(finished.completedAt).not.toBeNull();
    expect(finished.certificateCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // A course nobody completed can be deleted.
    const empty = await kenyaEditor.post('/api/training/courses', course({ title: 'Deleted course', published: false }));
    expect((await kenyaEditor.request('delete', `/api/training/courses/${empty.body.id}`)).status).toBe(204);
    expect((await kenyaEditor.get(`/api/training/courses/${empty.body.id}`)).status).toBe(404);
    expect(secretariat.id).toBeDefined();
  });
});

describe('quiz scoring and certificate codes', () => {
  it('scores in whole percent rounded down, so a pass is never rounded into being', () => {
    const questions = [{ correct: 0 }, { correct: 1 }, { correct: 2 }];
    expect(scoreQuiz(questions, [0, 1, 0], 67)).toEqual({ score: 66, passed: false, passMark: 67, correct: [true, true, false] });
    expect(scoreQuiz(questions, [0, 1, 2], 100)).toMatchObject({ score: 100, passed: true });
    expect(scoreQuiz(questions, [], 50)).toMatchObject({ score: 0, passed: false, correct: [false, false, false] });
  });

  it('draws codes of 12 unambiguous characters', () => {
    const codes = new Set(Array.from({ length: 2000 }, newCertificateCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  });
});
