import { DEMO_PASSWORD } from '@simashe/api-demo';
import { bootTestApp, createUser, signIn, type TestApp, type TestClient } from '@simashe/api-testing';
import type { Response } from 'supertest';
import { DOMAIN_MODULES } from './app.module';
import {
  fillPath,
  harvestWorkspace,
  listOperations,
  Pool,
  requiredQuery,
  sample,
  validPathValues,
  withQuery,
  type Method,
  type OpenApi,
  type Operation,
} from './testing/openapi-walk';

/**
 * Authorisation matrix (issue 11, point 2): every route of the OpenAPI document that names a resource is called,
 * validly, by each demo role, on resources of its own organisation and of another one. Fresh resources are
 * made first by each owner (Kenya, Brazil) with the same valid calls, so none of them is open to the network:
 * a draft report, a lesson for the organisation only, a meeting without invitees, an initiative without partners.
 *
 * Expected: no 2xx beyond what the relation allows (the table below), and every refusal a 403 or 404.
 */

type Relation = 'writer' | 'member viewer' | 'regional office' | 'partner grant' | 'secretariat admin' | 'stranger';
type Owner = 'Kenya' | 'Brazil';

const ROLES: Array<{ email: string; relation: Record<Owner, Relation> }> = [
  // Strangers and readers first, writers last: what writers change (delete, submit) must not hide a refusal.
  { email: 'brazil.admin@demo.simashe.org', relation: { Kenya: 'stranger', Brazil: 'writer' } },
  { email: 'afro.officer@demo.simashe.org', relation: { Kenya: 'regional office', Brazil: 'stranger' } },
  { email: 'partner.admin@demo.simashe.org', relation: { Kenya: 'partner grant', Brazil: 'stranger' } },
  { email: 'kenya.viewer@demo.simashe.org', relation: { Kenya: 'member viewer', Brazil: 'stranger' } },
  { email: 'secretariat.admin@demo.simashe.org', relation: { Kenya: 'secretariat admin', Brazil: 'secretariat admin' } },
  { email: 'kenya.editor@demo.simashe.org', relation: { Kenya: 'writer', Brazil: 'stranger' } },
];
const OWNERS: Record<Owner, string> = { Kenya: 'kenya.admin@demo.simashe.org', Brazil: 'brazil.admin@demo.simashe.org' };

/** Routes about an organisation's own resources (the others are the caller's own: profile, inbox, sessions). */
const OWNED = /^\/api\/(reports|lessons|meetings|initiatives|cycles|milestones|observations|drivers|measures|datasets|monitoring-charts|organisations|training\/courses|publications|discussions\/(report|meeting|lesson))(\/|$)/;
/** Never called: they end the caller's own session or act on the caller's own account. */
const NOT_CALLED = /^\/api\/(auth|me)\//;
/**
 * Publishing a dataset opens it to the whole network, which would change what strangers may read for the rest of the
 * matrix; who may publish is covered by the policy table and datasets.spec.
 */
const NOT_CALLED_OPERATIONS = new Set(['post /api/datasets/{id}/publish']);
/**
 * Bodies the schema's sampler cannot build, because their rule spans fields: a learner sends one kind of progress
 * (here "done"), and a publication's status moves one step (to drafting, from a fresh idea).
 */
const VALID_BODIES: Record<string, object> = {
  'post /api/training/courses/{id}/modules/{moduleId}/progress': { done: true },
  'post /api/publications/{id}/status': { status: 'drafting' },
};

/**
 * What each relation may do on the owner's fresh resources, as the AccessPolicy says (README, "Access rules"):
 * writers (the owner's admins and editors) everything; strangers nothing; readers (a viewer member, the regional
 * office, a partner grant, the secretariat) read reports, initiatives (cycles, measures) and the organisation, and
 * comment on reports; a draft lesson and a meeting without invitees are for the owner's members only; secretariat
 * admins also manage: the organisation's members, invitations and partner grants, archiving, reopening and
 * templating reports, resolving and deleting comments, deleting initiatives. Editing a comment is its author's only.
 */
