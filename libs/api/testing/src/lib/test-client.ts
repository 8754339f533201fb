import type { SessionResponse } from '@simashe/contracts';
import request from 'supertest';
import type { TestApp } from './test-app';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** A signed-in person: carries the session cookie and echoes the CSRF token, as the web app does. */
export class TestClient {
  constructor(
    private readonly testApp: TestApp,
    readonly session: SessionResponse,
    readonly cookie: string,
  ) {}

  get userId(): string {
    return this.session.user.id;
  }

  request(method: Method, path: string): request.Test {
    return this.testApp.http()[method](path).set('Cookie', this.cookie).set('X-CSRF-Token', this.session.csrfToken);
  }

  get(path: string) {
    return this.request('get', path);
  }
  post(path: string, body?: object) {
    return this.request('post', path).send(body ?? {});
  }
  put(path: string, body?: object) {
    return this.request('put', path).send(body ?? {});
  }
  patch(path: string, body?: object) {
    return this.request('patch', path).send(body ?? {});
  }
  delete(path: string) {
    return this.request('delete', path);
  }
}

export async function signIn(testApp: TestApp, email: string, password: string): Promise<TestClient> {
  const response = await testApp.http().post('/api/auth/login').send({ email, password });
  if (response.status !== 200) throw new Error(`sign-in of ${email} failed: ${response.status} ${JSON.stringify(response.body)}`);
  const cookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  return new TestClient(testApp, response.body as SessionResponse, cookie);
}

/** A supertest parser that keeps the body as bytes (PDF, Word, images), e.g. `.buffer(true).parse(binaryBody)`. */
export function binaryBody(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}
