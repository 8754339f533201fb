import { DEMO_PASSWORD } from '@simashe/api-demo';
import { bootTestApp, signIn, type TestApp, type TestClient } from '@simashe/api-testing';
import type { Response } from 'supertest';
import { DOMAIN_MODULES } from './app.module';
import {
  fillPath,
  harvestWorkspace,
  listOperations,
  Pool,
  NOTHING_ID,
  Raw,
  requiredQuery,
  resolve,
  sample,
  typeOf,
  validPathValues,
  withQuery,
  type Json,
  type Method,
  type OpenApi,
  type Schema,
  type UrlValue,
} from './testing/openapi-walk';

/**
 * Fuzz in CI (issue 11, point 3): every route in the OpenAPI document gets malformed, oversized, wrong-typed,
 * NUL-byte, lone-surrogate and bidi-override inputs, impossible dates and huge or negative numbers, chosen by a
 * PRNG from a fixed seed. No answer may be a 5xx, and every 4xx is the API's JSON error shape. The closing line
 * printed is the number of requests sent.
 */

const SEED = 0x51_4a_5e;
/** Mutations tried per body property (the PRNG picks which), and per nested property. */
const VALUES_PER_PROPERTY = 20;
const VALUES_PER_NESTED_PROPERTY = 8;
const VALUES_PER_PATH_PARAMETER = 10;
const VALUES_PER_QUERY_PARAMETER = 10;
/** Requests the fuzz sends from an address of its own, so its failed sign-ins never rate-limit the real ones. */
const FUZZ_ADDRESS = '203.0.113.77';

interface FuzzRequest {
  method: Method;
  path: string;
  what: string;
  body?: { kind: 'json'; value: unknown } | { kind: 'text'; text: string; contentType: string } | { kind: 'multipart'; fileName: string; content: Buffer };
}

interface Offender {
  request: string;
  status: number;
  response: string;
}

// ---------- fixed-seed PRNG (mulberry32) ----------
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
function pick<T>(values: readonly T[], count: number): T[] {
  const copy = [...values];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy.slice(0, count);
}

// ---------- the hostile values ----------
const HUGE_TEXT = 'x'.repeat(100_000);
const STRING_VALUES: Json[] = [
  'a\u0000b',
  '\u0000',
  'tab\tand\nnewline ok \u0007bell',
  '\ud800',
  'lone \udfff low surrogate',
  '\u202eevil title',
  'name \u2066isolate\u2069',
  '\u200b\u200b',
  '\u200d\ufeff\u2060',
  HUGE_TEXT,
  '',
  '   ',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '%00',
  '../../etc/passwd',
  '😀'.repeat(300),
  'ÿ\uffff\ufffe',
];
const NUMBER_VALUES: Json[] = [1e308, -1e308, -1, 0, 2 ** 53, 2 ** 53 + 2, -(2 ** 31) - 1, 0.5, 1e-300, 2 ** 64];
const DATE_VALUES: Json[] = [
  '2027-02-30',
  '2026-13-01',
  '2026-00-10',
  '0000-01-01',
  '9999-12-31',
  '2027-02-30T14:00',
  '2026-06-31T25:61',
  '2026-03-01T24:00',
  '2026-02-29T10:00',
  '2026-01-01T00:00:00+99:00',
  '275760-09-13T00:00:00Z',
  '1969-12-31T23:59:59.999Z',
];
const WRONG_TYPE_VALUES: Json[] = [12345, 'a string', [], [1, 'two', null], {}, { nested: { deeper: true } }, null, true, false];
const ALL_VALUES: Json[] = [...STRING_VALUES, ...NUMBER_VALUES, ...DATE_VALUES, ...WRONG_TYPE_VALUES];

