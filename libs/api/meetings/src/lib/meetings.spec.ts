import { bootTestApp, createOrganisation, createUser, signedInMember, signIn, TEST_PASSWORD, type TestApp, type TestClient } from '@simashe/api-testing';
import { CreateMeetingRequestSchema } from '@simashe/contracts';
import { DateTime } from 'luxon';
import { asSeenIn, readCalendar } from './ical-reader.testing';
import { MeetingsModule } from './meetings.module';

describe('meetings over HTTP', () => {
  let t: TestApp;
  let organiser: TestClient;
  let org: Record<string, { id: string }>;
  const range = '?from=2026-01-01T00:00:00Z&to=2026-12-31T23:59:59Z';

  beforeAll(async () => {
    t = await bootTestApp([MeetingsModule]);
    org = {
      secretariat: await createOrganisation(t.db, { kind: 'secretariat', name: 'Secretariat' }),
      kenya: await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya' }),
      ghana: await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana' }),
      brazil: await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil' }),
      partner: await createOrganisation(t.db, { kind: 'core_partner', name: 'Partner' }),
    };
    organiser = await signedInMember(t, org['secretariat'].id, 'editor');
  });
  afterAll(() => t.close());

  const session = (overrides: object = {}) => ({
    organiserOrganisationId: org['secretariat'].id,
    title: 'Action-learning session',
    kind: 'action_learning_session',
    localStart: '2026-03-17T14:00',
    localEnd: '2026-03-17T15:30',
    timeZone: 'Europe/Zurich',
    rrule: 'FREQ=WEEKLY;COUNT=8',
    conferencingUrl: 'https://meet.example.org/simashe',
    invitees: { organisationIds: [org['kenya'].id], regionCodes: [], userIds: [] },
    ...overrides,
  });

  it('creates a weekly series that invitees see at the right instants, and others do not see', async () => {
    const created = await organiser.post('/api/meetings', session());
    expect(created.status).toBe(201);
    expect(created.body.occurrences).toHaveLength(8);
    expect(created.body.occurrences[1]).toMatchObject({ occurrence: '2026-03-24T14:00', start: '2026-03-24T13:00:00Z' });
    expect(created.body.occurrences[2]).toMatchObject({ occurrence: '2026-03-31T14:00', start: '2026-03-31T12:00:00Z' });
    expect(created.body.occurrences[0].organiserOrganisationName).toBe('Secretariat');

    const kenyan = await signedInMember(t, org['kenya'].id, 'viewer');
    const seen = (await kenyan.get(`/api/meetings${range}`)).body.items.filter((o: { meetingId: string }) => o.meetingId === created.body.id);
    expect(seen).toHaveLength(8);
    expect(seen.every((o: { organiserOrganisationName: string }) => o.organiserOrganisationName === 'Secretariat')).toBe(true);
    const brazilian = await signedInMember(t, org['brazil'].id, 'admin');
    expect((await brazilian.get(`/api/meetings/${created.body.id}`)).status).toBe(404);
    expect((await brazilian.get(`/api/meetings${range}`)).body.items).toEqual([]);
    const secretariatViewer = await signedInMember(t, org['secretariat'].id, 'viewer');
    expect((await secretariatViewer.get(`/api/meetings/${created.body.id}`)).body.canManage).toBe(false);
  });

  it('invites a whole region, and opens network-wide webinars to everyone', async () => {
    const regional = await organiser.post('/api/meetings', session({ title: 'AFRO workshop', kind: 'intercountry_workshop', rrule: undefined, invitees: { regionCodes: ['AFRO'] } }));
    const ghanaian = await signedInMember(t, org['ghana'].id, 'viewer');
    expect((await ghanaian.get(`/api/meetings/${regional.body.id}`)).status).toBe(200);
    const brazilian = await signedInMember(t, org['brazil'].id, 'viewer');
    expect((await brazilian.get(`/api/meetings/${regional.body.id}`)).status).toBe(404);

    const webinar = await organiser.post('/api/meetings', session({ title: 'Open webinar', kind: 'webinar', networkWide: true, capacity: 100, rrule: undefined, invitees: {} }));
    const partner = await signedInMember(t, org['partner'].id, 'viewer');
    expect((await partner.get(`/api/meetings/${webinar.body.id}`)).status).toBe(200);
  });

  it('reaches, through a region, the members of its pathfinders and regional office only, and lists them by name with their first organisation', async () => {
    const office = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'AFRO', name: 'AFRO office' });
    const partnerInRegion = await createOrganisation(t.db, { kind: 'core_partner', regionCode: 'AFRO', name: 'AFRO partner' });
    // Belongs to the partner first, then to the office: reached through the office, shown with the partner.
    const officer = await createUser(t.db, { name: 'Officer of AFRO', memberOf: [{ organisationId: partnerInRegion.id, role: 'viewer' }, { organisationId: office.id, role: 'viewer' }] });
    const partnerOnly = await createUser(t.db, { memberOf: [{ organisationId: partnerInRegion.id, role: 'admin' }] });
    const ghanaian = await createUser(t.db, { name: 'Ghanaian of AFRO', memberOf: [{ organisationId: org['ghana'].id, role: 'viewer' }] });
    const brazilian = await createUser(t.db, { memberOf: [{ organisationId: org['brazil'].id, role: 'admin' }] });
    const regional = await organiser.post('/api/meetings', session({ title: 'AFRO reach', rrule: undefined, invitees: { regionCodes: ['AFRO'] } }));

    expect((await (await signIn(t, officer.email, TEST_PASSWORD)).get(`/api/meetings/${regional.body.id}`)).status).toBe(200);
    expect((await (await signIn(t, partnerOnly.email, TEST_PASSWORD)).get(`/api/meetings/${regional.body.id}`)).status).toBe(404);
    const people = await organiser.get(`/api/meetings/${regional.body.id}/people`);
    expect(people.status).toBe(200);
    const items: Array<{ userId: string; name: string; organisationName: string | null }> = people.body.items;
    const ids = items.map((p) => p.userId);
    expect(ids).toEqual(expect.arrayContaining([officer.id, ghanaian.id]));
    expect(ids).not.toContain(partnerOnly.id);
    expect(ids).not.toContain(brazilian.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(items.find((p) => p.userId === officer.id)).toEqual({ userId: officer.id, name: 'Officer of AFRO', organisationName: 'AFRO partner' });
    expect(items.find((p) => p.userId === ghanaian.id)?.organisationName).toBe('Ghana');
    // The organiser's own members are concerned too; everyone by name, in code-point order.
    expect(items.some((p) => p.organisationName === 'Secretariat')).toBe(true);
    const names = items.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('cancels or moves one occurrence, or this-and-following, leaving the others alone', async () => {
    const created = await organiser.post('/api/meetings', session({ title: 'Series to edit' }));
    const id = created.body.id;
    const cancelled = await organiser.post(`/api/meetings/${id}/occurrences/2026-03-24T14:00/cancel`, { scope: 'this' });
    expect(cancelled.body.occurrences.map((o: { occurrence: string }) => o.occurrence)).not.toContain('2026-03-24T14:00');
    expect(cancelled.body.occurrences).toHaveLength(7);

    const moved = await organiser.put(`/api/meetings/${id}/occurrences/2026-03-31T14:00`, { localStart: '2026-04-01T10:00', localEnd: '2026-04-01T11:00' });
    const movedOne = moved.body.occurrences.find((o: { occurrence: string }) => o.occurrence === '2026-03-31T14:00');
    expect(movedOne).toMatchObject({ localStart: '2026-04-01T10:00', start: '2026-04-01T08:00:00Z', end: '2026-04-01T09:00:00Z', modified: true });

    const truncated = await organiser.post(`/api/meetings/${id}/occurrences/2026-04-21T14:00/cancel`, { scope: 'following' });
    expect(truncated.body.occurrences.map((o: { occurrence: string }) => o.occurrence)).toEqual([
      '2026-03-17T14:00', '2026-03-31T14:00', '2026-04-07T14:00', '2026-04-14T14:00',
    ]);

    const ics = (await organiser.get(`/api/meetings/${id}/ics`)).text;
    expect(ics).toContain('EXDATE;TZID=Europe/Zurich:20260324T140000');
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Zurich:20260331T140000');
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY;UNTIL=20260421T115959Z/);

    const kenyan = await signedInMember(t, org['kenya'].id, 'editor');
    expect((await kenyan.post(`/api/meetings/${id}/occurrences/2026-04-07T14:00/cancel`, {})).status).toBe(403);
    expect((await organiser.post(`/api/meetings/${id}/occurrences/2026-03-18T14:00/cancel`, {})).status).toBe(404);
  });

  it('changes this and following occurrences by splitting the series, earlier ones untouched', async () => {
    const created = await organiser.post('/api/meetings', session({ title: 'Series to reschedule' }));
    const id = created.body.id;
    await organiser.put(`/api/meetings/${id}/agenda`, { items: [{ title: 'Check-in', minutes: 10 }] });
    await organiser.post(`/api/meetings/${id}/occurrences/2026-04-28T14:00/cancel`, { scope: 'this' });

    // From the 4th session on: Thursdays at 10:00, one hour, with a new title.
    const changed = await organiser.put(`/api/meetings/${id}/occurrences/2026-04-07T14:00/following`, {
      localStart: '2026-04-09T10:00',
      localEnd: '2026-04-09T11:00',
      title: 'Series, new slot',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.id).not.toBe(id);
    expect(changed.body.title).toBe('Series, new slot');
    expect(changed.body.occurrences.map((o: { occurrence: string }) => o.occurrence)).toEqual([
      '2026-04-09T10:00', '2026-04-16T10:00', '2026-04-23T10:00', '2026-04-30T10:00', '2026-05-07T10:00',
    ]);
    expect(changed.body.occurrences[0]).toMatchObject({ start: '2026-04-09T08:00:00Z', end: '2026-04-09T09:00:00Z' });
    expect((await organiser.get(`/api/meetings/${changed.body.id}/agenda`)).body.items.map((i: { title: string }) => i.title)).toEqual(['Check-in']);

    const original = await organiser.get(`/api/meetings/${id}`);
    expect(original.body.title).toBe('Series to reschedule');
    expect(original.body.occurrences.map((o: { occurrence: string }) => o.occurrence)).toEqual(['2026-03-17T14:00', '2026-03-24T14:00', '2026-03-31T14:00']);

    // Invitees follow the new series.
    const kenyan = await signedInMember(t, org['kenya'].id, 'viewer');
    expect((await kenyan.get(`/api/meetings/${changed.body.id}`)).status).toBe(200);
    expect((await kenyan.put(`/api/meetings/${id}/occurrences/2026-03-31T14:00/following`, { localStart: '2026-03-31T10:00', localEnd: '2026-03-31T11:00' })).status).toBe(403);

    // Changing from the first occurrence changes the whole series in place.
    const whole = await organiser.put(`/api/meetings/${id}/occurrences/2026-03-17T14:00/following`, { localStart: '2026-03-17T15:00', localEnd: '2026-03-17T16:00' });
    expect(whole.body.id).toBe(id);
    expect(whole.body.occurrences.map((o: { localStart: string }) => o.localStart)).toEqual(['2026-03-17T15:00', '2026-03-24T15:00', '2026-03-31T15:00']);

    const bad = await organiser.put(`/api/meetings/${id}/occurrences/2026-03-17T15:00/following`, { localStart: '2026-03-17T15:00', localEnd: '2026-03-17T14:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('localEnd');
  });

  it('lists, for any window, exactly the occurrences the meeting shows there, moved and cancelled ones included', async () => {
    const created = await organiser.post('/api/meetings', session({ title: 'Windowed series', rrule: 'FREQ=WEEKLY;COUNT=12' }));
    const id = created.body.id;
    await organiser.post(`/api/meetings/${id}/occurrences/2026-03-31T14:00/cancel`, { scope: 'this' });
    // One moved months later, one moved earlier than the series starts, one moved by an hour.
    expect((await organiser.put(`/api/meetings/${id}/occurrences/2026-03-24T14:00`, { localStart: '2026-07-02T09:00', localEnd: '2026-07-02T10:00' })).status).toBe(200);
    expect((await organiser.put(`/api/meetings/${id}/occurrences/2026-05-26T14:00`, { localStart: '2026-02-10T16:00', localEnd: '2026-02-10T17:30' })).status).toBe(200);
    expect((await organiser.put(`/api/meetings/${id}/occurrences/2026-04-14T14:00`, { localStart: '2026-04-14T15:00', localEnd: '2026-04-14T16:30' })).status).toBe(200);
    const all = (await organiser.get(`/api/meetings/${id}`)).body.occurrences as Array<{ occurrence: string; start: string; end: string; modified: boolean }>;
    expect(all).toHaveLength(11);
    const windows = [
      ['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z'],
      ['2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'],
      ['2026-04-01T00:00:00Z', '2026-05-01T00:00:00Z'],
      ['2026-05-01T00:00:00Z', '2026-08-01T00:00:00Z'],
      // Cutting through an occurrence (17 March, 13:00–14:30 UTC): it overlaps, so it is listed.
      ['2026-03-17T14:00:00Z', '2026-03-17T18:00:00Z'],
      ['2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    ];
    for (const [from, to] of windows) {
      const listed = (await organiser.get(`/api/meetings?from=${from}&to=${to}`)).body.items.filter((o: { meetingId: string }) => o.meetingId === id);
      // The list is in time order; the meeting, in series order.
      const expected = all.filter((o) => Date.parse(o.end) > Date.parse(from) && Date.parse(o.start) < Date.parse(to)).sort((a, b) => a.start.localeCompare(b.start));
      expect([from, listed.map((o: { occurrence: string; start: string; modified: boolean }) => [o.occurrence, o.start, o.modified])]).toEqual([from, expected.map((o) => [o.occurrence, o.start, o.modified])]);
    }
  });

  it('records RSVPs per occurrence', async () => {
    const created = await organiser.post('/api/meetings', session({ title: 'RSVP series' }));
    const kenyan = await signedInMember(t, org['kenya'].id, 'viewer');
    const answered = await kenyan.put(`/api/meetings/${created.body.id}/occurrences/2026-03-24T14:00/rsvp`, { response: 'maybe' });
    expect(answered.body.occurrences.find((o: { occurrence: string }) => o.occurrence === '2026-03-24T14:00').myRsvp).toBe('maybe');
    expect(answered.body.occurrences.find((o: { occurrence: string }) => o.occurrence === '2026-03-17T14:00').myRsvp).toBeNull();
    expect((await kenyan.put(`/api/meetings/${created.body.id}/occurrences/2026-03-24T14:00/rsvp`, { response: 'perhaps' })).status).toBe(400);
  });

  it('cancelling a meeting removes it from calendars and its ICS says METHOD:CANCEL', async () => {
    const created = await organiser.post('/api/meetings', session({ title: 'To cancel' }));
    expect((await organiser.delete(`/api/meetings/${created.body.id}`)).status).toBe(204);
    const items = (await organiser.get(`/api/meetings${range}`)).body.items.map((o: { meetingId: string }) => o.meetingId);
    expect(items).not.toContain(created.body.id);
    const ics = (await organiser.get(`/api/meetings/${created.body.id}/ics`)).text;
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    // Still shown to those invited, but there is nothing to answer: said so, not "not found".
    for (const answer of [organiser.put(`/api/meetings/${created.body.id}/occurrences/2026-03-17T14:00/rsvp`, { response: 'yes' }), organiser.put(`/api/meetings/${created.body.id}/rsvp`, { response: 'yes' })]) {
      const refused = await answer;
      expect([refused.status, refused.body.message]).toEqual([409, 'This meeting was cancelled: there is nothing to answer']);
    }
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ localEnd: '2026-03-17T13:00' }, 'localEnd'],
    [{ rrule: 'FREQ=WEEKLY' }, 'rrule'],
    [{ rrule: 'FREQ=DAILY;COUNT=10000' }, 'rrule'],
    [{ rrule: 'GIBBERISH' }, 'rrule'],
    [{ kind: 'webinar', capacity: -1 }, 'capacity'],
    [{ conferencingUrl: 'javascript:alert(1)' }, 'conferencingUrl'],
    [{ networkWide: true }, 'networkWide'],
    [{ rrule: 'FREQ=WEEKLY;COUNT=3;UNTIL=20270101T000000Z' }, 'rrule'],
    [{ rrule: 'FREQ=WEEKLY;COUNT=-5' }, 'rrule'],
    [{ invitees: { userIds: ['00000000-0000-4000-8000-000000000000'] } }, 'invitees.userIds'],
    [{ invitees: { organisationIds: ['00000000-0000-4000-8000-000000000000'] } }, 'invitees.organisationIds'],
  ])('rejects %j with a message on %s', async (overrides, path) => {
    const response = await organiser.post('/api/meetings', session(overrides));
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('invites organisations, regions and people named twice once each, and the people invited by name see it', async () => {
    const guest = await createUser(t.db, { memberOf: [{ organisationId: org['brazil'].id, role: 'viewer' }] });
    const created = await organiser.post(
      '/api/meetings',
      session({ title: 'Named twice', invitees: { organisationIds: [org['kenya'].id, org['kenya'].id], regionCodes: ['AFRO', 'AFRO'], userIds: [guest.id, guest.id] } }),
    );
    expect(created.status).toBe(201);
    const rows: Array<{ organisation_id: string | null; region_code: string | null; user_id: string | null }> = await t.db.query(
      'SELECT organisation_id, region_code, user_id FROM meeting_invitees WHERE meeting_id = $1 ORDER BY region_code, user_id',
      [created.body.id],
    );
    expect(rows).toEqual([
      { organisation_id: null, region_code: 'AFRO', user_id: null },
      { organisation_id: null, region_code: null, user_id: guest.id },
      { organisation_id: org['kenya'].id, region_code: null, user_id: null },
    ]);
    const invitedByName = await signIn(t, guest.email, TEST_PASSWORD);
    expect((await invitedByName.get(`/api/meetings/${created.body.id}`)).status).toBe(200);
  });

  it('stores an empty recurrence rule as none', async () => {
    const once = await organiser.post('/api/meetings', session({ title: 'Empty rule', rrule: '' }));
    expect(once.status).toBe(201);
    expect(once.body.rrule).toBeNull();
  });

  const ONCE_A_DAY = 'A meeting can repeat daily, weekly, monthly or yearly, not more than once a day';

  it.each(['FREQ=SECONDLY;COUNT=2000', 'FREQ=MINUTELY;UNTIL=20260318T000000Z', 'FREQ=HOURLY;COUNT=24', 'RRULE:FREQ=hourly;INTERVAL=48;COUNT=3'])(
    'refuses %s: a meeting repeats at most once a day, said on the rrule field',
    async (rrule) => {
      const response = await organiser.post('/api/meetings', session({ title: 'Too often', rrule }));
      expect(response.status).toBe(400);
      expect(response.body.details).toContainEqual({ path: 'rrule', message: ONCE_A_DAY });
      const checked = CreateMeetingRequestSchema.safeParse(session({ rrule }));
      expect(checked.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['rrule', ONCE_A_DAY]]);
    },
  );

  it('says which wall-clock time does not exist when clocks move forward, on the field that holds it', async () => {
    const gap = (time: string) => `${time} does not exist on 28 March in Europe/Zurich (clocks move forward from 02:00 to 03:00)`;
    const start = await organiser.post('/api/meetings', session({ localStart: '2027-03-28T02:30', localEnd: '2027-03-28T03:30', rrule: undefined }));
    expect(start.status).toBe(400);
    expect(start.body.message).toBe(gap('02:30'));
    expect(start.body.details).toEqual([{ path: 'localStart', message: gap('02:30') }]);

    const end = await organiser.post('/api/meetings', session({ localStart: '2027-03-28T01:30', localEnd: '2027-03-28T02:15', rrule: undefined }));
    expect(end.status).toBe(400);
    expect(end.body.details).toEqual([{ path: 'localEnd', message: gap('02:15') }]);

    const series = await organiser.post('/api/meetings', session({ title: 'Sunday series', localStart: '2027-03-21T09:00', localEnd: '2027-03-21T10:00', rrule: 'FREQ=WEEKLY;COUNT=3' }));
    expect(series.status).toBe(201);
    const moved = await organiser.put(`/api/meetings/${series.body.id}/occurrences/2027-03-28T09:00`, { localStart: '2027-03-28T02:00', localEnd: '2027-03-28T03:00' });
    expect(moved.status).toBe(400);
    expect(moved.body.details).toEqual([{ path: 'localStart', message: gap('02:00') }]);
    const following = await organiser.put(`/api/meetings/${series.body.id}/occurrences/2027-03-28T09:00/following`, { localStart: '2027-03-28T01:00', localEnd: '2027-03-28T02:59' });
    expect(following.status).toBe(400);
    expect(following.body.details).toEqual([{ path: 'localEnd', message: gap('02:59') }]);
    // The hour after the gap is fine.
    expect((await organiser.put(`/api/meetings/${series.body.id}/occurrences/2027-03-28T09:00`, { localStart: '2027-03-28T03:00', localEnd: '2027-03-28T04:00' })).status).toBe(200);
  });

  it('writes calendar files (per meeting and the personal feed) whose every occurrence, read by another parser, is where the API says', async () => {
    // A pathfinder no region-wide invitation in this file reaches: its feed holds these meetings (and network-wide webinars).
    const nepal = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'NPL', name: 'Nepal' });
    const viewers = ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];
    const cases = [
      // Weekly from 3 March: New York changes clocks on 8 March, Zurich on 29 March, Auckland on 5 April.
      { timeZone: 'Europe/Zurich', localStart: '2026-03-03T14:00', seen: ['America/New_York', '2026-03-31 08:00–09:30'] },
      { timeZone: 'UTC', localStart: '2026-03-03T14:00', seen: ['Pacific/Auckland', '2026-03-04 03:00–04:30'] },
      { timeZone: 'Etc/GMT-3', localStart: '2026-03-03T14:00', seen: ['America/New_York', '2026-03-03 06:00–07:30'] },
      { timeZone: 'Etc/GMT+5', localStart: '2026-03-03T14:00', seen: ['Asia/Kolkata', '2026-03-04 00:30–02:00'] },
      // From 20 October: Zurich changes on 25 October, New York on 1 November; Brazil no longer does.
      { timeZone: 'America/Sao_Paulo', localStart: '2026-10-20T10:00', seen: ['America/New_York', '2026-11-10 08:00–09:30'] },
      { timeZone: 'Asia/Kathmandu', localStart: '2026-03-03T09:00', seen: ['Asia/Kolkata', '2026-03-03 08:45–10:15'] },
    ];
    const created: Array<{ id: string; occurrences: Array<{ start: string; end: string }> }> = [];
    for (const { timeZone, localStart, seen } of cases) {
      const localEnd = DateTime.fromISO(localStart).plus({ minutes: 90 }).toFormat("yyyy-LL-dd'T'HH:mm");
      const meeting = await organiser.post('/api/meetings', session({
        title: `Calendar file in ${timeZone}`, timeZone, localStart, localEnd, rrule: 'FREQ=WEEKLY;COUNT=6', invitees: { organisationIds: [nepal.id] },
      }));
      expect(meeting.status).toBe(201);
      const [, second, third] = meeting.body.occurrences.map((o: { occurrence: string }) => o.occurrence);
      await organiser.post(`/api/meetings/${meeting.body.id}/occurrences/${second}/cancel`, { scope: 'this' });
      const movedTo = DateTime.fromISO(third).plus({ days: 1 }).set({ hour: 8 });
      const moved = await organiser.put(`/api/meetings/${meeting.body.id}/occurrences/${third}`, {
        localStart: movedTo.toFormat("yyyy-LL-dd'T'HH:mm"), localEnd: movedTo.plus({ minutes: 45 }).toFormat("yyyy-LL-dd'T'HH:mm"),
      });
      expect(moved.status).toBe(200);
      const api = (await organiser.get(`/api/meetings/${meeting.body.id}`)).body;
      expect(api.occurrences).toHaveLength(5);
      expect(asSeenIn(seen[0], api.occurrences)).toContain(seen[1]);

      const ics = (await organiser.get(`/api/meetings/${meeting.body.id}/ics`)).text;
      expect(ics).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
      expect(ics).toContain('EXDATE');
      expect(ics).toContain('RECURRENCE-ID');
      const file = readCalendar(ics).get(`${meeting.body.id}@simashe-workspace`);
      for (const viewer of viewers) expect(asSeenIn(viewer, file?.occurrences ?? [])).toEqual(asSeenIn(viewer, api.occurrences));
      created.push(api);
    }

    const member = await signedInMember(t, nepal.id, 'viewer');
    const feed = (await t.http().get(new URL((await member.post('/api/me/calendar-feed')).body.url).pathname)).text;
    const read = readCalendar(feed);
    expect((feed.match(/^TZID:[^\r\n]*/gm) ?? []).sort()).toEqual(expect.arrayContaining(['TZID:America/Sao_Paulo', 'TZID:Asia/Kathmandu', 'TZID:Etc/GMT+5', 'TZID:Etc/GMT-3', 'TZID:Europe/Zurich']));
    expect(feed).not.toMatch(/TZID[=:]UTC/);
    for (const api of created) {
      const file = read.get(`${api.id}@simashe-workspace`);
      for (const viewer of viewers) expect(asSeenIn(viewer, file?.occurrences ?? [])).toEqual(asSeenIn(viewer, api.occurrences));
    }
  });

  it('serves a personal calendar feed by secret link, revocable by resetting it', async () => {
    const created = await organiser.post('/api/meetings', session({ title: 'Feed meeting', rrule: 'FREQ=WEEKLY;COUNT=3' }));
    await organiser.post(`/api/meetings/${created.body.id}/occurrences/2026-03-24T14:00/cancel`, { scope: 'this' });
    const kenyan = await signedInMember(t, org['kenya'].id, 'viewer');
    expect((await kenyan.get('/api/me/calendar-feed')).body.active).toBe(false);
    const first = await kenyan.post('/api/me/calendar-feed');
    const path = new URL(first.body.url).pathname;
    const feed = await t.http().get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.text).toContain(`UID:${created.body.id}@simashe-workspace`);
    expect(feed.text).toContain('EXDATE;TZID=Europe/Zurich:20260324T140000');
    expect(feed.text).toContain('BEGIN:VTIMEZONE');

    const second = await kenyan.post('/api/me/calendar-feed');
    expect((await t.http().get(path)).status).toBe(404);
    expect((await t.http().get(new URL(second.body.url).pathname)).status).toBe(200);
    expect((await t.http().get('/api/calendar-feeds/short.ics')).status).toBe(400);
    const brazilian = await signedInMember(t, org['brazil'].id, 'viewer');
    const theirs = await t.http().get(new URL((await brazilian.post('/api/me/calendar-feed')).body.url).pathname);
    expect(theirs.text).not.toContain(created.body.id);
  });

  it('registers for a webinar up to its capacity, then keeps a waiting list that moves up when someone leaves', async () => {
    const webinar = await organiser.post('/api/meetings', session({ title: 'Small webinar', kind: 'webinar', capacity: 2, networkWide: true, rrule: undefined, invitees: {} }));
    const id = webinar.body.id;
    const people = await Promise.all(Array.from({ length: 5 }, () => signedInMember(t, org['partner'].id, 'viewer')));
    const answers = await Promise.all(people.map((person) => person.post(`/api/meetings/${id}/registration`)));
    const statuses = answers.map((answer) => answer.body.registration.status);
    expect(statuses.filter((s) => s === 'registered')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(3);
    const summary = (await organiser.get(`/api/meetings/${id}`)).body.registration;
    expect(summary).toMatchObject({ registered: 2, waitlisted: 3, capacity: 2, status: null });

    const seated = people[statuses.indexOf('registered')];
    const waiting = await Promise.all(people.filter((_, i) => statuses[i] === 'waitlisted').map(async (p) => ({ p, pos: (await p.get(`/api/meetings/${id}`)).body.registration.waitlistPosition })));
    const firstInLine = waiting.find((w) => w.pos === 1)!.p;
    expect((await seated.delete(`/api/meetings/${id}/registration`)).body.registration.status).toBeNull();
    expect((await firstInLine.get(`/api/meetings/${id}`)).body.registration.status).toBe('registered');
    expect((await organiser.get(`/api/meetings/${id}`)).body.registration).toMatchObject({ registered: 2, waitlisted: 2 });

    const ordinary = await organiser.post('/api/meetings', session({ title: 'Not a webinar', rrule: undefined }));
    expect((await organiser.post(`/api/meetings/${ordinary.body.id}/registration`)).status).toBe(409);
  });

  it('records attendance (organiser, or self check-in during the meeting) and reports rates per organisation', async () => {
    // In SEARO: no region-wide invitation in this file reaches it, so only this series counts.
    const attendanceOrg = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'LKA', name: 'Sri Lanka' });
    const series = await organiser.post('/api/meetings', session({ title: 'Attendance series', invitees: { organisationIds: [attendanceOrg.id] } }));
    const ugandan = await signedInMember(t, attendanceOrg.id, 'viewer');
    const recorded = await organiser.post(`/api/meetings/${series.body.id}/occurrences/2026-03-17T14:00/attendance`, { userIds: [ugandan.userId] });
    expect(recorded.body.occurrences[0]).toMatchObject({ attendees: 1, attended: false });
    expect((await ugandan.get(`/api/meetings/${series.body.id}`)).body.occurrences[0].attended).toBe(true);
    expect((await ugandan.post(`/api/meetings/${series.body.id}/occurrences/2026-03-24T14:00/attendance`, { userIds: [ugandan.userId] })).status).toBe(403);
    expect((await ugandan.post(`/api/meetings/${series.body.id}/occurrences/2026-03-24T14:00/check-in`)).status).toBe(409);

    const now = new Date(Date.now() - 5 * 60_000).toISOString().slice(0, 16);
    const later = new Date(Date.now() + 55 * 60_000).toISOString().slice(0, 16);
    const live = await organiser.post('/api/meetings', session({ title: 'Happening now', timeZone: 'UTC', localStart: now, localEnd: later, rrule: undefined, invitees: { organisationIds: [attendanceOrg.id] } }));
    const checkedIn = await ugandan.post(`/api/meetings/${live.body.id}/occurrences/${now}/check-in`);
    expect(checkedIn.status).toBe(200);
    expect(checkedIn.body.occurrences[0]).toMatchObject({ attended: true, attendees: 1 });

    const rates = (await ugandan.get(`/api/meetings/attendance-rates?organisationId=${attendanceOrg.id}`)).body.items;
    expect(rates[0]).toEqual({ month: '2026-03', invitedOccurrences: 3, attendedOccurrences: 1, rate: 0.333 });
    expect(rates.find((r: { month: string }) => r.month === '2026-04')).toMatchObject({ invitedOccurrences: 4, attendedOccurrences: 0, rate: 0 });
    const brazilian = await signedInMember(t, org['brazil'].id, 'viewer');
    expect((await brazilian.get(`/api/meetings/attendance-rates?organisationId=${attendanceOrg.id}`)).status).toBe(404);
  });
});
