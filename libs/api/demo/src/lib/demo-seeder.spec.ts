import { OrganisationsModule } from '@simashe/api-organisations';
import { bootTestApp, signIn, type TestApp } from '@simashe/api-testing';
import { DemoModule } from './demo.module';
import { DemoSeeder } from './demo-seeder';
import { DEMO_PASSWORD, DEMO_WORKSPACE } from './demo-workspace';

describe('demo workspace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp([OrganisationsModule, DemoModule], { seedDemo: true });
  });
  afterAll(() => t.close());

  it('loads pathfinders in several regions, their offices, a partner and the secretariat, once', async () => {
    const kinds: Array<{ kind: string; n: number }> = await t.db.query(
      'SELECT kind, count(*)::int AS n FROM organisations GROUP BY kind ORDER BY kind',
    );
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({
      core_partner: 1,
      country_pathfinder: 5,
      secretariat: 1,
      who_regional_office: 4,
    });
    const [{ roles }] = await t.db.query('SELECT array_agg(DISTINCT role ORDER BY role) AS roles FROM memberships');
    expect(roles).toEqual(['admin', 'editor', 'viewer']);
    expect(await t.app.get(DemoSeeder).seed()).toBe(false);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM organisations');
    expect(n).toBe(DEMO_WORKSPACE.length);
  });

  it('gives working demo sign-ins with the documented password', async () => {
    const afro = await signIn(t, 'afro.officer@demo.simashe.org', DEMO_PASSWORD);
    const names = (await afro.get('/api/organisations?relation=regional_office')).body.items.map((o: { name: string }) => o.name);
    expect(names.sort()).toEqual(['Ghana country pathfinder', 'Kenya country pathfinder']);
    const partner = await signIn(t, 'partner.admin@demo.simashe.org', DEMO_PASSWORD);
    const partnerSees = (await partner.get('/api/organisations')).body.items.map((o: { relation: string }) => o.relation).sort();
    expect(partnerSees).toEqual(['member', 'partner_grant']);
  });
});
