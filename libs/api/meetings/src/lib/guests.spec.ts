import { NotificationsModule } from '@simashe/api-notifications';
import { bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { DateTime } from 'luxon';
import { MeetingsModule } from './meetings.module';

describe('guest lists, series answers and reminders to answer', () => {
  let t: TestApp;
  let organiser: TestClient;
  let kenyaViewer: TestClient;
  let kenyaEditor: TestClient;
  let ghanaViewer: TestClient;
  let outsider: TestClient;
  let org: Record<string, { id: string }>;

  // A weekly series of four Tuesdays at 14:00 in Zurich, starting in about three weeks: always still to come.
  const firstDay = DateTime.now().setZone('Europe/Zurich').plus({ weeks: 3 }).set({ weekday: 2 }).toISODate()!;
  const sessionAt = (week: number) => `${DateTime.fromISO(firstDay).plus({ weeks: week }).toISODate()}T14:00`;
  const invitationsOf = async (client: TestClient) =>
    ((await client.get('/api/notifications')).body.items as Array<{ kind: string; title: string }>).filter((n) => n.title.startsWith('Will you attend?'));

  beforeAll(async () => {
    t = await bootTestApp([MeetingsModule, NotificationsModule]);
    org = {
      secretariat: await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' }),
      kenya: await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya' }),
      ghana: await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana' }),
      brazil: await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil' }),
    };
    organiser = await signedInMember(t, org['secretariat'].id, 'editor');
    kenyaViewer = await signedInMember(t, org['kenya'].id, 'viewer');
    kenyaEditor = await signedInMember(t, org['kenya'].id, 'editor');
    ghanaViewer = await signedInMember(t, org['ghana'].id, 'viewer');
    outsider = await signedInMember(t, org['brazil'].id, 'admin');
  });
  afterAll(() => t.close());

  const schedule = async (overrides: object = {}) => {
    const created = await organiser.post('/api/meetings', {
      organiserOrganisationId: org['secretariat'].id,
      title: 'Action-learning session',
      kind: 'action_learning_session',
      localStart: sessionAt(0),
      localEnd: sessionAt(0).replace('T14:00', 'T15:00'),
      timeZone: 'Europe/Zurich',
      rrule: 'FREQ=WEEKLY;COUNT=4',
      invitees: { organisationIds: [org['kenya'].id, org['ghana'].id] },
      ...overrides,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  it('answers every session of a series at once, and one session on its own after that', async () => {
    const id = await schedule();
    const all = await kenyaViewer.put(`/api/meetings/${id}/rsvp`, { response: 'yes' });
    expect(all.status).toBe(200);
    expect(all.body.occurrences.map((o: { myRsvp: string }) => o.myRsvp)).toEqual(['yes', 'yes', 'yes', 'yes']);

    const one = await kenyaViewer.put(`/api/meetings/${id}/occurrences/${sessionAt(2)}/rsvp`, { response: 'no' });
    expect(one.body.occurrences.map((o: { myRsvp: string }) => o.myRsvp)).toEqual(['yes', 'yes', 'no', 'yes']);
    const again = await kenyaViewer.put(`/api/meetings/${id}/rsvp`, { response: 'maybe' });
    expect(again.body.occurrences.map((o: { myRsvp: string }) => o.myRsvp)).toEqual(['maybe', 'maybe', 'maybe', 'maybe']);
    // Others' answers are their own.
    expect((await ghanaViewer.get(`/api/meetings/${id}`)).body.occurrences.map((o: { myRsvp: string | null }) => o.myRsvp)).toEqual([null, null, null, null]);
  });

  it('refuses a series answer it cannot read (404), a wrong answer (400), and a series that is over (409)', async () => {
    const id = await schedule();
    expect((await outsider.put(`/api/meetings/${id}/rsvp`, { response: 'yes' })).status).toBe(404);
    const wrong = await kenyaViewer.put(`/api/meetings/${id}/rsvp`, { response: 'perhaps' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toBeTruthy();
    const past = await schedule({ localStart: '2025-01-07T14:00', localEnd: '2025-01-07T15:00', rrule: 'FREQ=WEEKLY;COUNT=2' });
    const over = await kenyaViewer.put(`/api/meetings/${past}/rsvp`, { response: 'yes' });
    expect(over.status).toBe(409);
    expect(over.body.message).toMatch(/over/);
  });

  it('lists guests by organisation with their answers and counts, for organisers and contributors only', async () => {
    const id = await schedule();
    await kenyaViewer.put(`/api/meetings/${id}/occurrences/${sessionAt(0)}/rsvp`, { response: 'yes' });
    await kenyaEditor.put(`/api/meetings/${id}/occurrences/${sessionAt(0)}/rsvp`, { response: 'maybe' });
    await ghanaViewer.put(`/api/meetings/${id}/rsvp`, { response: 'no' });

    const list = await organiser.get(`/api/meetings/${id}/occurrences/${sessionAt(0)}/guests`);
    expect(list.status).toBe(200);
    expect(list.body.counts).toEqual({ yes: 1, maybe: 1, no: 1, none: 1 });
    // The one who has not answered is the organiser reading the list: their reminder would reach nobody.
    expect(list.body.toRemind).toBe(0);
    const byName = Object.fromEntries(list.body.organisations.map((o: { name: string }) => [o.name, o]));
    expect(Object.keys(byName).sort()).toEqual(['Ghana', 'Kenya', 'Secretariat']);
    expect(byName['Kenya'].counts).toEqual({ yes: 1, maybe: 1, no: 0, none: 0 });
    expect(byName['Secretariat'].guests).toEqual([expect.objectContaining({ userId: organiser.userId, response: null })]);
    expect(list.body.lastReminder).toBeNull();

    expect((await kenyaEditor.get(`/api/meetings/${id}/occurrences/${sessionAt(0)}/guests`)).status).toBe(200);
    const viewer = await kenyaViewer.get(`/api/meetings/${id}/occurrences/${sessionAt(0)}/guests`);
    expect(viewer.status).toBe(403);
    expect(viewer.body.message).toMatch(/who takes part/);
    expect((await outsider.get(`/api/meetings/${id}/occurrences/${sessionAt(0)}/guests`)).status).toBe(404);
    expect((await organiser.get(`/api/meetings/${id}/occurrences/${sessionAt(0).replace('14:00', '09:00')}/guests`)).status).toBe(404);
  });

  it('reminds only those who have not answered, once a day, and keeps who sent it', async () => {
    const id = await schedule({ title: 'Steering' });
    await kenyaViewer.put(`/api/meetings/${id}/occurrences/${sessionAt(1)}/rsvp`, { response: 'yes' });
    const before = { kenyaViewer: (await invitationsOf(kenyaViewer)).length, kenyaEditor: (await invitationsOf(kenyaEditor)).length, ghana: (await invitationsOf(ghanaViewer)).length };

    // The button counts whom the reminder reaches: the organiser (not answered either) is not one of them.
    expect((await organiser.get(`/api/meetings/${id}/occurrences/${sessionAt(1)}/guests`)).body).toMatchObject({ counts: { none: 3 }, toRemind: 2 });
    const sent = await organiser.post(`/api/meetings/${id}/occurrences/${sessionAt(1)}/rsvp-reminders`);
    expect(sent.status).toBe(200);
    // Kenya's editor and Ghana's viewer have not answered; the organiser does not remind themself.
    expect(sent.body).toMatchObject({ reminded: 2, alreadySent: false });
    expect(await invitationsOf(kenyaEditor)).toHaveLength(before.kenyaEditor + 1);
    expect(await invitationsOf(ghanaViewer)).toHaveLength(before.ghana + 1);
    expect(await invitationsOf(kenyaViewer)).toHaveLength(before.kenyaViewer);
    expect((await invitationsOf(ghanaViewer))[0].title).toBe('Will you attend? Steering');

    const repeat = await organiser.post(`/api/meetings/${id}/occurrences/${sessionAt(1)}/rsvp-reminders`);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ reminded: 2, alreadySent: true, sentAt: sent.body.sentAt });
    expect(await invitationsOf(ghanaViewer)).toHaveLength(before.ghana + 1);

    const [kept] = await t.db.query('SELECT sent_by, sent_by_name, recipients FROM meeting_rsvp_reminders WHERE meeting_id = $1', [id]);
    expect(kept.sent_by).toBe(organiser.userId);
    expect([...kept.recipients].sort()).toEqual([kenyaEditor.userId, ghanaViewer.userId].sort());
    const list = await organiser.get(`/api/meetings/${id}/occurrences/${sessionAt(1)}/guests`);
    expect(list.body.lastReminder).toMatchObject({ reminded: 2, sentAt: sent.body.sentAt });
  });

  it('reminds each person in their own language', async () => {
    const id = await schedule({ title: 'Taller' });
    await ghanaViewer.patch('/api/me/profile', { preferredLanguage: 'es' });
    try {
      await organiser.post(`/api/meetings/${id}/occurrences/${sessionAt(0)}/rsvp-reminders`);
      const items = (await ghanaViewer.get('/api/notifications')).body.items as Array<{ title: string; body: string; message: { key: string; params: Record<string, string> } | null }>;
      const reminder = items.find((n) => n.title === '¿Asistirá? Taller');
      expect(reminder?.body).toMatch(/^Secretariat pregunta si asistirá · /);
      // And as a message, so the web follows the reader's language if it changes later.
      expect(reminder?.message).toEqual({ key: 'rsvpReminder', params: { meeting: 'Taller', organiser: 'Secretariat', start: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) } });
    } finally {
      await ghanaViewer.patch('/api/me/profile', { preferredLanguage: 'en' });
    }
  });

  it('lets only organisers remind, and only before the session', async () => {
    const id = await schedule();
    const contributor = await kenyaEditor.post(`/api/meetings/${id}/occurrences/${sessionAt(0)}/rsvp-reminders`);
    expect(contributor.status).toBe(403);
    expect(contributor.body.message).toMatch(/remind guests/);
    expect((await outsider.post(`/api/meetings/${id}/occurrences/${sessionAt(0)}/rsvp-reminders`)).status).toBe(404);
    const past = await schedule({ localStart: '2025-01-07T14:00', localEnd: '2025-01-07T15:00', rrule: undefined });
    const late = await organiser.post(`/api/meetings/${past}/occurrences/2025-01-07T14:00/rsvp-reminders`);
    expect(late.status).toBe(409);
  });
});
