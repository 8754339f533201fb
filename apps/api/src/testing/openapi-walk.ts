import { REPORT_DOCUMENT_FIELD } from '@simashe/contracts';
import type { TestClient } from '@simashe/api-testing';

/**
 * The OpenAPI document as the API tests walk it (the fuzz and the authorisation matrix): its operations, a valid
 * call for each built from real resources of the demo workspace, and the pool those resources are kept in.
 */

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: Json[];
  const?: Json;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  default?: Json;
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApi {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Raw text for a URL: already percent-encoded (lone surrogates, stray %, NUL) and sent as is. */
export class Raw {
  constructor(readonly text: string) {}
}
export type UrlValue = string | Raw;

export const NOTHING_ID = '00000000-0000-4000-8000-000000000000';
/** A Yjs relative position (at the start of the report's root field), as the comment composer sends. */
export const EMPTY_REPORT_ANCHOR = Buffer.from([1, REPORT_DOCUMENT_FIELD.length, ...Buffer.from(REPORT_DOCUMENT_FIELD), 0]).toString('base64');

// ---------- the OpenAPI document ----------
export function resolve(doc: OpenApi, schema: Schema | undefined, depth = 0): Schema {
  if (!schema || depth > 20) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(doc, doc.components?.schemas?.[name], depth + 1);
  }
  if (schema.allOf?.length) {
    return schema.allOf.map((part) => resolve(doc, part, depth + 1)).reduce<Schema>(
      (merged, part) => ({
        ...merged,
        ...part,
        properties: { ...merged.properties, ...part.properties },
        required: [...(merged.required ?? []), ...(part.required ?? [])],
      }),
      {},
    );
  }
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) {
    const nonNull = options.map((option) => resolve(doc, option, depth + 1)).filter((option) => option.type !== 'null');
    return nonNull[0] ?? {};
  }
  return schema;
}
export function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

// ---------- real resources of the demo workspace ----------
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export class Pool {
  private readonly values = new Map<string, string[]>();
  private readonly preferred = new Map<string, Set<string>>();
  readonly occurrences = new Map<string, string[]>();
  readonly excluded = new Set<string>();

  add(key: string, value: string, preferred = false): void {
    if (this.excluded.has(value)) return;
    for (const name of [key, key.endsWith('s') ? key.slice(0, -1) : `${key}s`]) {
      const list = this.values.get(name) ?? [];
      if (!list.includes(value)) list.push(value);
      this.values.set(name, list);
      if (preferred) this.preferred.set(name, (this.preferred.get(name) ?? new Set()).add(value));
    }
  }

  get(...keys: string[]): string | undefined {
    for (const key of keys) {
      const list = this.values.get(key);
      if (!list?.length) continue;
      const preferred = this.preferred.get(key);
      return list.find((value) => preferred?.has(value)) ?? list[0];
    }
    return undefined;
  }

  /** Remembers every id in a response under the name of the field or list that holds it. */
  harvest(value: unknown, key: string, skip: ReadonlySet<string> = new Set()): void {
    if (Array.isArray(value)) {
      for (const item of value) this.harvest(item, key);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record['id'] === 'string' && UUID.test(record['id']) && !skip.has(record['id'])) {
      const mine = record['canEdit'] === true || record['canManage'] === true || record['myRole'] === 'admin';
      this.add(key, record['id'], mine);
    }
    if (typeof record['meetingId'] === 'string' && typeof record['occurrence'] === 'string') {
      const list = this.occurrences.get(record['meetingId']) ?? [];
      list.push(record['occurrence']);
      this.occurrences.set(record['meetingId'], list);
    }
    for (const [field, item] of Object.entries(record)) {
      if (typeof item === 'string' && (/Id$/.test(field) ? UUID.test(item) : ['date', 'token', 'occurrence'].includes(field))) this.add(field, item);
      else if (field === 'url' && typeof item === 'string' && /\/calendar-feeds\/[^/]+$/.test(item)) this.add('token', item.split('/').pop() as string);
      else if (item && typeof item === 'object') this.harvest(item, field === 'items' ? key : field);
    }
  }
}

