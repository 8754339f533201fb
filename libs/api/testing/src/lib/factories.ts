import type { MemberRole, OrganisationKind, RegionCode } from '@simashe/contracts';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TestApp } from './test-app';
import { signIn, type TestClient } from './test-client';

export const TEST_PASSWORD = 'correct-horse-battery';
// Hash of TEST_PASSWORD, computed once so factories do not pay argon2 per user.
let passwordHash: Promise<string> | undefined;
async function testPasswordHash(): Promise<string> {
  const { hash, Algorithm } = await import('@node-rs/argon2');
  passwordHash ??= hash(TEST_PASSWORD, { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  return passwordHash;
}

const unique = () => randomBytes(4).toString('hex');

export async function createOrganisation(
  db: DataSource,
  input: { kind: OrganisationKind; name?: string; regionCode?: RegionCode; countryIso3?: string },
): Promise<{ id: string; name: string }> {
  const name = input.name ?? `${input.kind} ${unique()}`;
  let regionCode = input.regionCode ?? null;
  if (input.countryIso3) {
    const [country] = await db.query('SELECT region_code FROM countries WHERE iso3 = $1', [input.countryIso3]);
    regionCode = country.region_code;
  }
  const [row] = await db.query(
    'INSERT INTO organisations (name, kind, region_code, country_iso3) VALUES ($1, $2, $3, $4) RETURNING id',
    [name, input.kind, regionCode, input.countryIso3 ?? null],
  );
  return { id: row.id, name };
}

export async function createUser(
  db: DataSource,
  input: { email?: string; name?: string; memberOf?: Array<{ organisationId: string; role: MemberRole }> } = {},
): Promise<{ id: string; email: string }> {
  const email = input.email ?? `person-${unique()}@example.org`;
  const [row] = await db.query(
    'INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id',
    [email, input.name ?? `Person ${unique()}`, await testPasswordHash()],
  );
  for (const membership of input.memberOf ?? []) {
    await db.query('INSERT INTO memberships (organisation_id, user_id, role) VALUES ($1, $2, $3)', [
      membership.organisationId,
      row.id,
      membership.role,
    ]);
  }
  return { id: row.id, email };
}

/** A member of the given organisation, signed in. */
export async function signedInMember(testApp: TestApp, organisationId: string, role: MemberRole): Promise<TestClient> {
  const user = await createUser(testApp.db, { memberOf: [{ organisationId, role }] });
  return signIn(testApp, user.email, TEST_PASSWORD);
}
