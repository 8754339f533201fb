import { bootTestApp, collabClient, createOrganisation, eventually, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import type { CollabProvider } from '@simashe/collab-client';
import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import * as Y from 'yjs';
import type { MeetingRow } from './meeting-access';
import { MeetingsModule } from './meetings.module';
import { minutesTemplate } from './minutes.service';

describe('agenda, co-edited minutes and action items', () => {
  let t: TestApp;
  let organiser: TestClient;
  let kenyaEditor: TestClient;
  let kenyaViewer: TestClient;
  let outsider: TestClient;
  let meetingId: string;
  const providers: CollabProvider[] = [];

  beforeAll(async () => {
    t = await bootTestApp([MeetingsModule], {}, { listen: true });
    const secretariat = await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' });
    const kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil' });
    organiser = await signedInMember(t, secretariat.id, 'editor');
    kenyaEditor = await signedInMember(t, kenya.id, 'editor');
    kenyaViewer = await signedInMember(t, kenya.id, 'viewer');
    outsider = await signedInMember(t, brazil.id, 'admin');
    const created = await organiser.post('/api/meetings', {
      organiserOrganisationId: secretariat.id,
      title: 'Action-learning session',
      kind: 'action_learning_session',
      localStart: '2026-03-17T14:00',
      localEnd: '2026-03-17T15:30',
      timeZone: 'Europe/Zurich',
      rrule: 'FREQ=WEEKLY;COUNT=4',
      invitees: { organisationIds: [kenya.id] },
    });
    meetingId = created.body.id;
  });
  afterEach(() => {
    for (const provider of providers.splice(0)) provider.destroy();
  });
  afterAll(() => t.close());

  it('keeps an ordered agenda that only organisers change', async () => {
    const items = [
      { title: 'Country round', presenter: 'Kenya', minutes: 30 },
      { title: 'Reflection', minutes: 20 },
    ];
    const saved = await organiser.put(`/api/meetings/${meetingId}/agenda`, { items });
    expect(saved.status).toBe(200);
    expect(saved.body.totalMinutes).toBe(50);
    expect(saved.body.items.map((i: { title: string; position: number }) => [i.position, i.title])).toEqual([[0, 'Country round'], [1, 'Reflection']]);

    const reordered = await organiser.put(`/api/meetings/${meetingId}/agenda`, { items: [items[1], items[0]] });
    expect(reordered.body.items.map((i: { title: string }) => i.title)).toEqual(['Reflection', 'Country round']);
    expect((await kenyaViewer.get(`/api/meetings/${meetingId}/agenda`)).body.items).toHaveLength(2);

    expect((await kenyaEditor.put(`/api/meetings/${meetingId}/agenda`, { items })).status).toBe(403);
    expect((await outsider.get(`/api/meetings/${meetingId}/agenda`)).status).toBe(404);
    const bad = await organiser.put(`/api/meetings/${meetingId}/agenda`, { items: [{ title: '', minutes: 0 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['items.0.minutes', 'items.0.title']);
  });

  it('creates minutes from the agenda once, and invitees co-edit them in real time', async () => {
    const path = `/api/meetings/${meetingId}/occurrences/2026-03-24T14:00/minutes`;
    expect((await kenyaEditor.get(path)).status).toBe(404);
    expect((await kenyaViewer.post(path)).status).toBe(403);
    const [first, second] = await Promise.all([kenyaEditor.post(path), organiser.post(path)]);
    expect(first.status).toBe(200);
    expect(second.body.documentId).toBe(first.body.documentId);
    expect(first.body.access).toBe('edit');
    expect((await kenyaViewer.post(path)).body).toMatchObject({ documentId: first.body.documentId, access: 'read' });
    expect((await outsider.post(path)).status).toBe(404);
    expect((await organiser.post(`/api/meetings/${meetingId}/occurrences/2026-03-25T14:00/minutes`)).status).toBe(404);

    const ref = { kind: 'meeting_minutes' as const, documentId: first.body.documentId };
    const a = collabClient(t.baseUrl, kenyaEditor.cookie, ref);
    const b = collabClient(t.baseUrl, organiser.cookie, ref);
    providers.push(a, b);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const text = a.doc.getXmlFragment(REPORT_DOCUMENT_FIELD).toString();
    expect(text).toContain('Minutes: Action-learning session');
    expect(text).toContain('1. Reflection (20 min)');
    expect(text).toContain('2. Country round (Kenya, 30 min)');
    // The template is created on the server once: two joiners do not double it.
    expect(text.split('Action items').length).toBe(2);

    // Mark the action item: owner, due date and text, typed by one client, seen by the other.
    const actionItem = a.doc
      .getXmlFragment(REPORT_DOCUMENT_FIELD)
      .toArray()
      .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'actionItem')!;
    a.doc.transact(() => {
      actionItem.setAttribute('ownerId', kenyaEditor.userId);
      actionItem.setAttribute('ownerName', kenyaEditor.session.user.name);
      actionItem.setAttribute('dueDate', '2026-04-15');
      actionItem.insert(0, [new Y.XmlText('Share the housing survey data')]);
    });
    await eventually(() => b.doc.getXmlFragment(REPORT_DOCUMENT_FIELD).toString().includes('housing survey'), 5000, 'the other editor to see it');

    const listed = await kenyaViewer.get(`/api/meetings/${meetingId}/action-items`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([
      {
        // The template's action item has its own id, so observations can cite this very item.
        itemId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        minutesId: first.body.documentId,
        occurrence: '2026-03-24T14:00',
        text: 'Share the housing survey data',
        ownerId: kenyaEditor.userId,
        ownerName: kenyaEditor.session.user.name,
        dueDate: '2026-04-15',
        done: false,
      },
    ]);
    expect((await outsider.get(`/api/meetings/${meetingId}/action-items`)).status).toBe(404);
  });

  it('keeps viewers and outsiders out of editing the minutes', async () => {
    const minutes = (await organiser.post(`/api/meetings/${meetingId}/occurrences/2026-03-31T14:00/minutes`)).body;
    const ref = { kind: 'meeting_minutes' as const, documentId: minutes.documentId };
    const viewer = collabClient(t.baseUrl, kenyaViewer.cookie, ref);
    providers.push(viewer);
    await viewer.whenSynced();
    expect(viewer.state.access).toBe('read');
    const stranger = collabClient(t.baseUrl, outsider.cookie, ref);
    providers.push(stranger);
    await eventually(() => stranger.state.error !== null, 5000, 'the outsider to be refused');
    expect(stranger.state.error?.id).toBe('not_found');
  });

  it('lists the people a meeting concerns for its contributors only', async () => {
    const people = await kenyaEditor.get(`/api/meetings/${meetingId}/people`);
    expect(people.status).toBe(200);
    const ids = people.body.items.map((p: { userId: string }) => p.userId);
    expect(ids).toEqual(expect.arrayContaining([organiser.userId, kenyaEditor.userId, kenyaViewer.userId]));
    expect(ids).not.toContain(outsider.userId);
    expect((await kenyaViewer.get(`/api/meetings/${meetingId}/people`)).status).toBe(403);
  });

  it('answers occurrences that do not exist on the calendar with a 400 naming the occurrence (they were 500s)', async () => {
    for (const occurrence of ['2027-02-30T14:00', '2026-13-01T14:00', '2026-03-17T25:00', '0000-01-01T14:00']) {
      for (const response of [
        await organiser.get(`/api/meetings/${meetingId}/occurrences/${occurrence}/minutes`),
        await organiser.post(`/api/meetings/${meetingId}/occurrences/${occurrence}/minutes`),
        await organiser.put(`/api/meetings/${meetingId}/occurrences/${occurrence}/rsvp`, { response: 'yes' }),
      ]) {
        expect(response.status).toBe(400);
        expect(response.body.details).toEqual([{ path: 'occurrence', message: expect.stringContaining('does not exist on the calendar') }]);
      }
    }
    const moved = await organiser.put(`/api/meetings/${meetingId}/occurrences/2026-03-17T14:00`, { localStart: '2026-02-30T14:00', localEnd: '2026-03-17T15:00' });
    expect(moved.status).toBe(400);
    expect(moved.body.details[0].path).toBe('localStart');
    expect((await organiser.get(`/api/meetings/${meetingId}/occurrences/2026-03-24T14:00/minutes`)).status).not.toBe(400);
  });
});

describe('minutes template', () => {
  const row = { id: 'm', title: 'Steering', time_zone: 'Europe/Zurich' } as MeetingRow;
  const headings = (language?: 'fr' | 'ar') =>
    (minutesTemplate(row, '2027-03-02T14:00', { items: [{ id: 'a', position: 0, title: 'Budget', presenter: '', minutes: 20 }], totalMinutes: 20 }, language).content ?? [])
      .filter((node) => node.type === 'heading')
      .map((node) => node.content?.[0]?.text);

  it('speaks the language of whoever starts the minutes, English by default', () => {
    expect(headings()).toEqual(['Minutes: Steering', 'Attendees', '1. Budget (20 min)', 'Action items']);
    expect(headings('fr')).toEqual(['Compte rendu : Steering', 'Participants', '1. Budget (20 min)', 'Actions à mener']);
    expect(headings('ar')).toEqual(['المحضر: Steering', 'الحاضرون', '1. Budget (20 دقيقة)', 'بنود العمل']);
  });
});