const PATH_VALUES: UrlValue[] = [
  'not-a-uuid',
  NOTHING_ID,
  new Raw('%00'),
  new Raw('a%00b'),
  'a'.repeat(5000),
  new Raw('..%2F..%2Fetc%2Fpasswd'),
  new Raw('..'),
  new Raw('%ED%A0%80'),
  new Raw('%E2%80%AEevil'),
  new Raw('%E2%80%8B%E2%80%8B'),
  new Raw('%'),
  new Raw('%25'),
  '2027-02-30T14:00',
  '2026-13-01T10:00',
  '2026-06-31T25:61',
  '2027-02-30',
  '-1',
  '1e308',
  '9007199254740993',
  ' ',
  "' OR 1=1 --",
];
const IMPOSSIBLE_PATH_DATES: UrlValue[] = ['2027-02-30T14:00', '2026-02-29T10:00', '2026-04-31T09:00', '2026-06-01T24:00', '0000-01-01T10:00', '2027-02-30', '2026-13-01', '0000-01-01'];
const QUERY_VALUES: UrlValue[] = [
  new Raw('%00'),
  new Raw('a%00b'),
  new Raw('%ED%A0%80'),
  new Raw('%E2%80%AE'),
  new Raw('%E2%80%8B%E2%80%8B'),
  new Raw('%'),
  'x'.repeat(6000),
  '',
  '2027-02-30',
  '2027-02-30T14:00:00Z',
  '2026-13-01T00:00:00Z',
  '-1',
  '1e308',
  '9007199254740993',
  'not-a-uuid',
  NOTHING_ID,
  'true',
  "' OR 1=1 --",
];

/** The paths of properties a body mutation replaces: top-level ones and those one object or list item below. */
function propertyPaths(doc: OpenApi, raw: Schema | undefined, prefix: Array<string | number> = [], depth = 0): Array<Array<string | number>> {
  const schema = resolve(doc, raw);
  const paths: Array<Array<string | number>> = [];
  if (depth > 1) return paths;
  if (typeOf(schema) === 'array' && prefix.length > 0) return propertyPaths(doc, schema.items, [...prefix, 0], depth);
  for (const [property, propertySchema] of Object.entries(schema.properties ?? {})) {
    paths.push([...prefix, property]);
    paths.push(...propertyPaths(doc, propertySchema, [...prefix, property], depth + 1));
  }
  return paths;
}

function withValue(base: Json, path: Array<string | number>, value: Json): Json {
  const copy = structuredClone(base) as Record<string | number, Json>;
  let target = copy as Record<string | number, Json>;
  for (const step of path.slice(0, -1)) {
    if (!target[step] || typeof target[step] !== 'object') target[step] = {};
    target = target[step] as Record<string | number, Json>;
  }
  target[path[path.length - 1]] = value;
  return copy as Json;
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
}