const FAMILIES: Array<[RegExp, 'report' | 'lesson' | 'meeting' | 'initiative' | 'dataset' | 'organisation' | 'course' | 'publication']> = [
  [/^\/api\/reports\//, 'report'],
  [/^\/api\/lessons\//, 'lesson'],
  [/^\/api\/meetings\//, 'meeting'],
  [/^\/api\/(initiatives|cycles|milestones|observations|drivers|measures)\//, 'initiative'],
  [/^\/api\/(datasets|monitoring-charts)\//, 'dataset'],
  [/^\/api\/organisations\//, 'organisation'],
  [/^\/api\/training\//, 'course'],
  [/^\/api\/publications\//, 'publication'],
];
const MEMBERS_ONLY = new Set(['lesson', 'meeting']);
/** A fresh course is a draft: only those who write it see it (published, the whole network reads it). */
const WRITERS_ONLY = new Set(['course']);
/** Writes any reader of the resource may make. */
const READER_WRITES = [
  'POST /api/reports/{id}/comments',
  'POST /api/reports/{id}/comments/{commentId}/replies',
  'PUT /api/meetings/{id}/occurrences/{occurrence}/rsvp',
  'PUT /api/meetings/{id}/rsvp',
  'POST /api/meetings/{id}/occurrences/{occurrence}/check-in',
  'POST /api/meetings/{id}/registration',
  'DELETE /api/meetings/{id}/registration',
  // A saved view of a dataset, for a report to embed.
  'POST /api/datasets/{id}/charts',
];
/** Managing, which secretariat admins may do for every organisation. */
const MANAGER_WRITES = [
  /^PATCH \/api\/organisations\/\{id\}$/,
  /^(POST|PATCH|DELETE) \/api\/organisations\/\{id\}\/(members|invitations|partners)/,
  // (Reopening is managing too, but the fresh reports are drafts: moving them through review is writing.)
  /^POST \/api\/reports\/\{id\}\/(archive|save-as-template)$/,
  /^POST \/api\/reports\/\{id\}\/comments\/\{commentId\}\/resolve$/,
  /^DELETE \/api\/reports\/\{id\}\/comments\/\{commentId\}$/,
  /^DELETE \/api\/initiatives\/\{id\}$/,
  /^DELETE \/api\/datasets\/\{id\}$/,
  /^DELETE \/api\/publications\/\{id\}$/,
];

function allowed(relation: Relation, method: Method, template: string): boolean {
  if (relation === 'writer') return true;
  if (relation === 'stranger') return false;
  const family = FAMILIES.find(([pattern]) => pattern.test(template))?.[1];
  if (!family || WRITERS_ONLY.has(family) || (MEMBERS_ONLY.has(family) && relation !== 'member viewer')) return false;
  const operation = `${method.toUpperCase()} ${template}`;
  if (method === 'get' || READER_WRITES.includes(operation)) return true;
  return relation === 'secretariat admin' && MANAGER_WRITES.some((pattern) => pattern.test(operation));
}

/** Dates of what happens now (an observation of a cycle started today) are today. */
function today(body: unknown): unknown {
  if (body && typeof body === 'object' && 'observedOn' in body) return { ...body, observedOn: new Date().toISOString().slice(0, 10) };
  return body;
}

interface Call {
  template: string;
  method: Method;
  owner: Owner;
  email: string;
  relation: Relation;
  status: number;
  path: string;
}

describe('authorisation matrix: every route, each demo role, own and other organisation', () => {
  let t: TestApp;
  const calls: Call[] = [];

  beforeAll(async () => {
    t = await bootTestApp(DOMAIN_MODULES, { seedDemo: true });
  });
  afterAll(async () => {
    await t?.close();
    const cells = calls.length;
    console.log(`authorisation matrix: ${cells} calls (${new Set(calls.map((c) => `${c.method} ${c.template}`)).size} operations × roles × 2 organisations)`);
  });

  it('allows each relation only what the access policy grants, and refuses with 403 or 404', async () => {
    const owners = Object.fromEntries(await Promise.all(Object.entries(OWNERS).map(async ([owner, email]) => [owner, await signIn(t, email, DEMO_PASSWORD)]))) as Record<Owner, TestClient>;
    const doc = (await owners.Kenya.get('/api/docs/openapi.json')).body as OpenApi;
    const owned = listOperations(doc).filter(({ template, method }) => OWNED.test(template) && !NOT_CALLED.test(template) && !NOT_CALLED_OPERATIONS.has(`${method} ${template}`));
    // The matrix calls the routes that name a resource; the lists (filtered by what each person reads) only set up.
    const operations = owned.filter(({ template }) => template.includes('{'));
    expect(operations.length).toBeGreaterThan(50);

    const request = (client: TestClient, method: Method, path: string, body: unknown, multipart: boolean): Promise<Response> => {
      const test = client.request(method, path);
      if (multipart) return test.attach('file', Buffer.from('%PDF-1.4\n% matrix\n'), { filename: 'matrix.pdf', contentType: 'application/pdf' });
      return body === undefined ? test : test.send(body as object);
    };
    const build = (pool: Pool, template: string, method: Method, operation: Operation, minimal = false) => {
      const content = operation.requestBody?.content ?? {};
      const jsonSchema = content['application/json']?.schema;
      return {
        path: withQuery(fillPath(template, validPathValues(doc, template, operation, pool)), requiredQuery(doc, operation, pool)),
        body: VALID_BODIES[`${method} ${template}`] ?? (jsonSchema ? today(sample(doc, jsonSchema, 'body', pool, minimal)) : undefined),
        multipart: content['multipart/form-data'] !== undefined || template.endsWith('/files'),
      };
    };

    // Nobody in the matrix may change what relates the roles to the owners: role changes, removals and partner
    // grants made by the valid calls land on people and organisations outside the matrix.
    const clients = await Promise.all(ROLES.map((role) => signIn(t, role.email, DEMO_PASSWORD)));
    const roleUsers = [...clients, ...Object.values(owners)].map((client) => client.userId);
    const [bystanderOrganisation] = await t.db.query(`SELECT id FROM organisations WHERE name LIKE 'Ghana%' LIMIT 1`);

    // Each owner's fresh resources, made by its own valid calls with only the required fields (so nothing is
    // opened to the network or to invitees); then what it already had, for what the calls need (templates).
    const pools = {} as Record<Owner, Pool>;
    for (const owner of Object.keys(OWNERS) as Owner[]) {
      const [organisation] = await t.db.query(`SELECT organisation_id AS id FROM memberships WHERE user_id = $1`, [owners[owner].userId]);
      const bystander = await createUser(t.db, { memberOf: [{ organisationId: organisation.id, role: 'viewer' }] });
      const setUp = (pool: Pool) => {
        for (const id of roleUsers) pool.excluded.add(id);
        for (const key of ['members', 'userId']) pool.add(key, bystander.id, true);
        pool.add('partners', bystanderOrganisation.id, true);
      };
      // Only what creating needs (the owner's organisation, templates), so the calls act on what they create.
      const base = new Pool();
      setUp(base);
      base.add('organisations', organisation.id, true);
      base.harvest((await owners[owner].get('/api/report-templates')).body, 'templates');
      const created: Array<{ key: string; body: unknown }> = [];
      for (const { template, method, operation } of owned.filter((o) => o.method === 'post' && !o.template.startsWith('/api/organisations/'))) {
        let call = build(base, template, method, operation, true);
        let response = await request(owners[owner], method, call.path, call.body, call.multipart);
        if (response.status === 400) {
          call = build(base, template, method, operation, false);
          response = await request(owners[owner], method, call.path, call.body, call.multipart);
        }
        if (response.status < 300 && response.body && typeof response.body === 'object') {
          const segments = template.split('/');
          const last = segments[segments.length - 1];
          const key = last.startsWith('{') ? segments[segments.length - 2] : last;
          base.harvest(response.body, key);
          created.push({ key, body: response.body });
        }
      }
      // The fresh resources come first, so they are the ones every route is called on.
      const pool = new Pool();
      setUp(pool);
      for (const { key, body } of created) pool.harvest(body, key);
      await harvestWorkspace(owners[owner], pool);
      pools[owner] = pool;
    }

    for (const { template, method, operation } of operations) {
      for (const owner of Object.keys(OWNERS) as Owner[]) {
        const call = build(pools[owner], template, method, operation);
        for (const [index, role] of ROLES.entries()) {
          const client = clients[index];
          const response = await request(client, method, call.path, call.body, call.multipart);
          calls.push({ template, method, owner, email: role.email, relation: role.relation[owner], status: response.status, path: call.path });
        }
      }
    }

    const line = (c: Call) => `${c.status} ${c.method.toUpperCase()} ${c.template} on ${c.owner}'s as ${c.email} (${c.relation})`;
    // No 2xx the relation does not allow; every refusal a 403 or 404; never a 401 or 5xx for a signed-in person.
    expect(calls.filter((c) => c.status < 300 && !allowed(c.relation, c.method, c.template)).map(line)).toEqual([]);
    expect(calls.filter((c) => !allowed(c.relation, c.method, c.template) && c.status !== 403 && c.status !== 404).map(line)).toEqual([]);
    expect(calls.filter((c) => c.status === 401 || c.status >= 500).map(line)).toEqual([]);
    // The matrix reaches real resources: writers succeed on most routes.
    expect(calls.filter((c) => c.relation === 'writer' && c.status < 300).length).toBeGreaterThan(60);
  });
});
