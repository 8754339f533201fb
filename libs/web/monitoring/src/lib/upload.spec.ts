import { ApiError, setCsrfToken, uploadWithProgress } from '@simashe/web-api-client';

/** Just enough of XMLHttpRequest to drive an upload from the test. */
class FakeRequest {
  static last: FakeRequest;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  withCredentials = false;
  status = 0;
  responseText = '';
  body: unknown;
  upload: { onprogress?: (event: { lengthComputable: boolean; loaded: number; total: number }) => void; onload?: () => void } = {};
  onload?: () => void;
  onerror?: () => void;
  onabort?: () => void;
  constructor() {
    FakeRequest.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, payload: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(payload);
    this.onload?.();
  }
}

describe('upload with progress', () => {
  beforeAll(() => {
    (globalThis as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeRequest;
  });
  afterAll(() => {
    delete (globalThis as unknown as { XMLHttpRequest?: unknown }).XMLHttpRequest;
    setCsrfToken(null);
  });

  it('posts the form with the CSRF token, reports the share sent, then that the server is checking', async () => {
    setCsrfToken('token-1');
    const shares: number[] = [];
    let sent = false;
    const form = new FormData();
    const result = uploadWithProgress<{ saved: boolean }>('/datasets/1/versions', form, { onProgress: (share) => shares.push(share), onSent: () => (sent = true) });
    const request = FakeRequest.last;
    expect([request.method, request.url, request.headers['X-CSRF-Token'], request.body]).toEqual(['POST', '/api/datasets/1/versions', 'token-1', form]);
    request.upload.onprogress?.({ lengthComputable: true, loaded: 25, total: 100 });
    request.upload.onprogress?.({ lengthComputable: false, loaded: 0, total: 0 });
    request.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
    request.upload.onload?.();
    expect(shares).toEqual([0.25, 1]);
    expect(sent).toBe(true);
    request.answer(200, { saved: true });
    await expect(result).resolves.toEqual({ saved: true });
  });

  it('turns an error answer into an ApiError with the server’s id and details', async () => {
    const result = uploadWithProgress('/datasets/1/versions', new FormData());
    FakeRequest.last.answer(403, { statusCode: 403, id: 'forbidden', message: 'Only editors', details: [] });
    await expect(result).rejects.toMatchObject({ status: 403, id: 'forbidden', message: 'Only editors' });
    await expect(result).rejects.toBeInstanceOf(ApiError);
  });

  it('reports a network failure as network_error', async () => {
    const result = uploadWithProgress('/datasets/1/versions', new FormData());
    FakeRequest.last.onerror?.();
    await expect(result).rejects.toMatchObject({ status: 0, id: 'network_error' });
  });
});
