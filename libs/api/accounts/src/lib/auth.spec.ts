import { bootTestApp, createUser, signIn, TEST_PASSWORD, type TestApp } from '@simashe/api-testing';
import { AccountsModule } from './accounts.module';
import { UsersService } from './users.service';

describe('accounts (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp([AccountsModule]);
  });
  afterAll(() => t.close());

  it('signs in with an http-only SameSite cookie and returns the person and a CSRF token', async () => {
    const user = await createUser(t.db, { email: 'Mixed.Case@Example.org' });
    const response = await t.http().post('/api/auth/login').send({ email: 'mixed.case@example.org ', password: TEST_PASSWORD });
    expect(response.status).toBe(200);
    expect(response.body.user).toMatchObject({ id: user.id, email: 'Mixed.Case@Example.org', preferredLanguage: 'en', timeZone: 'UTC' });
    expect(response.body.user.passwordHash).toBeUndefined();
    expect(response.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/simashe_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('serves people other domains name from memory, and reads one again once their profile changes', async () => {
    const users = t.app.get(UsersService);
    const user = await createUser(t.db, { name: 'Amina Before' });
    expect((await users.names([user.id, null])).get(user.id)).toBe('Amina Before');
    // Changed behind the API: still the remembered name, for at most AUTH_CACHE_SECONDS.
    await t.db.query('UPDATE users SET name = $2 WHERE id = $1', [user.id, 'Amina Behind']);
    expect((await users.names([user.id])).get(user.id)).toBe('Amina Before');
    // Changed through the API: every instance drops the person, and the next read has the new name.
    const client = await signIn(t, user.email, TEST_PASSWORD);
    expect((await client.patch('/api/me/profile', { name: 'Amina After' })).status).toBe(200);
    expect((await users.people([user.id])).get(user.id)).toMatchObject({ name: 'Amina After', email: user.email });
  });

  it('stores passwords as argon2id hashes', async () => {
    const user = await createUser(t.db);
    const [row] = await t.db.query('SELECT password_hash FROM users WHERE id = $1', [user.id]);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const user = await createUser(t.db);
    const wrong = await t.http().post('/api/auth/login').send({ email: user.email, password: 'not-the-password' });
    const unknown = await t.http().post('/api/auth/login').send({ email: 'nobody@example.org', password: 'whatever-it-is' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('rate-limits repeated failed sign-ins for one account, even with the right password afterwards', async () => {
    const user = await createUser(t.db);
    for (let i = 0; i < 5; i++) {
      expect((await t.http().post('/api/auth/login').send({ email: user.email, password: `wrong-${i}-password` })).status).toBe(401);
    }
    const blocked = await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.id).toBe('rate_limited');
    expect(blocked.headers['retry-after']).toBeDefined();
  });

  it('rejects bad bodies with field messages and unknown fields', async () => {
    const response = await t.http().post('/api/auth/login').send({ email: 'not-an-email', password: 'x', remember: true });
    expect(response.status).toBe(400);
    expect(response.body.id).toBe('validation_error');
    expect(response.body.details).toEqual(
      expect.arrayContaining([
        { path: 'email', message: 'Enter a valid email address' },
        { path: '(body)', message: 'Unknown field(s): remember' },
      ]),
    );
    expect(response.body.requestId).toBeTruthy();
  });

  it('rejects malformed JSON with 400 and an oversized body with 413', async () => {
    const malformed = await t.http().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(malformed.status).toBe(400);
    const huge = await t.http().post('/api/auth/login').send({ email: 'a@b.org', password: 'x'.repeat(400_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.id).toBe('payload_too_large');
  });

  it('requires a session for private routes (401) and the CSRF token for changes (403)', async () => {
    expect((await t.http().get('/api/auth/session')).status).toBe(401);
    expect((await t.http().patch('/api/me/profile').send({ name: 'X' })).status).toBe(401);
    const user = await createUser(t.db);
    const client = await signIn(t, user.email, TEST_PASSWORD);
    const cookie = client.request('get', '/').get('Cookie');
    const withoutToken = await t.http().patch('/api/me/profile').set('Cookie', cookie as unknown as string).send({ name: 'X' });
    expect(withoutToken.status).toBe(403);
    const crossSite = await client.patch('/api/me/profile', { name: 'X' }).set('Origin', 'https://evil.example');
    expect(crossSite.status).toBe(403);
  });

  it('updates the profile (name, language, IANA time zone) and rejects unknown zones', async () => {
    const user = await createUser(t.db);
    const client = await signIn(t, user.email, TEST_PASSWORD);
    const updated = await client.patch('/api/me/profile', { name: 'Amina Diallo', preferredLanguage: 'fr', timeZone: 'Africa/Dakar' });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Amina Diallo', preferredLanguage: 'fr', timeZone: 'Africa/Dakar' });
    expect((await client.get('/api/auth/session')).body.user.preferredLanguage).toBe('fr');
    const bad = await client.patch('/api/me/profile', { timeZone: 'Europe/Atlantis' });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].path).toBe('timeZone');
  });

  it('signs out: the old cookie no longer works', async () => {
    const user = await createUser(t.db);
    const client = await signIn(t, user.email, TEST_PASSWORD);
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/auth/session')).status).toBe(401);
  });
});
