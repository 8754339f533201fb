import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrateOnce } from './data-source-options';
import { ensureDatabase } from './embedded-postgres';
import { ALL_MIGRATIONS } from './migrations';

describe('migrations', () => {
  let db: DataSource;

  // api-testing builds on this lib, so the database is made here directly rather than through it.
  async function createTestDatabase(): Promise<string> {
    const server = process.env['SIMASHE_TEST_PG_URL'] as string;
    const name = `m_${randomBytes(6).toString('hex')}`;
    await ensureDatabase(server, name);
    return `${server}/${name}`;
  }

  beforeAll(async () => {
    db = new DataSource({ ...dataSourceOptions(await createTestDatabase()), migrationsRun: false, logging: false });
    await db.initialize();
  });
  afterAll(() => db.destroy());

  it('bring an empty database to the current schema, then down and up again', async () => {
    const applied = await db.runMigrations();
    expect(applied.map((m) => m.name)).toEqual(ALL_MIGRATIONS.map((m) => new m().name));

    const tables: Array<{ table_name: string }> = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['access_grants', 'countries', 'invitations', 'memberships', 'organisations', 'sessions', 'users', 'who_regions']),
    );

    for (let i = 0; i < ALL_MIGRATIONS.length; i++) await db.undoLastMigration();
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM information_schema.tables WHERE table_name = 'users'`);
    expect(count).toBe(0);
    await db.runMigrations();
    expect(await db.showMigrations()).toBe(false);
  });

  /** Undoes the migrations from the last one back to `name`, included. */
  async function undoThrough(name: string): Promise<void> {
    const index = ALL_MIGRATIONS.findIndex((m) => new m().name === name);
    for (let i = ALL_MIGRATIONS.length - 1; i >= index; i--) await db.undoLastMigration();
  }

  it('name restores by what they restored, without the English that was stored around it', async () => {
    await db.runMigrations();
    await undoThrough('RestoreVersionNames1763900000040');
    const insert = (kind: string, name: string | null) =>
      db.query(`INSERT INTO collab_versions (document_id, kind, name, state) VALUES (gen_random_uuid(), $1, $2, '\\x00') RETURNING id`, [kind, name]);
    const [[restore], [named], [bare]] = await Promise.all([insert('restore', 'Restored: Before review'), insert('named', 'Restored: a name someone chose'), insert('restore', 'Restored: ')]);
    await db.runMigrations();
    const nameOf = async (id: string) => (await db.query('SELECT name FROM collab_versions WHERE id = $1', [id]))[0].name;
    expect(await nameOf(restore.id)).toBe('Before review');
    expect(await nameOf(named.id)).toBe('Restored: a name someone chose');
    expect(await nameOf(bare.id)).toBe('Restored: ');
    await db.query('DELETE FROM collab_versions WHERE id = ANY($1::uuid[])', [[restore.id, named.id, bare.id]]);
  });

  it('give each report the time of its text\'s last version, from the versions already saved', async () => {
    await db.runMigrations();
    await undoThrough('ReportLastVersion1763900000041');
    const [organisation] = await db.query(`INSERT INTO organisations (name, kind) VALUES ('Migration test', 'core_partner') RETURNING id`);
    const report = async (title: string) =>
      (await db.query(`INSERT INTO reports (organisation_id, title, period_start, period_end) VALUES ($1, $2, '2026-01-01', '2026-12-31') RETURNING id`, [organisation.id, title]))[0].id as string;
    const [versioned, untouched] = [await report('Versioned'), await report('Untouched')];
    const version = (at: string) => db.query(`INSERT INTO collab_versions (document_id, kind, name, state, created_at) VALUES ($1, 'named', 'v', '\\x00', $2)`, [versioned, at]);
    await version('2026-03-01T10:00:00Z');
    await version('2026-04-01T10:00:00Z');
    await db.runMigrations();
    const lastVersion = async (id: string) => (await db.query('SELECT last_version_at FROM reports WHERE id = $1', [id]))[0].last_version_at as Date | null;
    expect((await lastVersion(versioned))?.toISOString()).toBe('2026-04-01T10:00:00.000Z');
    expect(await lastVersion(untouched)).toBeNull();
  });

  it('run once when two instances start together on an empty database: one migrates, the other waits and finds nothing to do', async () => {
    const url = await createTestDatabase();
    const replicas = [0, 1].map(() => new DataSource({ ...dataSourceOptions(url), logging: false }));
    try {
      await Promise.all(replicas.map((replica) => replica.initialize()));
      const applied = await Promise.all(replicas.map((replica) => migrateOnce(replica)));
      expect(applied.map((list) => list.length).sort((a, b) => a - b)).toEqual([0, ALL_MIGRATIONS.length]);
      const [{ count }] = await replicas[0].query('SELECT count(*)::int AS count FROM migrations');
      expect(count).toBe(ALL_MIGRATIONS.length);
      // The lock is given back: a later start takes it at once.
      expect(await migrateOnce(replicas[1])).toEqual([]);
    } finally {
      await Promise.all(replicas.map((replica) => (replica.isInitialized ? replica.destroy() : undefined)));
    }
  });

  it('seed the six WHO regions and all 194 Member States with ISO codes', async () => {
    const regions: Array<{ code: string; n: number }> = await db.query(
      `SELECT r.code, count(c.iso3)::int AS n FROM who_regions r LEFT JOIN countries c ON c.region_code = r.code GROUP BY r.code ORDER BY r.code`,
    );
    expect(Object.fromEntries(regions.map((r) => [r.code, r.n]))).toEqual({
      AFRO: 47,
      AMRO: 35,
      EMRO: 21,
      EURO: 53,
      SEARO: 10,
      WPRO: 28,
    });
    const [kenya] = await db.query(`SELECT iso2, name, region_code FROM countries WHERE iso3 = 'KEN'`);
    expect(kenya).toEqual({ iso2: 'KE', name: 'Kenya', region_code: 'AFRO' });
    const [{ distinct2 }] = await db.query(`SELECT count(DISTINCT iso2)::int AS distinct2 FROM countries`);
    expect(distinct2).toBe(194);
  });

  it('enforce organisation invariants in the schema itself', async () => {
    await expect(db.query(`INSERT INTO organisations (name, kind) VALUES ('No region office', 'who_regional_office')`)).rejects.toThrow(
      /organisations_region_required/,
    );
    await expect(db.query(`INSERT INTO organisations (name, kind) VALUES ('x', 'club')`)).rejects.toThrow(/check/i);
  });
});
