import { Module } from '@nestjs/common';
import { WebSocketGateway, type OnGatewayInit } from '@nestjs/websockets';
import { loadConfig } from '@simashe/api-core';
import { bootTestApp, createUser, eventually, TEST_PASSWORD, TestClient, type TestApp } from '@simashe/api-testing';
import type { SessionInfo, SessionResponse } from '@simashe/contracts';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import type { Namespace } from 'socket.io';
import { AccountsModule } from './accounts.module';
import { SessionsService } from './sessions.service';
import { requireSocketSession } from './socket-auth';

const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

/** Signs in as a browser would, from a given device and address (the test app trusts X-Forwarded-For from loopback). */
async function signInFrom(t: TestApp, email: string, userAgent: string, address: string): Promise<TestClient> {
  const response = await t.http().post('/api/auth/login').set('User-Agent', userAgent).set('X-Forwarded-For', address).send({ email, password: TEST_PASSWORD });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  return new TestClient(t, response.body as SessionResponse, cookie);
}

async function sessionIdOf(client: TestClient): Promise<string> {
  const list = await client.get('/api/me/sessions');
  return (list.body.items as SessionInfo[]).find((s) => s.current)?.id as string;
}

describe('sessions (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // These tests move the clock by editing sessions in the database, behind the API's back: sessions are read on
    // every request here (a session read moments ago is otherwise trusted for AUTH_CACHE_SECONDS; see below).
    t = await bootTestApp([AccountsModule], { authCacheSeconds: 0 });
  });
  afterAll(() => t.close());

  it('lists my sessions with device, address, dates and which one is this one', async () => {
    const user = await createUser(t.db);
    const laptop = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.7');
    await signInFrom(t, user.email, SAFARI_ON_IPHONE, '2001:db8::42');
    const someoneElse = await createUser(t.db);
    await signInFrom(t, someoneElse.email, FIREFOX_ON_WINDOWS, '198.51.100.99');

    const response = await laptop.get('/api/me/sessions');
    expect(response.status).toBe(200);
    const items = response.body.items as SessionInfo[];
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      current: true,
      userAgent: FIREFOX_ON_WINDOWS,
      device: { browser: 'Firefox', os: 'Windows', mobile: false },
      ip: '198.51.100.7',
    });
    expect(items[1]).toMatchObject({ current: false, device: { browser: 'Safari', os: 'iOS', mobile: true }, ip: '2001:db8::42' });
    for (const item of items) {
      expect(Date.parse(item.createdAt)).not.toBeNaN();
      expect(Date.parse(item.lastSeenAt)).not.toBeNaN();
      expect(item).not.toHaveProperty('tokenHash');
      expect(item).not.toHaveProperty('csrfToken');
    }
    expect((await t.http().get('/api/me/sessions')).status).toBe(401);
  });

  it('signs out one other session; another person’s session is not found', async () => {
    const user = await createUser(t.db);
    const laptop = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.8');
    const phone = await signInFrom(t, user.email, SAFARI_ON_IPHONE, '198.51.100.9');
    const phoneSession = await sessionIdOf(phone);

    const stranger = await signInFrom(t, (await createUser(t.db)).email, FIREFOX_ON_WINDOWS, '198.51.100.10');
    const strangerSession = await sessionIdOf(stranger);
    const notMine = await laptop.delete(`/api/me/sessions/${strangerSession}`);
    expect(notMine.status).toBe(404);
    expect(notMine.body.id).toBe('not_found');
    expect((await stranger.get('/api/auth/session')).status).toBe(200);
    expect((await laptop.delete('/api/me/sessions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await laptop.delete('/api/me/sessions/not-a-uuid')).status).toBe(400);

    expect((await laptop.delete(`/api/me/sessions/${phoneSession}`)).status).toBe(204);
    expect((await phone.get('/api/auth/session')).status).toBe(401);
    expect((await laptop.get('/api/auth/session')).status).toBe(200);
    expect((await laptop.get('/api/me/sessions')).body.items).toHaveLength(1);
    // The CSRF token is required for it, as for every change.
    expect((await t.http().delete(`/api/me/sessions/${phoneSession}`).set('Cookie', laptop.cookie)).status).toBe(403);
  });

  it('signs out everywhere else and keeps this session', async () => {
    const user = await createUser(t.db);
    const here = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.11');
    const others = [await signInFrom(t, user.email, SAFARI_ON_IPHONE, '198.51.100.12'), await signInFrom(t, user.email, 'curl/8.5.0', '198.51.100.13')];
    const response = await here.post('/api/me/sessions/sign-out-others');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ revoked: 2 });
    for (const other of others) expect((await other.get('/api/auth/session')).status).toBe(401);
    expect((await here.get('/api/auth/session')).status).toBe(200);
    expect((await here.get('/api/me/sessions')).body.items).toEqual([expect.objectContaining({ current: true })]);
    expect((await here.post('/api/me/sessions/sign-out-others')).body).toEqual({ revoked: 0 });
  });

  it('ends a session idle for longer than the idle timeout (401) and deletes it', async () => {
    const user = await createUser(t.db);
    const client = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.14');
    const id = await sessionIdOf(client);
    const idleMinutes = t.config.sessionIdleTimeoutMinutes;
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2) WHERE id = $1`, [id, idleMinutes - 5]);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    await t.db.query(`UPDATE sessions SET last_seen_at = now() - make_interval(mins => $2) WHERE id = $1`, [id, idleMinutes + 1]);
    const idle = await client.get('/api/auth/session');
    expect(idle.status).toBe(401);
    expect(idle.body.id).toBe('unauthenticated');
    expect(await t.db.query('SELECT id FROM sessions WHERE id = $1', [id])).toEqual([]);
  });

  it('ends a session past its absolute lifetime however active it is', async () => {
    const user = await createUser(t.db);
    const client = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.15');
    const id = await sessionIdOf(client);
    const hours = t.config.sessionLifetimeHours;
    // Signed in just under the lifetime ago, used a moment ago: still fine.
    await t.db.query(`UPDATE sessions SET created_at = now() - make_interval(hours => $2) + interval '5 minutes', last_seen_at = now() WHERE id = $1`, [id, hours]);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    await t.db.query(`UPDATE sessions SET created_at = now() - make_interval(hours => $2) - interval '1 minute', last_seen_at = now() WHERE id = $1`, [id, hours]);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('honours shorter limits set in the configuration, also for sessions opened before', async () => {
    const strict = await bootTestApp([AccountsModule], { sessionLifetimeHours: 1, sessionIdleTimeoutMinutes: 10, authCacheSeconds: 0 });
    try {
      const user = await createUser(strict.db);
      const client = await signInFrom(strict, user.email, FIREFOX_ON_WINDOWS, '198.51.100.16');
      const id = await sessionIdOf(client);
      const [row] = await strict.db.query(`SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM sessions WHERE id = $1`, [id]);
      expect(row.seconds).toBe(3600);
      await strict.db.query(`UPDATE sessions SET last_seen_at = now() - interval '11 minutes' WHERE id = $1`, [id]);
      expect((await client.get('/api/auth/session')).status).toBe(401);

      const other = await signInFrom(strict, user.email, FIREFOX_ON_WINDOWS, '198.51.100.16');
      const otherId = await sessionIdOf(other);
      // Stored with a longer deadline (e.g. before the setting was lowered): the setting wins.
      await strict.db.query(`UPDATE sessions SET expires_at = now() + interval '30 days', created_at = now() - interval '61 minutes' WHERE id = $1`, [otherId]);
      expect((await other.get('/api/auth/session')).status).toBe(401);
    } finally {
      await strict.close();
    }
  });

  it('records last use (and address) at most once a minute, not on every request', async () => {
    const user = await createUser(t.db);
    const client = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.17');
    const id = await sessionIdOf(client);
    const lastSeen = async () => (await t.db.query('SELECT last_seen_at, ip FROM sessions WHERE id = $1', [id]))[0] as { last_seen_at: Date; ip: string };

    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '30 seconds' WHERE id = $1`, [id]);
    const before = await lastSeen();
    for (let i = 0; i < 3; i++) expect((await client.get('/api/auth/session').set('X-Forwarded-For', '203.0.113.5')).status).toBe(200);
    expect((await lastSeen()).last_seen_at.getTime()).toBe(before.last_seen_at.getTime());
    expect((await lastSeen()).ip).toBe('198.51.100.17');

    await t.db.query(`UPDATE sessions SET last_seen_at = now() - interval '61 seconds' WHERE id = $1`, [id]);
    expect((await client.get('/api/auth/session').set('X-Forwarded-For', '203.0.113.5')).status).toBe(200);
    const after = await lastSeen();
    expect(Date.now() - after.last_seen_at.getTime()).toBeLessThan(10_000);
    expect(after.ip).toBe('203.0.113.5');
  });

  it('documents the session and password routes in the OpenAPI document', async () => {
    const doc = await t.http().get('/api/docs/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/me/sessions',
        '/api/me/sessions/sign-out-others',
        '/api/me/sessions/{id}',
        '/api/me/password',
        '/api/auth/password/forgot',
        '/api/auth/password/reset',
        '/api/auth/password/reset/{token}',
      ]),
    );
    expect(Object.keys(doc.body.paths['/api/auth/password/forgot'].post.responses)).toContain('202');
  });

  it('reads its limits from SESSION_LIFETIME_HOURS and SESSION_IDLE_TIMEOUT_MINUTES', () => {
    const defaults = loadConfig({});
    expect(defaults.sessionLifetimeHours).toBe(336);
    expect(defaults.sessionIdleTimeoutMinutes).toBe(10080);
    expect(defaults.passwordResetTtlMinutes).toBe(60);
    const set = loadConfig({ SESSION_LIFETIME_HOURS: '12', SESSION_IDLE_TIMEOUT_MINUTES: '30', PASSWORD_RESET_TTL_MINUTES: '15' });
    expect([set.sessionLifetimeHours, set.sessionIdleTimeoutMinutes, set.passwordResetTtlMinutes]).toEqual([12, 30, 15]);
    expect(loadConfig({ SESSION_TTL_HOURS: '48' }).sessionLifetimeHours).toBe(48);
    expect(() => loadConfig({ SESSION_IDLE_TIMEOUT_MINUTES: '0' })).toThrow(/SESSION_IDLE_TIMEOUT_MINUTES/);
  });
});

