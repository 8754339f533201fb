import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { readdirSync } from 'node:fs';
import { extname } from 'node:path';

/** The encodings the web build writes beside each large file (`.br`, `.gz`), the better first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * The web build's `/assets`: every name there carries a hash of its content (Vite), so a browser may keep a file for
 * a year without asking again (`immutable`), and a new build comes with new names. A file the build also wrote
 * compressed (brotli, gzip) is sent compressed to a browser that accepts it: on a slow link the first visit loads
 * about a third of the bytes. What exists is read once, when the server starts, so a request looks nothing up on disk
 * beyond the file it sends. A name the build does not have is answered 404.
 */
export function serveWebAssets(directory: string): RequestHandler[] {
  const names = new Set(readdirSync(directory));
  const compressed = new Set([...names].filter((name) => ENCODINGS.some((encoding) => name.endsWith(encoding.suffix))));
  const negotiate = (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const name = fileName(request);
    const offered = ENCODINGS.filter((encoding) => compressed.has(`${name}${encoding.suffix}`));
    if (!offered.length) return next();
    response.setHeader('Vary', 'Accept-Encoding');
    // Ours is the order of preference (browsers list gzip first and mean nothing by it), among those accepted (q > 0).
    const encoding = offered.find((candidate) => request.acceptsEncodings(candidate.name) === candidate.name);
    if (!encoding) return next();
    response.setHeader('Content-Encoding', encoding.name);
    request.url = `/${name}${encoding.suffix}`;
    return next();
  };
  const files = express.static(directory, {
    index: false,
    maxAge: '365d',
    immutable: true,
    fallthrough: true,
    // The compressed file says what it holds, not what it is: the type is the original's.
    setHeaders: (response, path) => {
      const encoding = ENCODINGS.find((candidate) => path.endsWith(candidate.suffix));
      if (!encoding) return;
      const type = CONTENT_TYPES[extname(path.slice(0, -encoding.suffix.length))];
      if (type) response.setHeader('Content-Type', type);
    },
  });
  // A compressed file asked for by its own name is not one of the app's assets.
  const hideCompressed = (request: Request, response: Response, next: NextFunction) => {
    if (!response.getHeader('Content-Encoding') && compressed.has(fileName(request))) return response.status(404).end();
    return next();
  };
  // A name the build does not have (an old page asking for a chunk of the build before): a 404, not the app's page,
  // which the browser would try to run as a script.
  const missing = (_request: Request, response: Response) => void plainAnswer(response, 404, 'Not found');
  // A file found but refused (a failed If-Match, a range beyond its end): said plainly, not as the compressed,
  // year-long cacheable file the headers set so far described.
  const refused = (error: { status?: number; statusCode?: number }, _request: Request, response: Response, _next: NextFunction) => {
    const status = error.status ?? error.statusCode ?? 500;
    plainAnswer(response, status >= 400 && status < 600 ? status : 500, status === 404 ? 'Not found' : 'This file cannot be sent as asked');
  };
  return [negotiate, hideCompressed, files, missing, refused as unknown as RequestHandler];
}

/** The asked file's name under /assets, decoded (so that an encoded dot cannot hide a compressed file's name). */
function fileName(request: Request): string {
  try {
    return decodeURIComponent(request.path.slice(1));
  } catch {
    return request.path.slice(1);
  }
}

function plainAnswer(response: Response, status: number, text: string): void {
  if (response.headersSent) return void response.end();
  for (const header of ['Content-Encoding', 'Cache-Control', 'ETag', 'Last-Modified', 'Content-Range', 'Accept-Ranges']) response.removeHeader(header);
  response.status(status).type('text/plain').send(text);
}
