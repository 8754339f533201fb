import { DemoModule, DEMO_PASSWORD } from '@simashe/api-demo';
import { OrganisationsModule } from '@simashe/api-organisations';
import { SearchModule } from '@simashe/api-search';
import { bootTestApp, signIn, type TestApp } from '@simashe/api-testing';
import type { AuditEntry } from '@simashe/contracts';
import { AuditModule } from './audit.module';

/** The demo is written through the domain services, so a first start already has a log to show. */
describe('audit log of the demo workspace', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootTestApp([AuditModule, OrganisationsModule, SearchModule, DemoModule], { seedDemo: true });
  });
  afterAll(() => t.close());

  it('holds the demo reports’ submissions, and then the demo sign-ins', async () => {
    const secretariat = await signIn(t, 'secretariat.admin@demo.simashe.org', DEMO_PASSWORD);
    const network: AuditEntry[] = (await secretariat.get('/api/audit')).body.items;
    expect(network.filter((entry) => entry.action === 'report.submitted').map((entry) => entry.organisation?.name).sort()).toEqual([
      'Brazil country pathfinder',
      'Kenya country pathfinder',
    ]);
    expect(network[0]).toMatchObject({ action: 'auth.signed_in', actor: { email: 'secretariat.admin@demo.simashe.org' } });

    const kenya = await signIn(t, 'kenya.admin@demo.simashe.org', DEMO_PASSWORD);
    const own: AuditEntry[] = (await kenya.get('/api/audit')).body.items;
    expect(own.map((entry) => entry.action)).toEqual(['auth.signed_in', 'report.submitted']);
  });
});
