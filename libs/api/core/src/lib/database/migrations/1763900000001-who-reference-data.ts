import type { MigrationInterface, QueryRunner } from 'typeorm';
import { WHO_MEMBER_STATES, WHO_REGIONS } from '../who-member-states';

export class WhoReferenceData1763900000001 implements MigrationInterface {
  name = 'WhoReferenceData1763900000001';

  async up(db: QueryRunner): Promise<void> {
    for (const region of WHO_REGIONS) {
      await db.query('INSERT INTO who_regions (code, name, office_name) VALUES ($1, $2, $3)', [
        region.code,
        region.name,
        region.officeName,
      ]);
    }
    const rows = Object.entries(WHO_MEMBER_STATES).flatMap(([regionCode, states]) =>
      states.map(([iso3, iso2, name]) => [iso3, iso2, name, regionCode]),
    );
    await db.query(
      `INSERT INTO countries (iso3, iso2, name, region_code)
       SELECT * FROM unnest($1::char(3)[], $2::char(2)[], $3::text[], $4::varchar(5)[])`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3])],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DELETE FROM countries; DELETE FROM who_regions;');
  }
}