/** A namespace guarded like the collaboration, discussions and notifications gateways. */
@WebSocketGateway({ namespace: '/session-probe', serveClient: false })
class SessionProbeGateway implements OnGatewayInit {
  constructor(private readonly sessions: SessionsService) {}
  afterInit(namespace: Namespace): void {
    requireSocketSession(namespace, this.sessions, 'Sign in first', []);
  }
}

describe('sessions served from memory (AUTH_CACHE_SECONDS)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp([AccountsModule], { sqlQueryCount: true });
  });
  afterAll(() => t.close());
  const statements = (response: { headers: Record<string, string> }) => Number(response.headers['x-query-count']);

  it('reads a session once, then answers the next requests without reading it again', async () => {
    const user = await createUser(t.db);
    const client = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.30');
    const first = await client.get('/api/auth/session');
    const second = await client.get('/api/auth/session');
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(statements(second)).toBe(statements(first) - 1);
  });

  it('reads a session again after AUTH_CACHE_SECONDS even while it is in use, so one ended behind the API stops working', async () => {
    const short = await bootTestApp([AccountsModule], { authCacheSeconds: 1 });
    try {
      const user = await createUser(short.db);
      const client = await signInFrom(short, user.email, FIREFOX_ON_WINDOWS, '198.51.100.34');
      expect((await client.get('/api/auth/session')).status).toBe(200);
      // Ended without the API knowing (another instance whose message was lost, a database edit).
      await short.db.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
      const deadline = Date.now() + 4000;
      let status = 200;
      // Asked again and again, as a busy tab would: being in use must not keep it in memory.
      while (status !== 401 && Date.now() < deadline) {
        status = (await client.get('/api/me/sessions')).status;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('refuses a signed-out cookie at once, though it was read a moment before', async () => {
    const user = await createUser(t.db);
    const client = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.31');
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });

  it('refuses the old cookie at once after a password change, and takes the new one', async () => {
    const user = await createUser(t.db);
    const client = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.32');
    expect((await client.get('/api/auth/session')).status).toBe(200);
    const changed = await client.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-2026' });
    expect(changed.status).toBe(200);
    expect((await client.get('/api/auth/session')).status).toBe(401);
    const cookie = ([] as string[]).concat(changed.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    expect((await t.http().get('/api/auth/session').set('Cookie', cookie)).status).toBe(200);
  });

  it('speaks a newly chosen language from the very next request', async () => {
    const user = await createUser(t.db);
    const client = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.33');
    const missing = '/api/me/sessions/00000000-0000-4000-8000-000000000000';
    expect((await client.delete(missing)).body.message).toMatch(/^The session/);
    expect((await client.patch('/api/me/profile', { preferredLanguage: 'fr' })).status).toBe(200);
    expect((await client.delete(missing)).body.message).toMatch(/^La session/);
  });
});

@Module({ imports: [AccountsModule], providers: [SessionProbeGateway] })
class SessionProbeModule {}

describe('live connections of an ended session', () => {
  let t: TestApp;
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    t = await bootTestApp([AccountsModule, SessionProbeModule], {}, { listen: true });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await t.close();
  });

  const connect = (client: TestClient) => {
    const socket = io(`${t.baseUrl}/session-probe`, { extraHeaders: { cookie: client.cookie }, transports: ['websocket'], reconnection: false, forceNew: true });
    sockets.push(socket);
    return socket;
  };
  // Already connected counts: a socket may connect before the test gets to wait for it.
  const outcome = (socket: ClientSocket) =>
    new Promise<'connected' | string>((resolve) => {
      if (socket.connected) resolve('connected');
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', (error) => resolve(error.message));
    });

  it('closes them when the session is signed out from elsewhere, and refuses new ones', async () => {
    const user = await createUser(t.db);
    const laptop = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.20');
    const phone = await signInFrom(t, user.email, SAFARI_ON_IPHONE, '198.51.100.21');
    const phoneSocket = connect(phone);
    const laptopSocket = connect(laptop);
    expect(await outcome(phoneSocket)).toBe('connected');
    expect(await outcome(laptopSocket)).toBe('connected');

    const disconnected = new Promise<string>((resolve) => phoneSocket.on('disconnect', resolve));
    expect((await laptop.delete(`/api/me/sessions/${await sessionIdOf(phone)}`)).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    expect(await outcome(connect(phone))).toBe('Sign in first');

    // The laptop's own connection is untouched.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(laptopSocket.connected).toBe(true);
  });

  it('closes them on "sign out everywhere else"', async () => {
    const user = await createUser(t.db);
    const laptop = await signInFrom(t, user.email, FIREFOX_ON_WINDOWS, '198.51.100.22');
    const phone = await signInFrom(t, user.email, SAFARI_ON_IPHONE, '198.51.100.23');
    const phoneSocket = connect(phone);
    expect(await outcome(phoneSocket)).toBe('connected');
    await laptop.post('/api/me/sessions/sign-out-others');
    await eventually(() => !phoneSocket.connected, 5000, 'the phone socket to be closed');
    expect(await outcome(connect(phone))).toBe('Sign in first');
  });
});
