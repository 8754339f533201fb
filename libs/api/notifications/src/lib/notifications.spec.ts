import { AccountsModule } from '@simashe/api-accounts';
import { bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { NotificationsModule } from './notifications.module';
import { NotificationsService } from './notifications.service';

describe('notifications inbox', () => {
  let t: TestApp;
  let service: NotificationsService;
  let amina: TestClient;
  let kofi: TestClient;

  beforeAll(async () => {
    t = await bootTestApp([AccountsModule, NotificationsModule]);
    service = t.app.get(NotificationsService);
    const org = await createOrganisation(t.db, { kind: 'core_partner' });
    amina = await signedInMember(t, org.id, 'editor');
    kofi = await signedInMember(t, org.id, 'editor');
  });
  afterAll(() => t.close());

  it('lists my notifications newest first with an unread count; a dedupe key lands once', async () => {
    expect(await service.notify(amina.userId, { kind: 'meeting_reminder', title: 'First', dedupeKey: 'k1' })).toBe(true);
    expect(await service.notify(amina.userId, { kind: 'meeting_reminder', title: 'Again', dedupeKey: 'k1' })).toBe(false);
    await service.notify(amina.userId, { kind: 'meeting_reminder', title: 'Second', link: '/meetings/x' });
    await service.notify(amina.userId, { kind: 'meeting_reminder', title: 'Outside link dropped', link: 'https://evil.example' });
    const listed = await amina.get('/api/notifications');
    expect(listed.status).toBe(200);
    expect(listed.body.unread).toBe(3);
    expect(listed.body.items.map((n: { title: string }) => n.title)).toEqual(['Outside link dropped', 'Second', 'First']);
    expect(listed.body.items[0].link).toBeNull();
    expect((await kofi.get('/api/notifications')).body).toEqual({ items: [], unread: 0 });
  });

  it('marks one or all as read, and never someone else’s', async () => {
    const [first] = (await amina.get('/api/notifications')).body.items;
    expect((await kofi.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    const read = await amina.post(`/api/notifications/${first.id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.read).toBe(true);
    expect((await amina.get('/api/notifications?unread=true')).body.items).toHaveLength(2);
    expect((await amina.post('/api/notifications/read-all')).status).toBe(204);
    expect((await amina.get('/api/notifications')).body.unread).toBe(0);
  });

  it('keeps a message key and values for the web to translate; older rows and unknown keys have none', async () => {
    const message = { key: 'meetingInvitation' as const, params: { meeting: 'Exchange', organiser: 'AFRO', start: '2027-03-02T11:00:00Z', repeats: 'no' } };
    await service.notify(kofi.userId, { kind: 'invitation', title: 'Invitation: Exchange', body: 'AFRO · …', message });
    await service.notify(kofi.userId, { kind: 'invitation', title: 'Old row' });
    const [gone] = await t.db.query(
      `INSERT INTO notifications (user_id, kind, title, message) VALUES ($1, 'invitation', 'Renamed key', '{"key":"noLongerKnown","params":{}}') RETURNING id`,
      [kofi.userId],
    );
    const items = (await kofi.get('/api/notifications')).body.items as Array<{ id: string; title: string; message: unknown }>;
    expect(items.find((n) => n.title === 'Invitation: Exchange')?.message).toEqual(message);
    expect(items.find((n) => n.title === 'Old row')?.message).toBeNull();
    expect(items.find((n) => n.id === gone.id)?.message).toBeNull();
  });

  it('tells a person appointed to the steering committee, naming who appointed them', async () => {
    const secretariat = await createOrganisation(t.db, { kind: 'secretariat' });
    const admin = await signedInMember(t, secretariat.id, 'admin');
    await t.db.query("UPDATE users SET name = 'Salma Benali' WHERE id = $1", [admin.userId]);
    const appointee = await signedInMember(t, (await createOrganisation(t.db, { kind: 'core_partner' })).id, 'viewer');
    const [{ email }] = await t.db.query('SELECT email FROM users WHERE id = $1', [appointee.userId]);
    expect((await admin.post('/api/network/steering-committee', { email })).status).toBe(201);
    const [notice] = (await appointee.get('/api/notifications')).body.items;
    expect(notice).toMatchObject({
      kind: 'network',
      title: 'Salma Benali appointed you to the HIM Network steering committee',
      link: '/network/calls',
      message: { key: 'steeringAppointed', params: { name: 'Salma Benali' } },
      read: false,
    });
    expect((await admin.get('/api/notifications')).body.items).toEqual([]);
  });

  it('rejects bad input with clear messages', async () => {
    expect((await amina.post('/api/notifications/not-a-uuid/read')).status).toBe(400);
    const bad = await amina.get('/api/notifications?limit=1000');
    expect(bad.status).toBe(400);
    expect(bad.body.details[0]).toMatchObject({ path: 'limit', message: 'limit is at most 100' });
    expect((await t.http().get('/api/notifications')).status).toBe(401);
  });
});