describe('fuzz: every route in the OpenAPI document', () => {
  let t: TestApp;
  let admin: TestClient;
  let secretariat: TestClient;
  let sent = 0;
  const serverErrors: Offender[] = [];
  const badErrorShapes: Offender[] = [];
  const missing413: Offender[] = [];
  const statuses = new Map<number, number>();
  const validAnswers: string[] = [];
  const validationMisses: string[] = [];

  beforeAll(async () => {
    t = await bootTestApp(DOMAIN_MODULES, { seedDemo: true });
    admin = await signIn(t, 'kenya.admin@demo.simashe.org', DEMO_PASSWORD);
    secretariat = await signIn(t, 'secretariat.admin@demo.simashe.org', DEMO_PASSWORD);
  });

  afterAll(async () => {
    await t?.close();
    console.log(`fuzz: ${sent} requests, ${serverErrors.length} server errors`);
  });

  async function send(client: TestClient | null, request: FuzzRequest): Promise<Response> {
    sent += 1;
    let test = (client ? client.request(request.method, request.path) : t.http()[request.method](request.path)).set('X-Forwarded-For', FUZZ_ADDRESS);
    const body = request.body;
    if (body?.kind === 'json') test = test.send(body.value as object);
    else if (body?.kind === 'text') test = test.set('Content-Type', body.contentType).send(body.text);
    else if (body?.kind === 'multipart') test = test.attach('file', body.content, body.fileName);
    const response = await test;
    const summary = (): Offender => ({
      request: `${request.method.toUpperCase()} ${short(request.path)} [${request.what}]${body?.kind === 'json' ? ` body=${short(body.value)}` : ''}`,
      status: response.status,
      response: short(response.text ?? response.body),
    });
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    if (request.what.startsWith('valid')) validAnswers.push(`${response.status} ${request.method.toUpperCase()} ${request.path}`);
    if (response.status >= 500) serverErrors.push(summary());
    else if (response.status >= 400) {
      const error = response.body as { statusCode?: unknown; id?: unknown; message?: unknown };
      if (error?.statusCode !== response.status || typeof error.id !== 'string' || typeof error.message !== 'string') badErrorShapes.push(summary());
    }
    if (request.what === 'oversized body' && response.status !== 413) missing413.push(summary());
    return response;
  }

  it('answers malformed, oversized and hostile input without a single 5xx', async () => {
    const pool = new Pool();
    pool.excluded.add(admin.userId);
    pool.excluded.add(secretariat.userId);

    // Real resources, so that the valid requests reach the services and the database.
    await harvestWorkspace(admin, pool);

    const docResponse = await admin.get('/api/docs/openapi.json');
    expect(docResponse.status).toBe(200);
    const doc = docResponse.body as OpenApi;
    const operations = listOperations(doc);
    expect(operations.length).toBeGreaterThan(100);

    for (const { template, method, operation } of operations) {
      const parameters = operation.parameters ?? [];
      const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
      const queryParameters = parameters.filter((parameter) => parameter.in === 'query');

      const segments = template.split('/');
      const valid = validPathValues(doc, template, operation, pool);
      const pathWith = (values: Record<string, UrlValue>) => fillPath(template, values);
      const validPath = pathWith(valid);
      const queryBase = requiredQuery(doc, operation, pool);

      const content = operation.requestBody?.content ?? {};
      const jsonSchema = content['application/json']?.schema;
      // Writes without a JSON body in the document (uploads, actions) still get hostile bodies and multipart.
      const undeclared = jsonSchema === undefined && ['post', 'put', 'patch'].includes(method);
      const multipart = content['multipart/form-data'] !== undefined || undeclared;
      const hasBody = jsonSchema !== undefined || multipart;
      // The body each mutation starts from: only the required fields, or every field when that is what passes.
      let baseBody: FuzzRequest['body'] = jsonSchema ? { kind: 'json', value: sample(doc, jsonSchema, 'body', pool, true) } : undefined;
      const requests: FuzzRequest[] = [];
      const baseline = (what: string, path = withQuery(validPath, queryBase), body = baseBody): FuzzRequest => ({ method, path, what, body });

      // The operation as the web app would call it; the secretariat tries where the pathfinder may not. What the
      // valid calls answer (created reports, topics, versions…) gives later routes real resources.
      const harvestAnswer = (response: Response) => {
        if (response.status >= 300 || !response.body || typeof response.body !== 'object') return;
        const last = segments[segments.length - 1];
        const key = last.startsWith('{') ? segments[segments.length - 2] : last;
        // A sub-resource's answer may be its parent: its id is not one of the sub-resources.
        pool.harvest(response.body, key === 'topics' ? 'threads' : key, new Set(Object.values(valid).filter((v): v is string => typeof v === 'string')));
      };
      let client = admin;
      let first = await send(client, baseline('valid'));
      if (first.status === 400 && hasBody) {
        const retryBody: FuzzRequest['body'] = jsonSchema
          ? { kind: 'json', value: sample(doc, jsonSchema, 'body', pool, false) }
          : { kind: 'multipart', fileName: 'fuzz-notes.txt', content: Buffer.from('Notes from the fuzz\n') };
        const retry = await send(client, baseline(jsonSchema ? 'valid, every field' : 'valid, with a file', undefined, retryBody));
        if (retry.status !== 400) [baseBody, first] = [retryBody, retry];
      }
      if (first.status === 400) validationMisses.push(`${method.toUpperCase()} ${template}: ${short(first.body?.message)}`);
      harvestAnswer(first);
      if (first.status === 403 || first.status === 404) {
        const second = await send(secretariat, baseline('valid, as the secretariat'));
        harvestAnswer(second);
        if (second.status < 400) client = secretariat;
      }
      await send(null, baseline('signed out'));

      // Path parameters: malformed, one at a time, the others valid.
      for (const parameter of pathParameters) {
        // Date-like parameters always get the impossible dates too (2027-02-30T14:00 in a minutes path was a 500).
        const dates = ['occurrence', 'date'].includes(parameter.name) ? IMPOSSIBLE_PATH_DATES : [];
        for (const value of [...dates, ...pick(PATH_VALUES, VALUES_PER_PATH_PARAMETER)]) {
          requests.push({ ...baseline(`path ${parameter.name}`, withQuery(pathWith({ ...valid, [parameter.name]: value }), queryBase)) });
        }
      }

      // Query parameters: hostile values, repeated values and unknown ones.
      for (const parameter of queryParameters) {
        for (const value of pick(QUERY_VALUES, VALUES_PER_QUERY_PARAMETER)) {
          requests.push(baseline(`query ${parameter.name}`, withQuery(validPath, { ...queryBase, [parameter.name]: value })));
        }
        requests.push(baseline(`query ${parameter.name} twice`, withQuery(validPath, { ...queryBase, [parameter.name]: ['a', 'b'] })));
        requests.push(baseline(`query ${parameter.name}[]`, withQuery(validPath, { ...queryBase, [`${parameter.name}[x]`]: '1' })));
      }
      if (method === 'get') {
        requests.push(baseline('unknown query field', withQuery(validPath, { ...queryBase, fuzz: new Raw('%00') })));
        requests.push(baseline('broken query', `${withQuery(validPath, queryBase)}${Object.keys(queryBase).length ? '&' : '?'}%=%&&=`));
      }

      // Bodies: each property replaced with hostile values, then the body as a whole broken.
      const jsonBase: Json = baseBody?.kind === 'json' ? (baseBody.value as Json) : {};
      if (jsonSchema) {
        for (const path of propertyPaths(doc, jsonSchema)) {
          const count = path.length === 1 ? VALUES_PER_PROPERTY : VALUES_PER_NESTED_PROPERTY;
          for (const value of pick(ALL_VALUES, count)) {
            requests.push({ method, path: withQuery(validPath, queryBase), what: `body ${path.join('.')}`, body: { kind: 'json', value: withValue(jsonBase, path, value) } });
          }
        }
      }
      if (hasBody) {
        const path = withQuery(validPath, queryBase);
        const objectBase = jsonBase && typeof jsonBase === 'object' && !Array.isArray(jsonBase) ? jsonBase : {};
        requests.push(
          { method, path, what: 'empty object', body: { kind: 'json', value: {} } },
          { method, path, what: 'unknown field', body: { kind: 'json', value: { ...objectBase, fuzzExtra: 'a\u202eb', __proto__x: 1 } } },
          { method, path, what: 'prototype pollution', body: { kind: 'text', text: '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}', contentType: 'application/json' } },
          { method, path, what: 'array body', body: { kind: 'json', value: [objectBase] } },
          { method, path, what: 'invalid JSON', body: { kind: 'text', text: '{"title": "unterminated', contentType: 'application/json' } },
          { method, path, what: 'JSON null', body: { kind: 'text', text: 'null', contentType: 'application/json' } },
          { method, path, what: 'JSON string', body: { kind: 'text', text: '"\\u0000"', contentType: 'application/json' } },
          { method, path, what: 'lone surrogate escapes', body: { kind: 'text', text: JSON.stringify(objectBase).replace(/"Fuzz /g, '"\\udc00\\ud800 '), contentType: 'application/json' } },
          { method, path, what: 'deep nesting', body: { kind: 'text', text: `${'['.repeat(5000)}${']'.repeat(5000)}`, contentType: 'application/json' } },
          { method, path, what: 'wrong content type', body: { kind: 'text', text: 'title=a%00b', contentType: 'application/x-www-form-urlencoded' } },
          { method, path, what: 'xml', body: { kind: 'text', text: '<?xml version="1.0"?><a>&x;</a>', contentType: 'application/xml' } },
          { method, path, what: 'oversized body', body: { kind: 'json', value: { ...objectBase, padding: 'x'.repeat(300_000) } } },
        );
        if (multipart) {
          requests.push(
            { method, path, what: 'multipart file', body: { kind: 'multipart', fileName: 'fuzz\u202etxt.exe', content: Buffer.from('plain text') } },
            { method, path, what: 'multipart zero-width name', body: { kind: 'multipart', fileName: '\u200b\u200b', content: Buffer.from('%PDF-1.4 not really') } },
            { method, path, what: 'multipart without boundary', body: { kind: 'text', text: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n', contentType: 'multipart/form-data' } },
            { method, path, what: 'multipart truncated', body: { kind: 'text', text: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc', contentType: 'multipart/form-data; boundary=x' } },
          );
        }
      }

      for (const request of requests) await send(client, request);
    }

    // Something else than the routes the document lists.
    for (const [method, path] of [['get', '/api/no-such-route'], ['post', '/api/%ED%A0%80'], ['get', '/api/reports/%'], ['delete', '/api']] as Array<[Method, string]>) {
      await send(admin, { method, path, what: 'unknown route' });
    }

    const reached = validAnswers.filter((answer) => answer.startsWith('2')).length;
    console.log(
      `fuzz: ${operations.length} operations (${reached} valid calls answered 2xx); statuses ${[...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(', ')}` +
        (validationMisses.length ? `\nvalid calls the fuzz could not build:\n${validationMisses.join('\n')}` : ''),
    );
    const list = (offenders: Offender[]) => offenders.map((o) => `${o.status} ${o.request}\n    → ${o.response}`).join('\n');
    expect(list(serverErrors)).toBe('');
    expect(list(badErrorShapes)).toBe('');
    expect(list(missing413)).toBe('');
  });
});
