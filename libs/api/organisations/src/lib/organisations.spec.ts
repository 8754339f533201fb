import { EventBus } from '@simashe/api-core';
import { bootTestApp, createOrganisation, signedInMember, type TestApp } from '@simashe/api-testing';
import { OrganisationsModule } from './organisations.module';
import { OrganisationsService } from './organisations.service';

describe('creating organisations and reading reference data', () => {
  let t: TestApp;
  let secretariat: { id: string };

  beforeAll(async () => {
    t = await bootTestApp([OrganisationsModule]);
    secretariat = await createOrganisation(t.db, { kind: 'secretariat' });
  });
  afterAll(() => t.close());

  it('lets a secretariat admin create a pathfinder whose region follows its country', async () => {
    const admin = await signedInMember(t, secretariat.id, 'admin');
    const created = await admin.post('/api/organisations', { name: 'Peru country pathfinder', kind: 'country_pathfinder', countryIso3: 'PER' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Peru country pathfinder', region: { code: 'AMRO' }, country: { iso2: 'PE' }, memberCount: 0 });
    expect((await admin.get(`/api/organisations/${created.body.id}`)).body.canManage).toBe(true);

    const duplicate = await admin.post('/api/organisations', { name: 'PERU country pathfinder', kind: 'country_pathfinder', countryIso3: 'PER' });
    expect(duplicate.status).toBe(409);
  });

  it('rejects contradictions and unknown countries with field messages', async () => {
    const admin = await signedInMember(t, secretariat.id, 'admin');
    const mismatch = await admin.post('/api/organisations', { name: 'Odd', kind: 'country_pathfinder', countryIso3: 'KEN', regionCode: 'EURO' });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.details).toEqual([{ path: 'regionCode', message: 'Kenya belongs to AFRO' }]);
    const unknown = await admin.post('/api/organisations', { name: 'Nowhere', kind: 'country_pathfinder', countryIso3: 'XYZ' });
    expect(unknown.status).toBe(400);
    const noRegion = await admin.post('/api/organisations', { name: 'Office', kind: 'who_regional_office' });
    expect(noRegion.body.details).toEqual([{ path: 'regionCode', message: 'A regional office needs its WHO region' }]);
  });

  it('refuses anyone but secretariat admins', async () => {
    const viewer = await signedInMember(t, secretariat.id, 'viewer');
    expect((await viewer.post('/api/organisations', { name: 'Mine', kind: 'core_partner' })).status).toBe(403);
    const pathfinder = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'NPL' });
    const pathfinderAdmin = await signedInMember(t, pathfinder.id, 'admin');
    expect((await pathfinderAdmin.post('/api/organisations', { name: 'Mine too', kind: 'core_partner' })).status).toBe(403);
  });

  it('lets organisation admins set their time zone and working day, for finding meeting times', async () => {
    const nepal = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'NPL', name: 'Nepal pathfinder' });
    const admin = await signedInMember(t, nepal.id, 'admin');
    expect((await admin.get(`/api/organisations/${nepal.id}`)).body).toMatchObject({ timeZone: 'UTC', workDayStart: '09:00', workDayEnd: '17:00' });
    const saved = await admin.patch(`/api/organisations/${nepal.id}`, { timeZone: 'Asia/Kathmandu', workDayStart: '10:00' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ timeZone: 'Asia/Kathmandu', workDayStart: '10:00', workDayEnd: '17:00' });

    const backwards = await admin.patch(`/api/organisations/${nepal.id}`, { workDayEnd: '08:00' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.details).toEqual([{ path: 'workDayEnd', message: 'Ends before it starts' }]);
    const badZone = await admin.patch(`/api/organisations/${nepal.id}`, { timeZone: 'Asia/Atlantis', workDayStart: '25:00' });
    expect(badZone.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['timeZone', 'workDayStart']);
    const editor = await signedInMember(t, nepal.id, 'editor');
    expect((await editor.patch(`/api/organisations/${nepal.id}`, { timeZone: 'UTC' })).status).toBe(403);
  });

  it('shows every signed-in person the network directory (names, zones, working hours), not members', async () => {
    const ghana = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana pathfinder' });
    const viewer = await signedInMember(t, ghana.id, 'viewer');
    const directory = await viewer.get('/api/directory');
    expect(directory.status).toBe(200);
    const names = directory.body.items.map((o: { name: string }) => o.name);
    expect(names).toEqual(expect.arrayContaining(['Ghana pathfinder', 'Nepal pathfinder']));
    expect(directory.body.items.find((o: { name: string }) => o.name === 'Nepal pathfinder')).toEqual({
      id: expect.any(String), name: 'Nepal pathfinder', kind: 'country_pathfinder', regionCode: 'SEARO', timeZone: 'Asia/Kathmandu', workDayStart: '10:00', workDayEnd: '17:00',
    });
    expect((await t.http().get('/api/directory')).status).toBe(401);
  });

  it('lists the WHO regions with their Member States', async () => {
    const member = await signedInMember(t, secretariat.id, 'viewer');
    const response = await member.get('/api/regions');
    expect(response.body.items.map((r: { code: string }) => r.code)).toEqual(['AFRO', 'AMRO', 'EMRO', 'EURO', 'SEARO', 'WPRO']);
    const sea = response.body.items.find((r: { code: string }) => r.code === 'SEARO');
    expect(sea.countries.map((c: { iso3: string }) => c.iso3)).toContain('LKA');
  });

  it('answers other domains in batches: organisations with their country, by region, by exact name', async () => {
    const organisations = t.app.get(OrganisationsService);
    const chile = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'CHL', name: 'Chile batch pathfinder' });
    const partner = await createOrganisation(t.db, { kind: 'core_partner', name: 'Batch partner' });
    const office = await createOrganisation(t.db, { kind: 'who_regional_office', regionCode: 'WPRO', name: 'Batch WPRO office' });

    const located = await organisations.summariesWithCountry([chile.id, partner.id, null, '00000000-0000-4000-8000-000000000000']);
    expect([...located.keys()].sort()).toEqual([chile.id, partner.id].sort());
    expect(located.get(chile.id)).toEqual({ id: chile.id, name: 'Chile batch pathfinder', kind: 'country_pathfinder', regionCode: 'AMRO', countryIso3: 'CHL', countryName: 'Chile', countryIso2: 'CL' });
    expect(located.get(partner.id)).toMatchObject({ regionCode: null, countryIso3: null, countryName: null, countryIso2: null });
    expect((await organisations.summariesWithCountry([])).size).toBe(0);

    const byRegion = await organisations.idsInRegions(['WPRO', 'AMRO', null, 'XYZ']);
    expect(byRegion.get('WPRO')).toEqual([office.id]);
    expect(byRegion.get('AMRO')).toContain(chile.id);
    expect(byRegion.get('AMRO')).not.toContain(office.id);
    expect(byRegion.has('XYZ')).toBe(false);
    expect((await organisations.idsInRegions([])).size).toBe(0);

    const named = await organisations.idsNamed(['Batch partner', 'Chile batch pathfinder', 'batch partner', 'Nobody']);
    expect(named).toEqual(new Map([['Batch partner', partner.id], ['Chile batch pathfinder', chile.id]]));
  });

  it('serves organisations other domains name from memory until organisations change (access.changed, on every instance)', async () => {
    const organisations = t.app.get(OrganisationsService);
    const renamed = await createOrganisation(t.db, { kind: 'core_partner', name: 'Remembered partner' });
    expect((await organisations.names([renamed.id])).get(renamed.id)).toBe('Remembered partner');
    await t.db.query('UPDATE organisations SET name = $2 WHERE id = $1', [renamed.id, 'Renamed behind the API']);
    expect((await organisations.names([renamed.id])).get(renamed.id)).toBe('Remembered partner');
    // Inside a transaction it is read there, never from memory.
    await t.db.transaction(async (manager) => expect((await organisations.summaries([renamed.id], manager)).get(renamed.id)?.name).toBe('Renamed behind the API'));
    await t.app.get(EventBus).emit('access.changed', { userIds: null });
    expect((await organisations.names([renamed.id])).get(renamed.id)).toBe('Renamed behind the API');
  });

  it('documents the API as OpenAPI, generated from the shared schemas', async () => {
    const response = await t.http().get('/api/docs/openapi.json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/organisations', '/api/organisations/{id}/invitations', '/api/invitations/{token}/accept']),
    );
    const schemas = JSON.stringify(response.body.components.schemas);
    expect(schemas).toContain('country_pathfinder');
    expect((await t.http().get('/api/docs')).status).toBe(200);
  });
});
