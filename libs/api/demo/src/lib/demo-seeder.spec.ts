import { OrganisationsModule } from '@simashe/api-organisations';
import { SearchModule } from '@simashe/api-search';
import { bootTestApp, signIn, type TestApp } from '@simashe/api-testing';
import { DemoModule } from './demo.module';
import { DemoSeeder } from './demo-seeder';
import { DEMO_PASSWORD, DEMO_WORKSPACE } from './demo-workspace';

describe('demo workspace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp([OrganisationsModule, SearchModule, DemoModule], { seedDemo: true });
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

  it('includes published lessons in three languages, found by search from another region, and a private draft', async () => {
    const reader = await signIn(t, 'srilanka.admin@demo.simashe.org', DEMO_PASSWORD);
    const found = async (q: string) => (await reader.get(`/api/search?q=${encodeURIComponent(q)}`)).body.items.map((i: { title: string }) => i.title);
    expect(await found('housing committees')).toEqual(['Housing and health committees in informal settlements']);
    expect(await found('transferencias atencion')).toEqual(['Transferencias monetarias y acceso a la atención primaria']);
    expect(await found('qualite air ecoles')).toEqual(['Qualité de l’air autour des écoles']);
    expect(await found('stipends')).toEqual([]);
    const kenyan = await signIn(t, 'kenya.viewer@demo.simashe.org', DEMO_PASSWORD);
    expect((await kenyan.get('/api/search?q=stipends')).body.total).toBe(1);
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
