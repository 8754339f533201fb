import { AccountsModule } from '@simashe/api-accounts';
import { bootTestApp, createOrganisation, createUser, eventually, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { DISCUSSIONS_NAMESPACE, NOTIFICATIONS_NAMESPACE, type Post } from '@simashe/contracts';
import { io, type Socket } from 'socket.io-client';
import { DiscussionsModule } from './discussions.module';

describe('discussions, mentions and notifications', () => {
  let t: TestApp;
  let kenyaEditor: TestClient;
  let kenyaAdmin: TestClient;
  let ghanaViewer: TestClient;
  let brazilViewer: TestClient;
  let afroOfficer: TestClient;
  let kenya: { id: string };
  const sockets: Socket[] = [];

  const connect = (client: TestClient, namespace: string) => {
    // forceNew: one connection per person (socket.io-client would otherwise share the first person's connection).
    const socket = io(`${t.baseUrl}${namespace}`, { extraHeaders: { cookie: client.cookie }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  };
  const inbox = async (client: TestClient) => (await client.get('/api/notifications')).body as { items: Array<{ kind: string; title: string; link: string }>; unread: number };
  const draftLesson = async (visibility = 'organisation') => {
    const created = await kenyaEditor.post('/api/lessons', { organisationId: kenya.id, title: 'Community health workers', language: 'en', visibility });
    return created.body.id as string;
  };

  beforeAll(async () => {
    t = await bootTestApp([AccountsModule, DiscussionsModule], {}, { listen: true });
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    const ghana = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana pathfinder' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil pathfinder' });
    const afro = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'AFRO', name: 'AFRO office' });
    kenyaEditor = await signedInMember(t, kenya.id, 'editor');
    kenyaAdmin = await signedInMember(t, kenya.id, 'admin');
    ghanaViewer = await signedInMember(t, ghana.id, 'viewer');
    brazilViewer = await signedInMember(t, brazil.id, 'viewer');
    afroOfficer = await signedInMember(t, afro.id, 'editor');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  it('opens network topics to everyone, with replies, quotes, own edits and deletes', async () => {
    const topic = await ghanaViewer.post('/api/discussions/topics', { title: 'Community of practice: urban health', body: 'Who works on housing?' });
    expect(topic.status).toBe(201);
    expect(topic.body.posts).toHaveLength(1);
    const threadId = topic.body.id;
    const first = topic.body.posts[0];
    const reply = await brazilViewer.post(`/api/discussions/threads/${threadId}/posts`, { body: 'We do, in São Paulo.', quotePostId: first.id });
    expect(reply.status).toBe(201);
    expect(reply.body.quote).toEqual({ postId: first.id, authorName: ghanaViewer.session.user.name, excerpt: 'Who works on housing?' });
    expect(reply.body.authorName).toBe(brazilViewer.session.user.name);
    expect((await inbox(ghanaViewer)).items.map((n) => n.kind)).toContain('reply');

    expect((await ghanaViewer.patch(`/api/discussions/threads/${threadId}/posts/${reply.body.id}`, { body: 'Not mine' })).status).toBe(403);
    const edited = await brazilViewer.patch(`/api/discussions/threads/${threadId}/posts/${reply.body.id}`, { body: 'We do, in São Paulo and Recife.' });
    expect(edited.body).toMatchObject({ body: 'We do, in São Paulo and Recife.', mine: true });
    expect(edited.body.editedAt).not.toBeNull();
    expect((await brazilViewer.delete(`/api/discussions/threads/${threadId}/posts/${reply.body.id}`)).status).toBe(204);
    const thread = (await ghanaViewer.get(`/api/discussions/threads/${threadId}`)).body;
    expect(thread.posts[1]).toMatchObject({ deleted: true, body: '' });
    // Each post names its author (a deleted post too), and the post it quotes names that one's.
    expect(thread.posts.map((p: { authorName: string | null }) => p.authorName)).toEqual([ghanaViewer.session.user.name, brazilViewer.session.user.name]);
    expect(thread.posts[1].quote.authorName).toBe(ghanaViewer.session.user.name);
    expect(thread.postCount).toBe(1);
    expect((await brazilViewer.patch(`/api/discussions/threads/${threadId}/posts/${reply.body.id}`, { body: 'Back' })).status).toBe(409);
    // A deleted post has no words left to quote.
    const quotingDeleted = await ghanaViewer.post(`/api/discussions/threads/${threadId}/posts`, { body: 'As you said', quotePostId: reply.body.id });
    expect(quotingDeleted.status).toBe(409);
    expect(quotingDeleted.body.message).toBe('That post was deleted, so it cannot be quoted');
    expect((await ghanaViewer.get('/api/discussions/topics')).body.items.map((x: { id: string }) => x.id)).toContain(threadId);
  });

  it('keeps a lesson’s thread to those who may read the lesson', async () => {
    const lessonId = await draftLesson();
    const posted = await kenyaEditor.post(`/api/discussions/subjects/lesson/${lessonId}/posts`, { body: 'Draft notes for the team' });
    expect(posted.status).toBe(201);
    expect((await kenyaAdmin.get(`/api/discussions/subjects/lesson/${lessonId}`)).body.thread.posts).toHaveLength(1);
    expect((await ghanaViewer.get(`/api/discussions/subjects/lesson/${lessonId}`)).status).toBe(404);
    expect((await ghanaViewer.get(`/api/discussions/threads/${posted.body.threadId}`)).status).toBe(404);
    expect((await ghanaViewer.post(`/api/discussions/threads/${posted.body.threadId}/posts`, { body: 'Let me in' })).status).toBe(404);
    // Search follows the same audience.
    expect((await kenyaAdmin.get('/api/search?q=draft%20notes&kind=discussion')).body.total).toBe(1);
    expect((await ghanaViewer.get('/api/search?q=draft%20notes&kind=discussion')).body.total).toBe(0);
    // The lesson's author hears about a colleague's post on it.
    expect((await inbox(kenyaEditor)).items.filter((n) => n.kind === 'reply')).toEqual([]);
    await kenyaAdmin.post(`/api/discussions/subjects/lesson/${lessonId}/posts`, { body: 'Looks good' });
    expect((await inbox(kenyaEditor)).items.filter((n) => n.kind === 'reply')).toEqual([
      expect.objectContaining({ title: `${kenyaAdmin.session.user.name} replied in “Community health workers”`, link: `/lessons/${lessonId}` }),
    ]);
    const fresh = await draftLesson();
    expect((await kenyaAdmin.get(`/api/discussions/subjects/lesson/${fresh}`)).body).toEqual({ thread: null });
  });

  it('delivers new posts live to a second client watching the thread, and refuses watching unreadable threads', async () => {
    const topic = await ghanaViewer.post('/api/discussions/topics', { title: 'Live thread', body: 'Opening' });
    const watcher = connect(brazilViewer, DISCUSSIONS_NAMESPACE);
    const received: Post[] = [];
    watcher.on('post', ({ post }: { post: Post }) => received.push(post));
    expect(await watcher.emitWithAck('watch', { threadId: topic.body.id })).toEqual({ ok: true });
    await ghanaViewer.post(`/api/discussions/threads/${topic.body.id}/posts`, { body: 'Live reply' });
    await eventually(() => received.some((post) => post.body === 'Live reply'), 5000, 'the live reply');
    // Unwatching is answered too, and a wrong payload says so.
    expect(await watcher.emitWithAck('unwatch', {})).toMatchObject({ ok: false, error: { id: 'validation_error' } });
    // An event the namespace does not handle is answered rather than left waiting.
    expect(await watcher.emitWithAck('nosuchevent', { a: 1 })).toEqual({ ok: false, error: { id: 'validation_error', message: 'Unknown event' } });

    // Watching a lesson before anyone wrote about it: the first post arrives too.
    const colleague = connect(kenyaAdmin, DISCUSSIONS_NAMESPACE);
    const firstPosts: Post[] = [];
    colleague.on('post', ({ post }: { post: Post }) => firstPosts.push(post));
    const quietLesson = await draftLesson();
    expect(await colleague.emitWithAck('watch', { subjectKind: 'lesson', subjectId: quietLesson })).toEqual({ ok: true });
    expect(await watcher.emitWithAck('watch', { subjectKind: 'lesson', subjectId: quietLesson })).toMatchObject({ ok: false });
    await kenyaEditor.post(`/api/discussions/subjects/lesson/${quietLesson}/posts`, { body: 'First word' });
    await eventually(() => firstPosts.some((post) => post.body === 'First word'), 5000, 'the first post');
    expect(received.some((post) => post.body === 'First word')).toBe(false);

    const lessonThread = await kenyaEditor.post(`/api/discussions/subjects/lesson/${await draftLesson()}/posts`, { body: 'Private' });
    expect(await watcher.emitWithAck('watch', { threadId: lessonThread.body.threadId })).toMatchObject({ ok: false, error: { id: 'not_found' } });
    expect(await watcher.emitWithAck('watch', { threadId: 'nope' })).toMatchObject({ ok: false, error: { id: 'validation_error' } });
    const anonymous = io(`${t.baseUrl}${DISCUSSIONS_NAMESPACE}`, { transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(anonymous);
    const refusal = await new Promise<Error>((resolve) => anonymous.on('connect_error', resolve));
    expect(refusal.message).toBe('Sign in to follow discussions');
  });

  it('notifies mentioned people and organisations who can read the thread, live, and respects preferences', async () => {
    const unread: number[] = [];
    const bell = connect(afroOfficer, NOTIFICATIONS_NAMESPACE);
    bell.on('unread', ({ unread: count }: { unread: number }) => unread.push(count));
    await eventually(() => unread.length > 0, 5000, 'the first unread count');
    const topic = await kenyaEditor.post('/api/discussions/topics', {
      title: 'Financing',
      body: `Question for @[${afroOfficer.session.user.name}](user:${afroOfficer.userId}) and @[Ghana pathfinder](org:${(await ghanaViewer.get('/api/organisations')).body.items[0].id})`,
    });
    expect(topic.status).toBe(201);
    const mentions = (await inbox(afroOfficer)).items.filter((n) => n.kind === 'mention');
    expect(mentions).toHaveLength(1);
    expect(mentions[0]).toMatchObject({ title: `${kenyaEditor.session.user.name} mentioned you in “Financing”`, link: `/discussions/${topic.body.id}` });
    expect((await inbox(ghanaViewer)).items.filter((n) => n.kind === 'mention')).toHaveLength(1);
    await eventually(() => unread.at(-1) === 1, 5000, 'the live unread count');

    // Mentioned in a private lesson thread: not notified (cannot read it).
    const lessonId = await draftLesson();
    await kenyaEditor.post(`/api/discussions/subjects/lesson/${lessonId}/posts`, { body: `FYI @[Officer](user:${brazilViewer.userId})` });
    expect((await inbox(brazilViewer)).items.filter((n) => n.kind === 'mention')).toEqual([]);

    // Turned off: no mention notification.
    expect((await ghanaViewer.put('/api/notifications/preferences', { mention: false })).body).toEqual({ mention: false, reply: true, invitation: true, report_submitted: true });
    await kenyaEditor.post(`/api/discussions/threads/${topic.body.id}/posts`, { body: `Again @[Ghana](user:${ghanaViewer.userId})` });
    expect((await inbox(ghanaViewer)).items.filter((n) => n.kind === 'mention')).toHaveLength(1);
    expect((await ghanaViewer.put('/api/notifications/preferences', { mention: 'no' })).status).toBe(400);
  });

  it('takes a mention of an id that names nobody as plain text: the post is stored once and answered 201', async () => {
    const nobody = '11111111-1111-4111-8111-111111111111';
    const topic = await kenyaEditor.post('/api/discussions/topics', { title: 'Ghosts', body: `Hello @[Ghost](user:${nobody}) and @[${kenyaAdmin.session.user.name}](user:${kenyaAdmin.userId})` });
    expect(topic.status).toBe(201);
    expect(topic.body.posts).toHaveLength(1);
    // Stored with the names the ids have: the made-up one as plain text.
    expect(topic.body.posts[0].body).toBe(`Hello @Ghost and @[${kenyaAdmin.session.user.name}](user:${kenyaAdmin.userId})`);
    // The real person mentioned beside the made-up one is still told.
    expect((await inbox(kenyaAdmin)).items.filter((n) => n.kind === 'mention' && n.link === `/discussions/${topic.body.id}`)).toHaveLength(1);
    const reply = await kenyaEditor.post(`/api/discussions/threads/${topic.body.id}/posts`, { body: `And @[Ghana](user:${(await ghanaViewer.get('/api/organisations')).body.items[0].id})` });
    expect(reply.status).toBe(201);
    expect((await kenyaEditor.patch(`/api/discussions/threads/${topic.body.id}/posts/${reply.body.id}`, { body: `Edited @[Ghost](user:${nobody})` })).status).toBe(200);
    expect((await kenyaEditor.get(`/api/discussions/threads/${topic.body.id}`)).body.posts).toHaveLength(2);

    // A label is the writer's text; the name shown on a mention is the person's own.
    const spoof = await kenyaEditor.post(`/api/discussions/threads/${topic.body.id}/posts`, { body: `Ask @[SIMASHE Secretariat](user:${kenyaAdmin.userId})` });
    expect(spoof.body.body).toBe(`Ask @[${kenyaAdmin.session.user.name}](user:${kenyaAdmin.userId})`);
    expect((await inbox(kenyaAdmin)).items.find((n) => n.kind === 'mention' && (n as { body?: string }).body?.startsWith('Ask'))).toMatchObject({ body: `Ask @${kenyaAdmin.session.user.name}` });
  });

  it('keeps a lesson thread’s search entry and title in step with the lesson: its readers, its title, its deletion', async () => {
    const lessonId = await draftLesson('network');
    expect((await kenyaEditor.put(`/api/lessons/${lessonId}/status`, { status: 'published' })).status).toBe(200);
    const posted = await ghanaViewer.post(`/api/discussions/subjects/lesson/${lessonId}/posts`, { body: 'Zorbaflux outreach worked for us too' });
    expect(posted.status).toBe(201);
    const found = async (client: TestClient) => (await client.get('/api/search?q=zorbaflux&kind=discussion')).body as { total: number; items: Array<{ title: string }> };
    expect((await found(ghanaViewer)).total).toBe(1);

    // Back to draft: only Kenya's members read it now, and search says the same.
    expect((await kenyaEditor.put(`/api/lessons/${lessonId}/status`, { status: 'draft' })).status).toBe(200);
    expect((await found(ghanaViewer)).total).toBe(0);
    expect((await found(kenyaAdmin)).total).toBe(1);

    // Renamed: the thread and its search entry take the new title.
    const renamed = await kenyaEditor.put(`/api/lessons/${lessonId}`, { title: 'Community health workers, second round', language: 'en', visibility: 'network' });
    expect(renamed.status).toBe(200);
    expect((await found(kenyaAdmin)).items[0].title).toBe('Community health workers, second round');
    expect((await kenyaAdmin.get(`/api/discussions/threads/${posted.body.threadId}`)).body.title).toBe('Community health workers, second round');

    // Deleted: its discussion leaves search.
    expect((await kenyaEditor.delete(`/api/lessons/${lessonId}`)).status).toBe(204);
    expect((await found(kenyaAdmin)).total).toBe(0);
  });

  it('tells the regional office when a country submits a report, and invitees when a meeting is scheduled', async () => {
    const templates = (await kenyaEditor.get('/api/report-templates')).body.items as Array<{ id: string }>;
    const report = await kenyaEditor.post('/api/reports', { organisationId: kenya.id, title: 'Q1 progress', periodStart: '2026-01-01', periodEnd: '2026-03-31', templateId: templates[0].id });
    expect((await kenyaEditor.post(`/api/reports/${report.body.id}/status`, { status: 'submitted' })).status).toBe(200);
    const submitted = (await inbox(afroOfficer)).items.filter((n) => n.kind === 'report_submitted');
    expect(submitted).toEqual([expect.objectContaining({ title: 'Kenya pathfinder submitted “Q1 progress”', link: `/reports/${report.body.id}` })]);
    expect((await inbox(ghanaViewer)).items.filter((n) => n.kind === 'report_submitted')).toEqual([]);

    const meeting = await kenyaEditor.post('/api/meetings', {
      organiserOrganisationId: kenya.id,
      title: 'Peer exchange',
      kind: 'intercountry_workshop',
      localStart: '2026-12-03T10:00',
      localEnd: '2026-12-03T11:00',
      timeZone: 'Africa/Nairobi',
      invitees: { userIds: [brazilViewer.userId] },
    });
    expect(meeting.status).toBe(201);
    const invitation = (await inbox(brazilViewer)).items.find((n) => n.kind === 'invitation');
    expect(invitation).toMatchObject({ title: 'Invitation: Peer exchange', link: `/meetings/${meeting.body.id}` });
    expect((await inbox(kenyaEditor)).items.filter((n) => n.kind === 'invitation')).toEqual([]);
  });

  it('lists the threads on reports, meetings and lessons with the topics, each only to those who may read its subject', async () => {
    const templates = (await kenyaEditor.get('/api/report-templates')).body.items as Array<{ id: string }>;
    const report = await kenyaEditor.post('/api/reports', { organisationId: kenya.id, title: 'Threads report', periodStart: '2026-04-01', periodEnd: '2026-06-30', templateId: templates[0].id });
    const onReport = await kenyaEditor.post(`/api/discussions/subjects/report/${report.body.id}/posts`, { body: 'On the report' });
    const meeting = await kenyaEditor.post('/api/meetings', {
      organiserOrganisationId: kenya.id,
      title: 'Threads meeting',
      kind: 'intercountry_workshop',
      localStart: '2026-12-10T10:00',
      localEnd: '2026-12-10T11:00',
      timeZone: 'Africa/Nairobi',
      invitees: { userIds: [brazilViewer.userId] },
    });
    const onMeeting = await kenyaEditor.post(`/api/discussions/subjects/meeting/${meeting.body.id}/posts`, { body: 'On the meeting' });
    const lessonId = await draftLesson();
    const onLesson = await kenyaEditor.post(`/api/discussions/subjects/lesson/${lessonId}/posts`, { body: 'On the draft lesson' });
    const topic = await ghanaViewer.post('/api/discussions/topics', { title: 'Threads topic', body: 'Open to all' });
    const ids = async (client: TestClient, query = '') => {
      const response = await client.get(`/api/discussions/threads${query}`);
      expect(response.status).toBe(200);
      return (response.body.items as Array<{ id: string }>).map((thread) => thread.id);
    };

    const kenyaSees = await ids(kenyaAdmin);
    expect(kenyaSees).toEqual(expect.arrayContaining([onReport.body.threadId, onMeeting.body.threadId, onLesson.body.threadId, topic.body.id]));
    // Newest activity first: the topic was the last to be written in.
    expect(kenyaSees.indexOf(topic.body.id)).toBeLessThan(kenyaSees.indexOf(onReport.body.threadId));
    // The regional office reads Kenya's reports, not its meetings or draft lessons.
    const afroSees = await ids(afroOfficer);
    expect(afroSees).toContain(onReport.body.threadId);
    expect(afroSees).not.toContain(onMeeting.body.threadId);
    expect(afroSees).not.toContain(onLesson.body.threadId);
    // Brazil is invited to the meeting only; Ghana reads none of Kenya's.
    const brazilSees = await ids(brazilViewer);
    expect(brazilSees).toContain(onMeeting.body.threadId);
    expect(brazilSees).not.toContain(onReport.body.threadId);
    const ghanaSees = await ids(ghanaViewer);
    expect(ghanaSees).toContain(topic.body.id);
    expect(ghanaSees).not.toEqual(expect.arrayContaining([onReport.body.threadId]));
    expect(ghanaSees).not.toContain(onMeeting.body.threadId);
    expect(ghanaSees).not.toContain(onLesson.body.threadId);

    // One kind at a time.
    expect(await ids(kenyaAdmin, '?subject=meeting')).toEqual([onMeeting.body.threadId]);
    const reportsOnly = (await kenyaAdmin.get('/api/discussions/threads?subject=report')).body.items as Array<{ subjectKind: string; subjectId: string; title: string; postCount: number }>;
    expect(reportsOnly.every((thread) => thread.subjectKind === 'report')).toBe(true);
    expect(reportsOnly.find((thread) => thread.subjectId === report.body.id)).toMatchObject({ title: 'Threads report', postCount: 1 });
    const wrong = await kenyaAdmin.get('/api/discussions/threads?subject=folder');
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ path: 'subject', message: 'Show all, topic, report, meeting or lesson threads' }]);
    expect((await kenyaAdmin.get('/api/discussions/threads?extra=1')).status).toBe(400);
  });

  it('rejects empty, oversized and malformed posts with clear messages, and stores markup as text', async () => {
    const topic = await ghanaViewer.post('/api/discussions/topics', { title: 'Validation', body: 'ok' });
    const empty = await ghanaViewer.post(`/api/discussions/threads/${topic.body.id}/posts`, { body: '   ' });
    expect(empty.body.details).toEqual([{ path: 'body', message: 'Write something first' }]);
    expect((await ghanaViewer.post(`/api/discussions/threads/${topic.body.id}/posts`, { body: 'x'.repeat(10_001) })).status).toBe(400);
    expect((await ghanaViewer.post(`/api/discussions/threads/${topic.body.id}/posts`, { body: 'quote', quotePostId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    expect((await ghanaViewer.post('/api/discussions/subjects/folder/00000000-0000-4000-8000-000000000000/posts', { body: 'x' })).status).toBe(400);
    const markup = await ghanaViewer.post(`/api/discussions/threads/${topic.body.id}/posts`, { body: '<img src=x onerror=alert(1)>' });
    expect(markup.body.body).toBe('<img src=x onerror=alert(1)>');
    expect((await ghanaViewer.get('/api/discussions/mention-candidates?q=Kenya')).body.items).toEqual(
      expect.arrayContaining([{ kind: 'org', id: kenya.id, name: 'Kenya pathfinder' }]),
    );
    expect((await ghanaViewer.get('/api/discussions/mention-candidates?q=%25')).status).toBe(200);
    // Two people of one name are told apart by where they work.
    const [{ id: ghanaId }] = await t.db.query(`SELECT id FROM organisations WHERE name = 'Ghana pathfinder'`);
    await createUser(t.db, { name: 'Kwame Twin', memberOf: [{ organisationId: kenya.id, role: 'viewer' }] });
    await createUser(t.db, { name: 'Kwame Twin', memberOf: [{ organisationId: ghanaId, role: 'viewer' }] });
    const twins = (await ghanaViewer.get('/api/discussions/mention-candidates?q=Kwame%20Twin')).body.items as Array<{ name: string; organisationName?: string }>;
    expect(twins.map((twin) => `${twin.name} (${twin.organisationName})`).sort()).toEqual(['Kwame Twin (Ghana pathfinder)', 'Kwame Twin (Kenya pathfinder)']);
  });
});
