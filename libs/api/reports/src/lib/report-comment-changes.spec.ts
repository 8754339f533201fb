import { bootTestApp, createOrganisation, eventually, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { REPORT_COMMENTS_NAMESPACE, REPORT_DOCUMENT_FIELD, type CommentThread, type ReportCommentsChanged } from '@simashe/contracts';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { ReportsModule } from './reports.module';

/** An anchor at the start of the report's text: valid, and enough where the commented words do not matter. */
const START = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment(REPORT_DOCUMENT_FIELD), 0))).toString('base64');
const mention = (client: TestClient) => `@[${client.session.user.name}](user:${client.userId})`;

describe('report comments: edits, deletes, mentions and live pushes', () => {
  let t: TestApp;
  let kenyaId: string;
  let author: TestClient;
  let colleague: TestClient;
  let viewer: TestClient;
  let admin: TestClient;
  let stranger: TestClient;
  const sockets: Socket[] = [];

  const connect = (client: TestClient | null) => {
    // forceNew: one connection per person (socket.io-client would otherwise share the first person's connection).
    const socket = io(`${t.baseUrl}${REPORT_COMMENTS_NAMESPACE}`, {
      extraHeaders: client ? { cookie: client.cookie } : {},
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(socket);
    return socket;
  };
  const newReport = async (title = 'Commented report') => {
    const templates = (await author.get('/api/report-templates')).body.items as Array<{ id: string; name: string }>;
    const created = await author.post('/api/reports', {
      organisationId: kenyaId,
      title,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      templateId: templates.find((x) => x.name === 'Blank report')!.id,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const comment = async (client: TestClient, reportId: string, body: string) => {
    const created = await client.post(`/api/reports/${reportId}/comments`, { body, anchorStart: START, anchorEnd: START, quote: 'start' });
    expect(created.status).toBe(201);
    return (created.body.items as CommentThread[]).at(-1)!;
  };
  const threads = async (client: TestClient, reportId: string) => (await client.get(`/api/reports/${reportId}/comments`)).body.items as CommentThread[];
  const mentions = async (client: TestClient) =>
    ((await client.get('/api/notifications')).body.items as Array<{ kind: string; title: string; body: string; link: string }>).filter((n) => n.kind === 'mention');

  beforeAll(async () => {
    t = await bootTestApp([ReportsModule], {}, { listen: true });
    const kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil pathfinder' });
    kenyaId = kenya.id;
    author = await signedInMember(t, kenya.id, 'editor');
    colleague = await signedInMember(t, kenya.id, 'editor');
    viewer = await signedInMember(t, kenya.id, 'viewer');
    admin = await signedInMember(t, kenya.id, 'admin');
    stranger = await signedInMember(t, brazil.id, 'admin');
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  it('lets authors edit and delete their own comments and replies, admins delete any, and refuses the rest', async () => {
    const reportId = await newReport();
    const thread = await comment(viewer, reportId, 'Which districts?');
    expect(thread).toMatchObject({ editedAt: null, deleted: false, canEdit: true, canDelete: true });
    const replied = await colleague.post(`/api/reports/${reportId}/comments/${thread.id}/replies`, { body: 'Kisumu.' });
    const reply = (replied.body.items as CommentThread[])[0].replies[0];

    const edited = await viewer.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: '  Which districts, exactly?  ' });
    expect(edited.status).toBe(200);
    expect(edited.body.items[0]).toMatchObject({ body: 'Which districts, exactly?', deleted: false });
    expect(edited.body.items[0].editedAt).toEqual(expect.any(String));
    const editedReply = await colleague.patch(`/api/reports/${reportId}/comments/${reply.id}`, { body: 'Kisumu and Nakuru.' });
    expect(editedReply.body.items[0].replies[0]).toMatchObject({ body: 'Kisumu and Nakuru.', editedAt: expect.any(String) });
    // The same text again is no edit: no "edited" marker where nothing changed.
    const same = await author.post(`/api/reports/${reportId}/comments`, { body: 'Unchanged', anchorStart: START, anchorEnd: START });
    const unchanged = (same.body.items as CommentThread[]).find((x) => x.body === 'Unchanged')!;
    expect((await author.patch(`/api/reports/${reportId}/comments/${unchanged.id}`, { body: 'Unchanged' })).body.items.find((x: CommentThread) => x.id === unchanged.id).editedAt).toBeNull();

    // What each person is offered, as the policy decides it.
    const seenBy = async (client: TestClient) => (await threads(client, reportId)).find((x) => x.id === thread.id)!;
    expect(await seenBy(colleague)).toMatchObject({ canEdit: false, canDelete: false, replies: [expect.objectContaining({ canEdit: true, canDelete: true })] });
    expect(await seenBy(admin)).toMatchObject({ canEdit: false, canDelete: true, replies: [expect.objectContaining({ canEdit: false, canDelete: true })] });

    // Someone else's comment: 403 with the reason to readers, 404 to those who may not know the report.
    const notMine = await colleague.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: 'Rewritten' });
    expect(notMine.status).toBe(403);
    expect(notMine.body).toMatchObject({ id: 'forbidden', message: 'You can only edit your own comments' });
    expect((await admin.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: 'Rewritten' })).status).toBe(403);
    const notMineToDelete = await author.delete(`/api/reports/${reportId}/comments/${reply.id}`);
    expect(notMineToDelete.status).toBe(403);
    expect(notMineToDelete.body.message).toBe('Only the comment’s author or an admin of this organisation can delete it');
    expect((await stranger.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: 'Rewritten' })).status).toBe(404);
    expect((await stranger.delete(`/api/reports/${reportId}/comments/${thread.id}`)).status).toBe(404);

    // Bad input: clear 400s and 404s, never a 500.
    const empty = await viewer.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual([{ path: 'body', message: 'Write a comment' }]);
    expect((await viewer.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: 'a\u0000b' })).status).toBe(400);
    expect((await viewer.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: 'x'.repeat(5001) })).body.details[0].message).toBe('Comments are at most 5000 characters');
    expect((await viewer.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: 'ok', extra: true })).status).toBe(400);
    expect((await viewer.patch(`/api/reports/${reportId}/comments/not-an-id`, { body: 'ok' })).status).toBe(400);
    const missing = await viewer.patch(`/api/reports/${reportId}/comments/${randomUUID()}`, { body: 'ok' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('The comment was not found');
    const elsewhere = await newReport('Another report');
    expect((await viewer.delete(`/api/reports/${elsewhere}/comments/${thread.id}`)).status).toBe(404);

    // Deleting the first comment keeps the thread while a reply hangs off it, without its text.
    const deleted = await viewer.delete(`/api/reports/${reportId}/comments/${thread.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.items.find((x: CommentThread) => x.id === thread.id)).toMatchObject({ deleted: true, body: '', canEdit: false, canDelete: false, replies: [expect.objectContaining({ id: reply.id })] });
    const [row] = await t.db.query('SELECT body, deleted_at FROM report_comments WHERE id = $1', [thread.id]);
    expect(row.body).toBe('');
    const late = await viewer.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: 'Back again' });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('This comment was deleted, so it cannot be edited');
    expect((await viewer.delete(`/api/reports/${reportId}/comments/${thread.id}`)).status).toBe(200);
    // A thread left with nothing is gone from the list; replies can still reach it (a reply that raced the delete).
    expect((await colleague.delete(`/api/reports/${reportId}/comments/${reply.id}`)).status).toBe(200);
    expect((await threads(author, reportId)).map((x) => x.id)).not.toContain(thread.id);

    // Admins delete anyone's comment (moderation), never edit it.
    const rude = await comment(colleague, reportId, 'Something rude');
    expect((await admin.delete(`/api/reports/${reportId}/comments/${rude.id}`)).status).toBe(200);
    expect((await threads(colleague, reportId)).map((x) => x.id)).not.toContain(rude.id);
  });

  it('notifies the people mentioned who may read the report, once, and only the newly mentioned after an edit', async () => {
    const reportId = await newReport('Housing progress');
    const thread = await comment(author, reportId, `Over to ${mention(colleague)}, ${mention(stranger)} and me ${mention(author)}`);
    const told = await mentions(colleague);
    expect(told).toEqual([
      expect.objectContaining({
        title: `${author.session.user.name} mentioned you in a comment on “Housing progress”`,
        body: `Over to @${colleague.session.user.name}, @${stranger.session.user.name} and me @${author.session.user.name}`,
        link: `/reports/${reportId}`,
      }),
    ]);
    // Brazil's admin cannot read Kenya's report; nobody is told of their own mention.
    expect(await mentions(stranger)).toEqual([]);
    expect(await mentions(author)).toEqual([]);

    // The edit adds the viewer: only the viewer hears of it; dropping and re-adding the colleague tells nobody twice.
    await author.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: `Over to ${mention(viewer)}` });
    await author.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: `Over to ${mention(viewer)} and ${mention(colleague)}` });
    expect(await mentions(viewer)).toHaveLength(1);
    expect(await mentions(colleague)).toHaveLength(1);

    // Replies mention too; a mentioned organisation reaches its members who may read the report.
    await viewer.post(`/api/reports/${reportId}/comments/${thread.id}/replies`, { body: `Asking @[Kenya pathfinder](org:${kenyaId}) and @[Nobody](user:${randomUUID()})` });
    expect(await mentions(admin)).toEqual([expect.objectContaining({ title: `${viewer.session.user.name} mentioned you in a comment on “Housing progress”` })]);
    expect(await mentions(viewer)).toHaveLength(1);
  });

  it('pushes every change live to the report’s watchers, never to strangers or signed-out sockets', async () => {
    const reportId = await newReport('Live comments');
    const watcher = connect(colleague);
    const heard: ReportCommentsChanged[] = [];
    watcher.on('changed', (change: ReportCommentsChanged) => heard.push(change));
    expect(await watcher.emitWithAck('watch', { reportId })).toEqual({ ok: true });

    const outsider = connect(stranger);
    const overheard: ReportCommentsChanged[] = [];
    outsider.on('changed', (change: ReportCommentsChanged) => overheard.push(change));
    expect(await outsider.emitWithAck('watch', { reportId })).toEqual({ ok: false, error: { id: 'not_found', message: 'The report was not found' } });
    expect(await outsider.emitWithAck('watch', { reportId: 'nope' })).toMatchObject({ ok: false, error: { id: 'validation_error' } });
    expect(await outsider.emitWithAck('watch', null)).toMatchObject({ ok: false, error: { id: 'validation_error' } });

    const thread = await comment(viewer, reportId, 'Live one');
    const reply = (await author.post(`/api/reports/${reportId}/comments/${thread.id}/replies`, { body: 'Heard' })).body.items[0].replies[0];
    await viewer.patch(`/api/reports/${reportId}/comments/${thread.id}`, { body: 'Live one, edited' });
    await author.post(`/api/reports/${reportId}/comments/${thread.id}/resolve`, { resolved: true });
    await author.post(`/api/reports/${reportId}/comments/${thread.id}/resolve`, { resolved: false });
    await author.delete(`/api/reports/${reportId}/comments/${reply.id}`);
    await eventually(() => heard.length === 6, 5000, 'six changes');
    expect(heard).toEqual([
      { reportId, threadId: thread.id, commentId: thread.id, change: 'created' },
      { reportId, threadId: thread.id, commentId: reply.id, change: 'replied' },
      { reportId, threadId: thread.id, commentId: thread.id, change: 'edited' },
      { reportId, threadId: thread.id, commentId: thread.id, change: 'resolved' },
      { reportId, threadId: thread.id, commentId: thread.id, change: 'reopened' },
      { reportId, threadId: thread.id, commentId: reply.id, change: 'deleted' },
    ]);
    // Another report's comments are not this watcher's business.
    await comment(author, await newReport('Elsewhere'), 'Not for the watcher');
    // Acknowledged, so the watcher has left before the next comment is written (a fixed wait raced under CI load).
    expect(await watcher.emitWithAck('unwatch', { reportId })).toEqual({ ok: true });
    await comment(author, reportId, 'After unwatching');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toHaveLength(6);
    expect(overheard).toEqual([]);

    const anonymous = connect(null);
    const refusal = await new Promise<Error>((resolve) => anonymous.on('connect_error', resolve));
    expect(refusal.message).toBe('Sign in to follow comments');
  });
});
