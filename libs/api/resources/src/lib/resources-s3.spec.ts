import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SearchModule } from '@simashe/api-search';
import { binaryBody, bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
// s3rver: a local S3-compatible server (npm), which checks request signatures like S3 does.
import S3rver from 's3rver';
import { ResourcesModule } from './resources.module';
import { demoPdf } from './resources-demo';

const BUCKET = 'simashe-test';

/** Every object file s3rver keeps for the bucket (it stores each object as `<key>._S3rver_object`). */
function objects(directory: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('._S3rver_object')) found.push(path);
    }
  };
  walk(join(directory, BUCKET));
  return found;
}

describe('resource files in S3-compatible storage (s3rver, real PostgreSQL)', () => {
  let t: TestApp;
  let s3: S3rver;
  let directory: string;
  let kenya: { id: string };
  let kenyaEditor: TestClient;
  let brazilAdmin: TestClient;

  const resource = (visibility: string) => ({ organisationId: kenya.id, kind: 'guidance', title: `Stored in S3, ${visibility}`, language: 'en', topic: 'inequality_monitoring', visibility });
  const withFile = (client: TestClient, fields: object, bytes: Buffer, filename: string, contentType: string) =>
    client.request('post', '/api/resources/with-file').field('resource', JSON.stringify(fields)).attach('file', bytes, { filename, contentType });

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'simashe-s3-'));
    s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const { port } = await s3.run();
    t = await bootTestApp([ResourcesModule, SearchModule], {
      s3: { bucket: BUCKET, region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true },
    });
    kenya = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'KEN', name: 'Kenya pathfinder' });
    const brazil = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'BRA', name: 'Brazil pathfinder' });
    kenyaEditor = await signedInMember(t, kenya.id, 'editor');
    brazilAdmin = await signedInMember(t, brazil.id, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await s3.close().catch(() => undefined);
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps the bytes in the bucket, not in PostgreSQL, and serves them only after the read check', async () => {
    const pdf = demoPdf('Kept in S3');
    const created = await withFile(kenyaEditor, resource('organisation'), pdf, 'guide.pdf', 'application/pdf');
    expect(created.status).toBe(201);
    expect(created.body.file).toMatchObject({ name: 'guide.pdf', contentType: 'application/pdf', size: pdf.length });
    const [row] = await t.db.query('SELECT data, storage_key FROM resource_files WHERE resource_id = $1', [created.body.id]);
    expect(row.data).toBeNull();
    expect(row.storage_key).toMatch(/^resources\/[0-9a-f-]{36}$/);
    expect(objects(directory)).toHaveLength(1);

    const downloaded = await kenyaEditor.request('get', `/api/resources/${created.body.id}/file`).buffer(true).parse(binaryBody);
    expect(downloaded.status).toBe(200);
    expect(Buffer.compare(downloaded.body as Buffer, pdf)).toBe(0);
    // Someone who may not read the resource gets nothing from the bucket either.
    expect((await brazilAdmin.get(`/api/resources/${created.body.id}/file`)).status).toBe(404);
    expect((await t.http().get(`/api/public/resources/${created.body.id}/file`)).status).toBe(404);

    // Replacing the file removes the old object; deleting the resource removes the new one.
    const replaced = await kenyaEditor.request('post', `/api/resources/${created.body.id}/file`).attach('file', demoPdf('Second version'), { filename: 'v2.pdf', contentType: 'application/pdf' });
    expect(replaced.status).toBe(200);
    expect(objects(directory)).toHaveLength(1);
    expect((await t.db.query('SELECT storage_key FROM resource_files WHERE resource_id = $1', [created.body.id]))[0].storage_key).not.toBe(row.storage_key);
    expect((await kenyaEditor.request('delete', `/api/resources/${created.body.id}`)).status).toBe(204);
    expect(objects(directory)).toHaveLength(0);
  });

  it('stores nothing, in the bucket or the database, of a refused file', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM resources'))[0].n;
    const executable = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const refused = await withFile(kenyaEditor, resource('network'), executable, 'report.pdf', 'application/pdf');
    expect(refused.status).toBe(400);
    expect(objects(directory)).toHaveLength(0);
    expect((await t.db.query('SELECT count(*)::int AS n FROM resources'))[0].n).toBe(before);
  });

  it('answers 503 with a sentence when the bucket cannot be reached, and saves nothing', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM resources'))[0].n;
    await s3.close();
    const response = await withFile(kenyaEditor, resource('network'), demoPdf('Offline'), 'guide.pdf', 'application/pdf');
    expect(response.status).toBe(503);
    expect(response.body.message).toBe('The file store cannot be reached at the moment; nothing was changed. Try again shortly');
    expect((await t.db.query('SELECT count(*)::int AS n FROM resources'))[0].n).toBe(before);
  });
});
