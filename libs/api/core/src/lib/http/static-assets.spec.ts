import express from 'express';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as request_, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { serveWebAssets } from './static-assets';

/** The raw answer: status, headers and the bytes as sent (no decompression on the way). */
function fetchRaw(port: number, path: string, acceptEncoding?: string, extra: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }), ...extra };
    const request = request_({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('serveWebAssets', () => {
  const script = Buffer.from(`console.log(${JSON.stringify('x'.repeat(4000))});`);
  let directory: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'web-assets-'));
    writeFileSync(join(directory, 'app-1a2b.js'), script);
    writeFileSync(join(directory, 'app-1a2b.js.br'), brotliCompressSync(script));
    writeFileSync(join(directory, 'app-1a2b.js.gz'), gzipSync(script));
    writeFileSync(join(directory, 'small-3c4d.css'), 'a{}');
    const app = express();
    app.use('/assets', ...serveWebAssets(directory));
    app.use((_request, response) => void response.send('<!doctype html>the app'));
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => {
    server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('sends brotli to a browser that accepts it, as the script it is, cached for a year', async () => {
    const answer = await fetchRaw(port, '/assets/app-1a2b.js', 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['vary']).toBe('Accept-Encoding');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.body.length).toBeLessThan(script.length / 10);
    expect(brotliCompressSync(script).equals(answer.body)).toBe(true);
  });

  it('sends gzip where brotli is not accepted (browsers ask for it only over HTTPS), and the file itself otherwise', async () => {
    const gzipped = await fetchRaw(port, '/assets/app-1a2b.js', 'gzip, deflate');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body.equals(gzipSync(script))).toBe(true);
    const plain = await fetchRaw(port, '/assets/app-1a2b.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('Accept-Encoding');
    expect(plain.body.equals(script)).toBe(true);
    const refused = await fetchRaw(port, '/assets/app-1a2b.js', 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.equals(script)).toBe(true);
  });

  it('sends a file the build did not compress as it is', async () => {
    const answer = await fetchRaw(port, '/assets/small-3c4d.css', 'br, gzip');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.toString()).toBe('a{}');
  });

  it("answers 404 for a name the build does not have, not with the app's page, and for a compressed file by its own name", async () => {
    const missing = await fetchRaw(port, '/assets/app-0000.js', 'br');
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toBe('Not found');
    expect((await fetchRaw(port, '/assets/app-1a2b.js.br')).status).toBe(404);
    expect((await fetchRaw(port, '/assets/app-1a2b.js%2Ebr')).status).toBe(404);
  });

  it('answers HEAD with the headers of what GET would send, and no body', async () => {
    const answer = await fetchRaw(port, '/assets/app-1a2b.js', 'br', {}, 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(Number(answer.headers['content-length'])).toBe(brotliCompressSync(script).length);
    expect(answer.body.length).toBe(0);
  });

  it('says plainly when a file cannot be sent as asked, without the compressed file\'s headers', async () => {
    const beyond = await fetchRaw(port, '/assets/app-1a2b.js', 'br', { range: 'bytes=999999-1000000' });
    expect(beyond.status).toBe(416);
    expect(beyond.headers['content-encoding']).toBeUndefined();
    expect(beyond.headers['cache-control']).toBeUndefined();
    expect(beyond.body.toString()).toBe('This file cannot be sent as asked');
    const precondition = await fetchRaw(port, '/assets/app-1a2b.js', 'gzip', { 'if-match': '"not-this-one"' });
    expect(precondition.status).toBe(412);
    expect(precondition.headers['content-encoding']).toBeUndefined();
  });
});
