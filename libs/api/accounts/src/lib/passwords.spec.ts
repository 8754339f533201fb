import { Logger } from '@nestjs/common';
import { bootTestApp, createUser, eventually, signIn, startTestSmtpServer, TEST_PASSWORD, TestClient, type TestApp } from '@simashe/api-testing';
import type { SessionResponse } from '@simashe/contracts';
import { createHash } from 'node:crypto';
import { AccountsModule } from './accounts.module';

const NEW_PASSWORD = 'a-brand-new-passphrase';
let addresses = 0;
/** Each test asks from an address of its own, so the per-address limits of one test do not reach another. */
const nextAddress = () => `198.51.100.${++addresses}`;

function cookieFrom(response: { headers: Record<string, unknown> }): string {
  return ([] as string[]).concat((response.headers['set-cookie'] as string[] | undefined) ?? []).map((c) => c.split(';')[0]).join('; ');
}

/** Reset links written to the API log, newest last. */
function resetLinksLogged(spy: jest.SpyInstance): string[] {
  return spy.mock.calls.map(([message]) => String(message)).flatMap((message) => /Password reset link for \S+: (\S+)/.exec(message)?.[1] ?? []);
}
const tokenOf = (url: string) => url.split('/reset-password/')[1];

describe('password change (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp([AccountsModule]);
  });
  afterAll(() => t.close());

  it('ends every other session and keeps the caller signed in with a fresh cookie', async () => {
    const user = await createUser(t.db);
    const here = await signIn(t, user.email, TEST_PASSWORD);
    const elsewhere = [await signIn(t, user.email, TEST_PASSWORD), await signIn(t, user.email, TEST_PASSWORD)];
    const [{ id: sessionId }] = await t.db.query('SELECT id FROM sessions WHERE user_id = $1 ORDER BY created_at LIMIT 1', [user.id]);

    const changed = await here.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({ id: user.id, email: user.email });
    expect(changed.body.csrfToken).not.toBe(here.session.csrfToken);
    const cookie = cookieFrom(changed);
    expect(cookie).toMatch(/simashe_session=/);
    expect(String(changed.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(cookie).not.toBe(here.cookie);

    const renewed = new TestClient(t, changed.body as SessionResponse, cookie);
    expect((await renewed.get('/api/auth/session')).status).toBe(200);
    expect((await renewed.patch('/api/me/profile', { name: 'Still here' })).status).toBe(200);
    // The same session, renewed: the old cookie no longer works, nor do the other devices.
    expect((await renewed.get('/api/me/sessions')).body.items).toEqual([expect.objectContaining({ id: sessionId, current: true })]);
    // Its lifetime starts again: the password was just proven.
    const [renewedRow] = await t.db.query('SELECT created_at, expires_at FROM sessions WHERE id = $1', [sessionId]);
    expect(Date.now() - renewedRow.created_at.getTime()).toBeLessThan(10_000);
    expect(renewedRow.expires_at.getTime() - renewedRow.created_at.getTime()).toBe(t.config.sessionLifetimeHours * 3600_000);
    expect((await here.get('/api/auth/session')).status).toBe(401);
    for (const other of elsewhere) expect((await other.get('/api/auth/session')).status).toBe(401);

    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('refuses a wrong current password with a 400 naming the field, and a short new one', async () => {
    const user = await createUser(t.db);
    const client = await signIn(t, user.email, TEST_PASSWORD);
    const wrong = await client.post('/api/me/password', { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ id: 'validation_error', details: [{ path: 'currentPassword', message: 'The current password is not correct' }] });
    const short = await client.post('/api/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.details).toEqual([{ path: 'newPassword', message: 'Password must be at least 10 characters' }]);
    const missing = await client.post('/api/me/password', { newPassword: NEW_PASSWORD });
    expect(missing.body.details).toEqual([{ path: 'currentPassword', message: 'Current password is required' }]);
    // Nothing changed: the session and the password still work.
    expect((await client.get('/api/auth/session')).status).toBe(200);
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(200);
    expect((await t.http().post('/api/me/password').send({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);
  });

  it('rate-limits wrong current passwords like sign-ins (429 with a sentence)', async () => {
    const user = await createUser(t.db);
    const client = await signIn(t, user.email, TEST_PASSWORD);
    const attempt = (currentPassword: string) => client.post('/api/me/password', { currentPassword, newPassword: NEW_PASSWORD }).set('X-Forwarded-For', '203.0.113.60');
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong-${i}-password`)).status).toBe(400);
    const blocked = await attempt(TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.id).toBe('rate_limited');
    expect(blocked.body.message).toMatch(/^Too many failed password attempts\. Try again in \d+ minute\(s\)\.$/);
    expect(blocked.headers['retry-after']).toBeDefined();
    // The same account cannot be guessed at through sign-in meanwhile.
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(429);
  });
});

describe('forgot password and reset by one-time link (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  let logged: jest.SpyInstance;
  beforeAll(async () => {
    t = await bootTestApp([AccountsModule], { publicUrl: 'http://workspace.test' });
  });
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'log');
  });
  afterEach(() => logged.mockRestore());
  afterAll(() => t.close());

  const forgot = (email: string, address = nextAddress()) => t.http().post('/api/auth/password/forgot').set('X-Forwarded-For', address).send({ email });
  const reset = (token: string, newPassword = NEW_PASSWORD) => t.http().post('/api/auth/password/reset').send({ token, newPassword });

  it('logs a one-time link that sets a new password once, and ends every session', async () => {
    const user = await createUser(t.db, { email: 'Forgetful.Person@Example.org' });
    const signedIn = await signIn(t, user.email, TEST_PASSWORD);

    const asked = await forgot(' forgetful.person@example.org');
    expect(asked.status).toBe(202);
    expect(asked.body.message).toMatch(/If an account uses this email address/);
    const [url] = resetLinksLogged(logged);
    expect(url).toMatch(/^http:\/\/workspace\.test\/reset-password\/[\w-]{40,}$/);
    const token = tokenOf(url);

    // Only the hash is stored.
    const [stored] = await t.db.query('SELECT token_hash, expires_at, used_at FROM password_reset_tokens WHERE user_id = $1', [user.id]);
    expect(stored.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(stored.used_at).toBeNull();
    expect(stored.expires_at.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(stored.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    const preview = await t.http().get(`/api/auth/password/reset/${token}`);
    expect(preview.status).toBe(200);
    expect(preview.body.expiresAt).toBe(stored.expires_at.toISOString());

    const short = await reset(token, 'short');
    expect(short.status).toBe(400);
    expect(short.body.details).toEqual([{ path: 'newPassword', message: 'Password must be at least 10 characters' }]);

    const done = await reset(token);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ email: 'Forgetful.Person@Example.org' });
    expect((await signedIn.get('/api/auth/session')).status).toBe(401);
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(401);
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: NEW_PASSWORD })).status).toBe(200);

    const again = await reset(token, 'yet-another-passphrase');
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ id: 'validation_error', message: 'This password reset link has already been used; ask for a new one if you need to' });
    expect(again.body.details[0].path).toBe('token');
    expect((await t.http().get(`/api/auth/password/reset/${token}`)).status).toBe(400);
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('refuses an expired link, an unknown one and a malformed one with a clear sentence', async () => {
    const user = await createUser(t.db);
    await forgot(user.email);
    const token = tokenOf(resetLinksLogged(logged)[0]);
    await t.db.query(`UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    const expired = await reset(token);
    expect(expired.status).toBe(400);
    expect(expired.body.message).toBe('This password reset link has expired; ask for a new one');

    const unknown = await reset('x'.repeat(43));
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/^This password reset link is not valid/);
    const malformed = await reset('short');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([{ path: 'token', message: 'Password reset link is malformed; copy the whole link from the email' }]);
    expect((await t.http().post('/api/auth/login').send({ email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  });

  it('keeps only the newest link working', async () => {
    const user = await createUser(t.db);
    await forgot(user.email);
    await forgot(user.email);
    const [first, second] = resetLinksLogged(logged).map(tokenOf);
    expect((await reset(first)).status).toBe(400);
    expect((await reset(second)).status).toBe(200);
  });

  it('answers an unknown email exactly as a known one, and makes no link', async () => {
    const user = await createUser(t.db);
    const known = await forgot(user.email);
    const unknown = await forgot('nobody-here@example.org');
    expect(unknown.status).toBe(known.status);
    expect(unknown.body).toEqual(known.body);
    expect(resetLinksLogged(logged)).toHaveLength(1);
    expect((await t.db.query('SELECT count(*)::int AS n FROM password_reset_tokens WHERE user_id = $1', [user.id]))[0].n).toBe(1);
    const invalid = await forgot('not-an-email');
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual([{ path: 'email', message: 'Enter a valid email address' }]);
  });

  it('rate-limits requests per email (known or not) and per address, with a sentence', async () => {
    for (const email of [(await createUser(t.db)).email, 'nobody-at-all@example.org']) {
      for (let i = 0; i < 5; i++) expect((await forgot(email)).status).toBe(202);
      const blocked = await forgot(email);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toMatchObject({ id: 'rate_limited' });
      expect(blocked.body.message).toMatch(/^Too many password reset requests\. Try again in \d+ minute\(s\)\.$/);
      expect(blocked.headers['retry-after']).toBeDefined();
    }
    const address = nextAddress();
    for (let i = 0; i < 20; i++) expect((await forgot(`someone-${i}@example.org`, address)).status).toBe(202);
    expect((await forgot('someone-else@example.org', address)).status).toBe(429);
    expect((await forgot('someone-else@example.org')).status).toBe(202);
  });

  it('rate-limits guessing reset links per address', async () => {
    const guess = () => t.http().post('/api/auth/password/reset').set('X-Forwarded-For', '203.0.113.90').send({ token: 'y'.repeat(43), newPassword: NEW_PASSWORD });
    for (let i = 0; i < 20; i++) expect((await guess()).status).toBe(400);
    const blocked = await guess();
    expect(blocked.status).toBe(429);
    expect(blocked.body.message).toMatch(/^Too many invalid password reset links\./);
  });
});

describe('password reset email through the SMTP adapter', () => {
  it('sends the one-time link to the account’s address when SMTP is configured', async () => {
    const smtp = await startTestSmtpServer();
    const t = await bootTestApp([AccountsModule], { smtpUrl: smtp.url, publicUrl: 'http://workspace.test' });
    try {
      const user = await createUser(t.db, { email: 'mailed.person@example.org' });
      const asked = await t.http().post('/api/auth/password/forgot').send({ email: user.email });
      expect(asked.status).toBe(202);
      await eventually(() => smtp.received.length === 1, 10_000, 'the reset email');
      const [mail] = smtp.received;
      expect(mail.to).toEqual(['mailed.person@example.org']);
      expect(mail.raw).toMatch(/Subject: Choose a new password for SIMASHE Workspace/);
      const link = /http:\/\/workspace\.test\/reset-password\/[\w-]+/.exec(mail.raw.replace(/=\r?\n/g, ''))?.[0] as string;
      expect(link).toBeDefined();
      expect((await t.http().post('/api/auth/password/reset').send({ token: tokenOf(link), newPassword: NEW_PASSWORD })).status).toBe(200);

      await t.http().post('/api/auth/password/forgot').send({ email: 'nobody@example.org' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(smtp.received).toHaveLength(1);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});