/** Values that pass validation, so each request changes one thing from something that would be accepted. */
export function sample(doc: OpenApi, raw: Schema | undefined, name: string, pool: Pool, minimal: boolean, depth = 0): Json {
  const schema = resolve(doc, raw);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const type = typeOf(schema) ?? (schema.properties ? 'object' : undefined);
  const lower = name.toLowerCase();
  switch (type) {
    case 'object': {
      const result: Record<string, Json> = {};
      if (depth > 4) return result;
      for (const [property, propertySchema] of Object.entries(schema.properties ?? {})) {
        if (minimal && !schema.required?.includes(property)) continue;
        result[property] = sample(doc, propertySchema, property, pool, minimal, depth + 1);
      }
      return result;
    }
    case 'array':
      return (schema.minItems ?? 0) > 0 || (!minimal && depth < 3) ? [sample(doc, schema.items, name.replace(/s$/, ''), pool, minimal, depth + 1)] : [];
    case 'integer':
    case 'number': {
      const minimum = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1;
      const value = Math.max(minimum, lower.includes('denominator') ? 10 : lower.includes('numerator') ? 3 : 5);
      return typeof schema.maximum === 'number' ? Math.min(value, schema.maximum) : value;
    }
    case 'boolean':
      return false;
    default:
      break;
  }
  if (schema.format === 'uuid' || /id$/.test(lower)) {
    if (lower.startsWith('partner')) return pool.get('partners', 'organisations') ?? NOTHING_ID;
    if (/organisationids?$/.test(lower)) return pool.get('organisations') ?? NOTHING_ID;
    const key = name.replace(/Ids?$/, '');
    return pool.get(`${key}s`, name, key, 'organisations') ?? NOTHING_ID;
  }
  if (lower.startsWith('anchor')) return EMPTY_REPORT_ANCHOR;
  if (schema.format === 'email' || lower.includes('email')) return 'fuzz.person@example.org';
  if (schema.format === 'date-time') return lower === 'to' ? '2026-12-31T00:00:00Z' : '2026-06-01T00:00:00Z';
  if (schema.format === 'uri' || schema.format === 'url' || lower.includes('url') || lower === 'website') return 'https://example.org/fuzz';
  if (lower === 'timezone') return 'Africa/Nairobi';
  if (lower === 'rrule') return 'FREQ=WEEKLY;COUNT=3';
  if (lower.includes('password')) return 'fuzz-password-2026';
  if (lower === 'localend') return '2026-09-01T11:00';
  if (lower === 'localstart') return '2026-09-01T10:00';
  if (lower === 'workdayend') return '17:00';
  if (lower === 'csv') return 'date,value\n2026-01-05,4\n2026-02-02,6\n';
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    const found = ['2026-09-01T10:00', '2026-03-02', '09:00', 'KEN', 'AFR', 'A1', 'fuzz', 'FuzzFuzzFuzzFuzzFuzzFuzz'].find((candidate) => pattern.test(candidate));
    if (found) return found;
  }
  const text = `Fuzz ${name}`;
  return schema.minLength && text.length < schema.minLength ? text.padEnd(schema.minLength, 'x') : text;
}

export function urlText(value: UrlValue): string {
  return value instanceof Raw ? value.text : encodeURIComponent(value);
}

/** Never sent: they end the fuzz's own session (its own id is in the list of sessions it reads). */
export function skipped(method: Method, template: string): boolean {
  return (method === 'post' && template === '/api/auth/logout') || (method === 'delete' && template === '/api/me/sessions/{id}');
}

/** Every operation of the document: deletions last, so the others still find the demo's resources; parts before what holds them. */
export function listOperations(doc: OpenApi): Array<{ template: string; method: Method; operation: Operation }> {
  return Object.entries(doc.paths)
    .flatMap(([template, item]) =>
      (Object.keys(item) as Method[]).filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method)).map((method) => ({ template, method, operation: item[method] as Operation })),
    )
    .filter(({ template, method }) => !skipped(method, template))
    .sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete') || (a.method === 'delete' ? b.template.split('/').length - a.template.split('/').length : 0));
}

