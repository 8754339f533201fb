import { bootTestApp, collabClient, createOrganisation, eventually, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import type { CollabProvider } from '@simashe/collab-client';
import { DocumentRooms, DocumentStore } from '@simashe/api-collaboration';
import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import { ReportsModule } from './reports.module';

function paragraphText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

const anchor = (text: Y.XmlText, index: number, assoc: number) =>
  Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString('base64');

describe('comments anchored to text ranges', () => {
  let t: TestApp;
  let editorA: TestClient;
  let editorB: TestClient;
  let viewer: TestClient;
  const providers: CollabProvider[] = [];

  beforeAll(async () => {
    // People and organisations are renamed behind the API here: names are read on every request (AUTH_CACHE_SECONDS 0).
    t = await bootTestApp([ReportsModule], { authCacheSeconds: 0 }, { listen: true });
    const kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN' });
    editorA = await signedInMember(t, kenya.id, 'editor');
    editorB = await signedInMember(t, kenya.id, 'editor');
    viewer = await signedInMember(t, kenya.id, 'viewer');
  });
  afterAll(async () => {
    providers.forEach((p) => p.destroy());
    await t.close();
  });

  /** A blank report of editor A's organisation; its id. */
  async function newReport(title: string): Promise<string> {
    const templates = (await editorA.get('/api/report-templates')).body.items as Array<{ id: string; name: string }>;
    const report = await editorA.post('/api/reports', {
      organisationId: (await editorA.get('/api/organisations')).body.items[0].id,
      title,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      templateId: templates.find((x) => x.name === 'Blank report')!.id,
    });
    return report.body.id;
  }

  it('keep pointing at the same words through concurrent edits; reply, resolve and reopen', async () => {
    const id = await newReport('Commented report');
    const a = collabClient(t.baseUrl, editorA.cookie, { kind: 'report', documentId: id });
    const b = collabClient(t.baseUrl, editorB.cookie, { kind: 'report', documentId: id });
    providers.push(a, b);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const paragraph = a.doc.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement;
    a.doc.transact(() => paragraph.insert(0, [new Y.XmlText('The housing programme reached 400 families.')]));
    await a.whenSaved();
    await eventually(() => b.doc.getXmlFragment(REPORT_DOCUMENT_FIELD).toString().includes('400 families'), 5000, 'B to sync');

    const text = paragraphText(a.doc);
    const start = 'The '.length;
    const created = await viewer.post(`/api/reports/${id}/comments`, {
      body: 'Which districts?',
      anchorStart: anchor(text, start, 0),
      anchorEnd: anchor(text, start + 'housing programme'.length, -1),
      quote: 'housing programme',
    });
    expect(created.status).toBe(201);
    const [thread] = created.body.items;
    expect(thread).toMatchObject({ body: 'Which districts?', quote: 'housing programme', currentText: 'housing programme', resolved: false, author: { id: viewer.userId } });

    // Two people edit around the range at once.
    paragraphText(b.doc).insert(0, 'In 2026, ');
    paragraphText(a.doc).insert('The housing programme reached'.length, ' at least');
    await Promise.all([a.whenSaved(), b.whenSaved()]);
    const afterEdits = (await editorA.get(`/api/reports/${id}/comments`)).body.items[0];
    expect(afterEdits.currentText).toBe('housing programme');

    paragraphText(a.doc).insert(paragraphText(a.doc).toString().indexOf('programme'), 'support ');
    await a.whenSaved();
    expect((await editorA.get(`/api/reports/${id}/comments`)).body.items[0].currentText).toBe('housing support programme');

    const replied = await editorB.post(`/api/reports/${id}/comments/${thread.id}/replies`, { body: 'Kisumu and Nakuru.' });
    expect(replied.body.items[0].replies).toEqual([expect.objectContaining({ body: 'Kisumu and Nakuru.', author: { id: editorB.userId, name: expect.any(String) } })]);
    const resolved = await editorB.post(`/api/reports/${id}/comments/${thread.id}/resolve`, { resolved: true });
    expect(resolved.body.items[0]).toMatchObject({ resolved: true, resolvedBy: { id: editorB.userId } });
    // Names are the people's current ones (from api-accounts): a renamed resolver and author show so at once.
    const [{ name: viewerName }] = await t.db.query('SELECT name FROM users WHERE id = $1', [viewer.userId]);
    await t.db.query('UPDATE users SET name = $2 WHERE id = $1', [editorB.userId, 'Renamed Resolver']);
    const renamed = (await viewer.get(`/api/reports/${id}/comments`)).body.items[0];
    expect(renamed).toMatchObject({ author: { id: viewer.userId, name: viewerName }, resolvedBy: { id: editorB.userId, name: 'Renamed Resolver' } });
    expect(renamed.replies[0].author).toEqual({ id: editorB.userId, name: 'Renamed Resolver' });
    const reopened = await viewer.post(`/api/reports/${id}/comments/${thread.id}/resolve`, { resolved: false });
    expect(reopened.body.items[0].resolved).toBe(false);

    const otherViewer = await signedInMember(t, (await editorA.get('/api/organisations')).body.items[0].id, 'viewer');
    expect((await otherViewer.post(`/api/reports/${id}/comments/${thread.id}/resolve`, { resolved: true })).status).toBe(403);

    const whole = paragraphText(a.doc);
    const from = whole.toString().indexOf('housing');
    whole.delete(from, 'housing support programme'.length);
    await a.whenSaved();
    expect((await editorA.get(`/api/reports/${id}/comments`)).body.items[0].currentText).toBe('');
  });

  it('refuses, with a sentence, a comment on text the report does not hold or that was deleted meanwhile', async () => {
    const id = await newReport('Anchors checked');
    const a = collabClient(t.baseUrl, editorA.cookie, { kind: 'report', documentId: id });
    providers.push(a);
    await a.whenSynced();
    const paragraph = a.doc.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement;
    a.doc.transact(() => paragraph.insert(0, [new Y.XmlText('Clinics opened in three districts.')]));
    await a.whenSaved();

    // Text of the same shape that only another copy holds (never sent): its position names nothing in the report.
    const elsewhere = new Y.Doc();
    const theirs = new Y.XmlText('Clinics opened in three districts.');
    elsewhere.getXmlFragment(REPORT_DOCUMENT_FIELD).insert(0, [new Y.XmlElement('paragraph')]);
    (elsewhere.getXmlFragment(REPORT_DOCUMENT_FIELD).get(0) as Y.XmlElement).insert(0, [theirs]);
    const missing = await editorA.post(`/api/reports/${id}/comments`, { body: 'Which?', anchorStart: anchor(theirs, 0, 0), anchorEnd: anchor(theirs, 7, -1), quote: 'Clinics' });
    expect(missing.status).toBe(409);
    expect(missing.body.message).toBe('The commented text is not in the report; select text in the report and try again');

    // Text stored by another instance, which this instance's live copy has not heard of yet (Redis away): the
    // store's word counts.
    const elsewhereInstance = new Y.Doc();
    Y.applyUpdate(elsewhereInstance, Y.encodeStateAsUpdate(a.doc));
    const written: Uint8Array[] = [];
    elsewhereInstance.on('update', (update: Uint8Array) => written.push(update));
    const storedOnly = paragraphText(elsewhereInstance);
    storedOnly.insert(storedOnly.length, ' Stored elsewhere.');
    await t.app.get(DocumentStore).append(id, written[0], null);
    const lagging = await editorA.post(`/api/reports/${id}/comments`, {
      body: 'Seen elsewhere',
      anchorStart: anchor(storedOnly, storedOnly.length - 'elsewhere.'.length, 0),
      anchorEnd: anchor(storedOnly, storedOnly.length, -1),
      quote: 'elsewhere.',
    });
    expect(lagging.status).toBe(201);

    // Selected, then deleted by someone before the comment was posted.
    const text = paragraphText(a.doc);
    const [start, end] = [anchor(text, 'Clinics opened in '.length, 0), anchor(text, 'Clinics opened in three'.length, -1)];
    text.delete('Clinics opened in '.length, 'three '.length);
    await a.whenSaved();
    const deleted = await editorA.post(`/api/reports/${id}/comments`, { body: 'How many?', anchorStart: start, anchorEnd: end, quote: 'three' });
    expect(deleted.status).toBe(409);
    expect(deleted.body.message).toBe('The commented text was deleted meanwhile; select the text again');

    // Words whose whole paragraph was deleted (their positions go with it): deleted too, not "not in the report".
    const fragment = a.doc.getXmlFragment(REPORT_DOCUMENT_FIELD);
    const doomed = new Y.XmlText('A paragraph about to go.');
    a.doc.transact(() => fragment.insert(fragment.length, [new Y.XmlElement('paragraph')]));
    (fragment.get(fragment.length - 1) as Y.XmlElement).insert(0, [doomed]);
    await a.whenSaved();
    const [doomedStart, doomedEnd] = [anchor(doomed, 2, 0), anchor(doomed, 11, -1)];
    fragment.delete(fragment.length - 1, 1);
    await a.whenSaved();
    const gone = await editorA.post(`/api/reports/${id}/comments`, { body: 'Why?', anchorStart: doomedStart, anchorEnd: doomedEnd, quote: 'paragraph' });
    expect(gone.status).toBe(409);
    expect(gone.body.message).toBe('The commented text was deleted meanwhile; select the text again');

    // A range sent empty or backwards over text that is there (an API client's mistake; the editor sends none): said
    // as such, not as text deleted meanwhile.
    const live = paragraphText(a.doc);
    for (const [from, to] of [
      [3, 3],
      [10, 3],
    ]) {
      const backwards = await editorA.post(`/api/reports/${id}/comments`, { body: 'Where?', anchorStart: anchor(live, from, 0), anchorEnd: anchor(live, to, -1), quote: 'x' });
      expect(backwards.status).toBe(400);
      expect(backwards.body.message).toBe('The comment must be on some text: its start is at or after its end');
    }

    // Someone pressed Enter before the selected words while the comment was being written (the editor writes the
    // words anew in the next paragraph): the comment goes where the words went.
    const splitting = paragraphText(a.doc);
    const kept = 'Clinics opened in ';
    const [wordsStart, wordsEnd] = [anchor(splitting, kept.length, 0), anchor(splitting, `${kept}districts`.length, -1)];
    // The editor's own positions lean left at both ends (y-prosemirror): its start is the space before the words,
    // which the split leaves where it was.
    const editorsStart = anchor(splitting, kept.length, -1);
    a.doc.transact(() => {
      splitting.delete(kept.length, splitting.length - kept.length);
      const next = new Y.XmlElement('paragraph');
      next.insert(0, [new Y.XmlText('districts.')]);
      fragment.insert(1, [next]);
    });
    await a.whenSaved();
    const followed = await editorA.post(`/api/reports/${id}/comments`, { body: 'Which ones?', anchorStart: wordsStart, anchorEnd: wordsEnd, quote: 'districts' });
    expect(followed.status).toBe(201);
    expect(followed.body.items.find((thread: { body: string }) => thread.body === 'Which ones?').currentText).toBe('districts');
    const fromEditor = await editorA.post(`/api/reports/${id}/comments`, { body: 'From the editor', anchorStart: editorsStart, anchorEnd: wordsEnd, quote: 'districts' });
    expect(fromEditor.status).toBe(201);
    expect(fromEditor.body.items.find((thread: { body: string }) => thread.body === 'From the editor').currentText).toBe('districts');

    // What is there takes the comment, whether the report is open for editing or read from the store.
    const clinics = { body: 'Good', anchorStart: anchor(text, 0, 0), anchorEnd: anchor(text, 'Clinics'.length, -1), quote: 'Clinics' };
    expect((await editorA.post(`/api/reports/${id}/comments`, clinics)).status).toBe(201);
    // The quote is the report's words, whatever the client said they were.
    const misquoted = await editorA.post(`/api/reports/${id}/comments`, { ...clinics, body: 'Misquoted', quote: 'something else' });
    expect(misquoted.body.items.find((thread: { body: string }) => thread.body === 'Misquoted').quote).toBe('Clinics');
    a.destroy();
    const rooms = t.app.get(DocumentRooms);
    await eventually(() => rooms.find({ kind: 'report', documentId: id }) === undefined, 5000, 'the report to close');
    const closed = await editorA.post(`/api/reports/${id}/comments`, { ...clinics, body: 'Still good' });
    expect(closed.status).toBe(201);
    expect(closed.body.items.map((thread: { currentText: string }) => thread.currentText)).toEqual(['elsewhere.', 'districts', 'districts', 'Clinics', 'Clinics', 'Clinics']);
    expect((await editorA.post(`/api/reports/${id}/comments`, { body: 'Which?', anchorStart: anchor(theirs, 0, 0), anchorEnd: anchor(theirs, 7, -1) })).status).toBe(409);
  });

  it('rejects bad anchors and empty bodies', async () => {
    const reports = (await editorA.get('/api/reports')).body.items;
    const id = reports[0].id;
    const bad = await editorA.post(`/api/reports/${id}/comments`, { body: 'x', anchorStart: 'AAAA', anchorEnd: 'not base64!' });
    expect(bad.status).toBe(400);
    // Bytes that decode as a relative position but point at nothing (found by the fuzz: every later list was a 500).
    const nowhere = await editorA.post(`/api/reports/${id}/comments`, { body: 'x', anchorStart: 'KEN', anchorEnd: 'KEN', quote: 'q' });
    expect(nowhere.status).toBe(400);
    expect(nowhere.body.details).toEqual([{ path: 'anchorStart', message: 'Not a position in the report' }]);
    const otherRoot = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('elsewhere'), 0))).toString('base64');
    expect((await editorA.post(`/api/reports/${id}/comments`, { body: 'x', anchorStart: otherRoot, anchorEnd: otherRoot })).status).toBe(400);
    // One stored before the check does not take the list down with it.
    const stored = randomUUID();
    await t.db.query(
      `INSERT INTO report_comments (id, thread_id, report_id, author_id, body, anchor_start, anchor_end, quote) VALUES ($1, $1, $2, $3, 'old', $4, $4, '')`,
      [stored, id, editorA.userId, Buffer.from('KEN', 'base64')],
    );
    const listed = await editorA.get(`/api/reports/${id}/comments`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((item: { id: string }) => item.id === stored).currentText).toBe('');
    const empty = await editorA.post(`/api/reports/${id}/comments`, { body: '   ', anchorStart: 'AAAA', anchorEnd: 'AAAA' });
    expect(empty.body.details[0]).toEqual({ path: 'body', message: 'Write a comment' });
    const invisible = await editorA.post(`/api/reports/${id}/comments`, { body: '\u200b\u200b', anchorStart: 'AAAA', anchorEnd: 'AAAA' });
    expect(invisible.status).toBe(400);
    expect(invisible.body.details[0]).toEqual({ path: 'body', message: 'Write a comment' });
    expect((await editorA.post(`/api/reports/${id}/comments/${id}/replies`, { body: 'orphan' })).status).toBe(404);
    // Bodies that are not a JSON object: a sentence, not JSON.parse's words.
    const raw = (text: string) => editorA.request('post', `/api/reports/${id}/comments`).set('Content-Type', 'application/json').send(text);
    for (const bare of ['null', '"hello"', '42']) {
      expect((await raw(bare)).body).toMatchObject({ statusCode: 400, id: 'validation_error', message: 'The request body must be a JSON object' });
    }
    expect((await raw('{bad')).body).toMatchObject({ statusCode: 400, message: 'Request body is not valid JSON' });
  });
});
