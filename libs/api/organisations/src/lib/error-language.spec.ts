import { bootTestApp, createOrganisation, signedInMember, type TestApp, type TestClient } from '@simashe/api-testing';
import { OrganisationsModule } from './organisations.module';

/** Error sentences reach people in their language: the profile's when signed in, else the browser's, else English. */
describe('errors in the caller’s language', () => {
  let t: TestApp;
  let secretariat: { id: string };

  beforeAll(async () => {
    t = await bootTestApp([OrganisationsModule]);
    secretariat = await createOrganisation(t.db, { kind: 'secretariat' });
  });
  afterAll(() => t.close());

  const speaking = async (client: TestClient, language: string) => {
    await t.db.query('UPDATE users SET preferred_language = $2 WHERE id = $1', [client.userId, language]);
    return client;
  };

  it('answers a French member’s 403 in French and an English member’s in English', async () => {
    const french = await speaking(await signedInMember(t, secretariat.id, 'viewer'), 'fr');
    const refused = await french.post('/api/organisations', { name: 'Mine', kind: 'core_partner' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ id: 'forbidden', message: 'Seuls les administrateurs du Secrétariat peuvent créer des organisations' });

    const english = await signedInMember(t, secretariat.id, 'viewer');
    const refusedInEnglish = await english.post('/api/organisations', { name: 'Mine', kind: 'core_partner' });
    expect(refusedInEnglish.body.message).toBe('Only secretariat administrators can create organisations');
  });

  it('words field details of a 400 in French, from the contracts (zod) and from the service', async () => {
    const french = await speaking(await signedInMember(t, secretariat.id, 'admin'), 'fr');
    const invalid = await french.post('/api/organisations', { name: 'X', kind: 'who_regional_office' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual(
      expect.arrayContaining([
        { path: 'name', message: 'Le nom doit comporter au moins 2 caractères' },
        { path: 'regionCode', message: 'Un bureau régional doit indiquer sa région OMS' },
      ]),
    );
    expect(invalid.body.message).toMatch(/^Requête non valide — /);
    expect(invalid.body.message).toContain('name : Le nom doit comporter au moins 2 caractères');

    const mismatch = await french.post('/api/organisations', { name: 'Odd', kind: 'country_pathfinder', countryIso3: 'KEN', regionCode: 'EURO' });
    expect(mismatch.body).toMatchObject({ message: 'Le pays et la région ne concordent pas', details: [{ path: 'regionCode', message: 'Kenya appartient à AFRO' }] });

    const english = await signedInMember(t, secretariat.id, 'admin');
    const invalidInEnglish = await english.post('/api/organisations', { name: 'X', kind: 'who_regional_office' });
    expect(invalidInEnglish.body.details).toEqual(expect.arrayContaining([{ path: 'name', message: 'Name must be at least 2 characters' }]));
    expect(invalidInEnglish.body.message).toMatch(/^Invalid request — /);
  });

  it('names an unknown query parameter as one, not as a field of the body', async () => {
    const french = await speaking(await signedInMember(t, secretariat.id, 'admin'), 'fr');
    const unknown = await french.get('/api/organisations?bogus=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ path: '(query)', message: 'Paramètre(s) de requête inconnu(s) : bogus' }]);
    const english = await signedInMember(t, secretariat.id, 'admin');
    const wrongBody = await english.post('/api/organisations', { name: 'Odd', kind: 'core_partner', bogus: 1 });
    expect(wrongBody.body.details).toEqual([{ path: '(body)', message: 'Unknown field(s): bogus' }]);
  });

  it('words a refused control character in the profile language too (the check runs once the session is known)', async () => {
    const french = await speaking(await signedInMember(t, secretariat.id, 'admin'), 'fr');
    const refused = await french.post('/api/organisations', { name: 'Nul\u0000Org', kind: 'core_partner' });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ path: 'name', message: 'Les caractères de contrôle (comme NUL) ne sont pas autorisés' }]);
  });

  it('prefers the profile language to the browser’s', async () => {
    const spanish = await speaking(await signedInMember(t, secretariat.id, 'viewer'), 'es');
    const refused = await spanish.post('/api/organisations', { name: 'Mine', kind: 'core_partner' }).set('Accept-Language', 'fr-FR,fr;q=0.9');
    expect(refused.body.message).toBe('Solo los administradores de la Secretaría pueden crear organizaciones');
  });

  it('answers a failed sign-in in the language of Accept-Language, English when none fits', async () => {
    const arabic = await t.http().post('/api/auth/login').set('Accept-Language', 'ar-EG,ar;q=0.9,en;q=0.5').send({ email: 'nobody@example.org', password: 'wrong-password-1' });
    expect(arabic.status).toBe(401);
    expect(arabic.body.message).toBe('البريد الإلكتروني أو كلمة المرور غير صحيحة');
    const french = await t.http().post('/api/auth/login').set('Accept-Language', 'fr-CH, de;q=0.8').send({ email: 'nobody@example.org', password: 'wrong-password-1' });
    expect(french.body.message).toBe('L’adresse e-mail ou le mot de passe est incorrect');
    const german = await t.http().post('/api/auth/login').set('Accept-Language', 'de-DE').send({ email: 'nobody@example.org', password: 'wrong-password-1' });
    expect(german.body.message).toBe('Email or password is incorrect');
  });
});