/** Reads the lists a person sees, remembering every resource id in them (the person's own organisations first). */
export async function harvestWorkspace(client: TestClient, pool: Pool): Promise<void> {
  const from = new Date(Date.now() - 180 * 86_400_000).toISOString();
  const to = new Date(Date.now() + 180 * 86_400_000).toISOString();
  const harvest = async (path: string, key: string) => {
    const response = await client.get(path);
    pool.harvest(response.body, key);
    return response.body as { items?: Array<Record<string, unknown>> } & Record<string, unknown>;
  };
  const organisations = await harvest('/api/organisations', 'organisations');
  for (const organisation of organisations.items ?? []) {
    if (organisation['relation'] === 'member') pool.add('organisations', organisation['id'] as string, true);
    await harvest(`/api/organisations/${organisation['id']}`, 'organisations');
  }
  const reports = await harvest('/api/reports', 'reports');
  for (const report of (reports.items ?? []).slice(0, 3)) {
    await harvest(`/api/reports/${report['id']}/comments`, 'comments');
    await harvest(`/api/reports/${report['id']}/versions`, 'versions');
  }
  const lessons = await harvest('/api/lessons', 'lessons');
  for (const lesson of (lessons.items ?? []).slice(0, 3)) await harvest(`/api/lessons/${lesson['id']}`, 'lessons');
  const initiatives = await harvest('/api/initiatives', 'initiatives');
  for (const initiative of (initiatives.items ?? []).slice(0, 4)) await harvest(`/api/initiatives/${initiative['id']}`, 'initiatives');
  const measures = await harvest('/api/measures', 'measures');
  for (const measure of (measures.items ?? []).slice(0, 2)) await harvest(`/api/measures/${measure['id']}/chart`, 'measures');
  await harvest(`/api/meetings?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, 'meetings');
  await harvest('/api/notifications', 'notifications');
  const topics = await harvest('/api/discussions/topics', 'threads');
  for (const topic of (topics.items ?? []).slice(0, 2)) await harvest(`/api/discussions/threads/${topic['id']}`, 'threads');
  await harvest('/api/report-templates', 'templates');
  await harvest('/api/directory', 'organisations');
  await harvest('/api/partners', 'partners');
  const feed = await client.get('/api/me/calendar-feed');
  pool.harvest(feed.body, 'feeds');
}

/** A valid value for every path parameter of the operation: a real resource from the pool where one is known. */
export function validPathValues(doc: OpenApi, template: string, operation: Operation, pool: Pool): Record<string, UrlValue> {
  const segments = template.split('/');
  const valid: Record<string, UrlValue> = {};
  for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'path')) {
    const before = segments[segments.indexOf(`{${parameter.name}}`) - 1] ?? '';
    const schema = resolve(doc, parameter.schema);
    if (parameter.name === 'occurrence') {
      const meetingId = valid['id'] as string;
      valid[parameter.name] = pool.occurrences.get(meetingId)?.[0] ?? '2026-09-01T10:00';
    } else if (schema.enum?.length) valid[parameter.name] = String(schema.enum[0]);
    else if (parameter.name === 'date') valid[parameter.name] = pool.get('date') ?? '2026-01-05';
    else if (parameter.name === 'token') valid[parameter.name] = pool.get('token') ?? String(sample(doc, schema, 'token', pool, true));
    else {
      const alias: Record<string, string> = { subjectId: 'reports', partnerId: 'organisations', invitationId: 'pendingInvitations', versionId: 'versions', commentId: 'comments', postId: 'posts', fileId: 'files' };
      const singular = before.replace(/s$/, '');
      valid[parameter.name] = pool.get(before, `${singular}Id`, parameter.name, alias[parameter.name] ?? '', 'organisations') ?? NOTHING_ID;
    }
  }
  return valid;
}

export function fillPath(template: string, values: Record<string, UrlValue>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => urlText(values[name] ?? NOTHING_ID));
}

export function withQuery(path: string, query: Record<string, UrlValue | UrlValue[]>): string {
  const pairs = Object.entries(query).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((item) => `${encodeURIComponent(name)}=${urlText(item)}`));
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

/** The required query parameters, with values that pass validation. */
export function requiredQuery(doc: OpenApi, operation: Operation, pool: Pool): Record<string, UrlValue> {
  const query: Record<string, UrlValue> = {};
  for (const parameter of (operation.parameters ?? []).filter((p) => p.in === 'query')) {
    if (parameter.required) query[parameter.name] = String(sample(doc, parameter.schema, parameter.name, pool, true));
  }
  return query;
}
