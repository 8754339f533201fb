import { loadConfig } from '@simashe/api-core';
import { bootTestApp, createUser, signIn, TEST_PASSWORD, type TestApp } from '@simashe/api-testing';
import { AccountsModule } from './accounts.module';

describe('security at the edge (HTTP, real PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp([AccountsModule]);
  });
  afterAll(() => t.close());

  it('sends a strict CSP, no framing, nosniff, a same-origin referrer policy and a permissions policy on every response', async () => {
    for (const response of [await t.http().get('/api/health'), await t.http().get('/api/auth/session'), await t.http().post('/api/auth/login').send({})]) {
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['permissions-policy']).toContain('camera=()');
      // Served over http here: no HSTS.
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('lets only the OpenAPI page use inline styles', async () => {
    const docs = await t.http().get('/api/docs/');
    expect(String(docs.headers['content-security-policy'])).toContain("style-src 'self' 'unsafe-inline'");
    expect(String(docs.headers['content-security-policy'])).toContain("script-src 'self';");
    expect(String((await t.http().get('/api/health')).headers['content-security-policy'])).toContain("style-src 'self';");
  });

  it('adds HSTS and Secure cookies when the public address is https', async () => {
    const https = await bootTestApp([AccountsModule], { publicUrl: 'https://simashe.example.org', cookieSecure: true });
    try {
      const response = await https.http().get('/api/health');
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await https.close();
    }
    expect(loadConfig({ PUBLIC_URL: 'https://simashe.example.org' }).cookieSecure).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).cookieSecure).toBe(false);
    expect(loadConfig({ PUBLIC_URL: 'https://simashe.example.org', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('answers NUL and other control characters anywhere in a request with a 400 that names the field', async () => {
    const user = await createUser(t.db);
    const client = await signIn(t, user.email, TEST_PASSWORD);
    const body = await client.patch('/api/me/profile', { name: 'Amina\u0000Diallo' });
    expect(body.status).toBe(400);
    expect(body.body).toMatchObject({ id: 'validation_error', details: [{ path: 'name', message: 'Control characters (such as NUL) are not allowed' }] });
    const nested = await client.patch('/api/me/profile', { reminderMinutes: [15], name: 'ok\u001b[31m' });
    expect(nested.body.details[0].path).toBe('name');
    const login = await t.http().post('/api/auth/login').send({ email: 'a\u0000@example.org', password: 'x' });
    expect(login.status).toBe(400);
    const query = await client.get('/api/auth/session?x=%00');
    expect(query.status).toBe(400);
    expect(query.body.details[0].path).toBe('query.x');
    // Tabs and line breaks are text.
    expect((await client.patch('/api/me/profile', { name: 'Amina\tDiallo' })).status).not.toBe(400);
  });

  it('answers lone surrogates and absurdly deep JSON with a 400 that names the field (both were 500s under the fuzz)', async () => {
    const user = await createUser(t.db);
    const client = await signIn(t, user.email, TEST_PASSWORD);
    const surrogate = await client.patch('/api/me/profile', { name: 'Amina \ud800' });
    expect(surrogate.status).toBe(400);
    expect(surrogate.body).toMatchObject({ id: 'validation_error', details: [{ path: 'name', message: 'Lone surrogates (malformed Unicode) are not allowed' }] });
    const deep = await client
      .request('patch', '/api/me/profile')
      .set('Content-Type', 'application/json')
      .send(`{"reminderMinutes":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(deep.status).toBe(400);
    expect(deep.body.details).toEqual([{ path: 'reminderMinutes', message: 'Nested more than 64 levels deep' }]);
    expect((await client.patch('/api/me/profile', { name: 'Amina 😀 Diallo' })).status).toBe(200);
  });

  it('refuses a change from another scheme of the same host', async () => {
    const user = await createUser(t.db);
    const client = await signIn(t, user.email, TEST_PASSWORD);
    const change = (origin: string) => client.patch('/api/me/profile', { name: 'Same origin' }).set('Host', 'simashe.test').set('Origin', origin);
    expect((await change('https://simashe.test')).status).toBe(403);
    expect((await change('http://simashe.test.evil.example')).status).toBe(403);
    expect((await change('http://simashe.test')).status).toBe(200);
  });
});
