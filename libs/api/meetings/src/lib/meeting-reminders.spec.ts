import { bootTestApp, createOrganisation, signedInMember, startTestSmtpServer, type TestApp, type TestClient } from '@simashe/api-testing';
import { NotificationsModule } from '@simashe/api-notifications';
import { MeetingRemindersService } from './meeting-reminders.service';
import { MeetingsModule } from './meetings.module';

describe('meeting reminders', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let t: TestApp;
  let reminders: MeetingRemindersService;
  let organiser: TestClient;
  let invitee: TestClient;
  let declining: TestClient;
  let outsider: TestClient;
  let meetingId: string;

  // Weekly on Tuesdays 14:00 Geneva (CET in March: 13:00Z).
  const at = (iso: string) => new Date(iso);
  const reminderTitles = async (client: TestClient) =>
    ((await client.get('/api/notifications')).body.items as Array<{ kind: string; title: string; body: string }>).filter((n) => n.kind === 'meeting_reminder');

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await bootTestApp([MeetingsModule, NotificationsModule], { smtpUrl: smtp.url, publicUrl: 'http://workspace.test' });
    reminders = t.app.get(MeetingRemindersService);
    const secretariat = await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' });
    const kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil' });
    organiser = await signedInMember(t, secretariat.id, 'editor');
    invitee = await signedInMember(t, kenya.id, 'viewer');
    declining = await signedInMember(t, kenya.id, 'editor');
    outsider = await signedInMember(t, brazil.id, 'admin');
    await invitee.patch('/api/me/profile', { timeZone: 'Africa/Nairobi' });
    await organiser.patch('/api/me/profile', { reminderMinutes: [60], emailReminders: false });
    const created = await organiser.post('/api/meetings', {
      organiserOrganisationId: secretariat.id,
      title: 'Action-learning session',
      kind: 'action_learning_session',
      localStart: '2026-03-17T14:00',
      localEnd: '2026-03-17T15:00',
      timeZone: 'Europe/Zurich',
      rrule: 'FREQ=WEEKLY;COUNT=3',
      conferencingUrl: 'https://meet.example.org/als',
      invitees: { organisationIds: [kenya.id] },
    });
    meetingId = created.body.id;
    await declining.put(`/api/meetings/${meetingId}/occurrences/2026-03-17T14:00/rsvp`, { response: 'no' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('reminds invitees 24 hours before, in their own time zone, once, in the app and by email', async () => {
    expect(await reminders.sendDue(at('2026-03-16T12:00:00Z'))).toBe(0);
    const sent = await reminders.sendDue(at('2026-03-16T13:00:00Z'));
    expect(sent).toBe(1); // the invitee; the organiser asked for 1 hour only, the other invitee declined
    expect(await reminders.sendDue(at('2026-03-16T13:01:00Z'))).toBe(0);

    const [reminder] = await reminderTitles(invitee);
    expect(reminder.title).toBe('Reminder: Action-learning session');
    expect(reminder.body).toContain('Tuesday 17 March 2026, 16:00 (Africa/Nairobi)');
    // The web writes it in the reader's language and zone from the message; the English stays for older clients.
    expect((reminder as unknown as { message: unknown }).message).toEqual({
      key: 'meetingReminder',
      params: { meeting: 'Action-learning session', start: '2026-03-17T13:00:00Z', link: 'https://meet.example.org/als' },
    });
    expect((await invitee.get('/api/notifications')).body.unread).toBe(2); // the invitation, then this reminder
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual([invitee.session.user.email]);
    expect(smtp.received[0].raw.replace(/=\r?\n/g, '')).toContain(`http://workspace.test/meetings/${meetingId}`);
    expect(await reminderTitles(declining)).toEqual([]);
    expect(await reminderTitles(outsider)).toEqual([]);
  });

  it('invites with a message the web translates: meeting, organiser, first start, repeats', async () => {
    const items = (await invitee.get('/api/notifications')).body.items as Array<{ kind: string; title: string; message: unknown }>;
    const invitation = items.find((n) => n.kind === 'invitation');
    expect(invitation?.title).toBe('Invitation: Action-learning session');
    expect(invitation?.message).toEqual({
      key: 'meetingInvitation',
      params: { meeting: 'Action-learning session', organiser: 'Secretariat', start: '2026-03-17T13:00:00Z', repeats: 'yes' },
    });
  });

  it('sends the 15-minute reminder, and each person’s own offsets, without email when they opted out', async () => {
    expect(await reminders.sendDue(at('2026-03-17T12:00:00Z'))).toBe(1); // organiser's 1-hour reminder
    expect(await reminderTitles(organiser)).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    expect(await reminders.sendDue(at('2026-03-17T12:45:00Z'))).toBe(1); // invitee's 15-minute reminder
    expect(await reminderTitles(invitee)).toHaveLength(2);
    expect(await reminders.sendDue(at('2026-03-17T13:00:00Z'))).toBe(0); // started: nothing more
  });

  it('sends only the nearest reminder when several are due at once, and none for a cancelled occurrence', async () => {
    await organiser.post(`/api/meetings/${meetingId}/occurrences/2026-03-24T14:00/cancel`, { scope: 'this' });
    expect(await reminders.sendDue(at('2026-03-24T12:50:00Z'))).toBe(0);
    // Waking up 10 minutes before the third session: the 15-minute one only, not the stale 24-hour one.
    expect(await reminders.sendDue(at('2026-03-31T11:50:00Z'))).toBe(3); // two invitees + organiser (1 hour)
    const latest = await reminderTitles(declining);
    expect(latest).toHaveLength(1);
    const rows = await t.db.query(`SELECT dedupe_key FROM notifications WHERE user_id = $1`, [declining.userId]);
    expect(rows[0].dedupe_key).toBe(`reminder:${meetingId}:2026-03-31T14:00:15`);
  });

  it('reminds of a single meeting moved from months away to the next day', async () => {
    const created = await organiser.post('/api/meetings', {
      organiserOrganisationId: (await organiser.get('/api/organisations')).body.items[0].id,
      title: 'Moved steering meeting',
      kind: 'steering_meeting',
      localStart: '2026-09-01T10:00',
      localEnd: '2026-09-01T11:00',
      timeZone: 'UTC',
    });
    await organiser.put(`/api/meetings/${created.body.id}/occurrences/2026-09-01T10:00`, { localStart: '2026-04-02T10:00', localEnd: '2026-04-02T11:00' });
    expect(await reminders.sendDue(at('2026-04-02T09:30:00Z'))).toBeGreaterThan(0);
    expect((await reminderTitles(organiser)).map((n) => n.title)).toContain('Reminder: Moved steering meeting');
  });

  it('lets people choose their reminder times, within bounds', async () => {
    const saved = await invitee.patch('/api/me/profile', { reminderMinutes: [30, 2880], emailReminders: false });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ reminderMinutes: [2880, 30], emailReminders: false });
    const outOfRange = await invitee.patch('/api/me/profile', { reminderMinutes: [0, 20000] });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.details.map((d: { path: string }) => d.path)).toEqual(['reminderMinutes.0', 'reminderMinutes.1']);
    const tooMany = await invitee.patch('/api/me/profile', { reminderMinutes: [1, 2, 3, 4, 5, 6] });
    expect(tooMany.body.details).toEqual([expect.objectContaining({ path: 'reminderMinutes', message: 'At most 5 reminders' })]);
    const repeated = await invitee.patch('/api/me/profile', { reminderMinutes: [15, 15] });
    expect(repeated.status).toBe(400);
  });
});
