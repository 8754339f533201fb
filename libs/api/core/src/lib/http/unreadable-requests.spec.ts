import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { answerUnreadableRequests } from './unreadable-requests';

/** Sends raw bytes and reads the whole answer (the server closes the connection). */
function send(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(raw);
  });
}

function body(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
}

describe('answerUnreadableRequests', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((_request, response) => response.end('read'));
    answerUnreadableRequests(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('answers an address past the header limit with 431 and a sentence in the API error shape', async () => {
    const answer = await send(port, `GET /api/reports?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(answer.startsWith('HTTP/1.1 431 Request Header Fields Too Large\r\n')).toBe(true);
    expect(answer).toContain('Content-Type: application/json; charset=utf-8');
    expect(body(answer)).toEqual({ statusCode: 431, id: 'payload_too_large', message: 'The address or the headers of the request are too long', requestId: expect.any(String) });
    expect(answer).toContain(`X-Request-Id: ${(body(answer) as { requestId: string }).requestId}`);
  });

  it('answers a malformed request with 400 and a sentence', async () => {
    const answer = await send(port, 'NOT A REQUEST\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 400 Bad Request\r\n')).toBe(true);
    expect(body(answer)).toEqual({ statusCode: 400, id: 'validation_error', message: 'The request could not be read', requestId: expect.any(String) });
  });

  it('answers a body too slow to arrive with 408 and a sentence, though its headers were read', async () => {
    const slow = createServer({ requestTimeout: 300, headersTimeout: 300, connectionsCheckingInterval: 50 }, (request, response) => {
      request.resume();
      request.on('end', () => response.end('read'));
    });
    answerUnreadableRequests(slow);
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const answer = await send((slow.address() as { port: number }).port, 'POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\npartial');
      expect(answer.startsWith('HTTP/1.1 408 Request Timeout\r\n')).toBe(true);
      expect(body(answer)).toEqual({ statusCode: 408, id: 'validation_error', message: 'The request took too long to arrive', requestId: expect.any(String) });
    } finally {
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('leaves readable requests alone', async () => {
    const answer = await send(port, 'GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(answer.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(answer.endsWith('read')).toBe(true);
  });
});
