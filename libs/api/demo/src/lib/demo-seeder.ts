import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { APP_CONFIG, type AppConfig } from '@simashe/api-core';
import { CyclesDemo } from '@simashe/api-cycles';
import { LessonsService } from '@simashe/api-lessons';
import { AccessGrantEntity, CountryEntity, MembershipEntity, OrganisationEntity } from '@simashe/api-organisations';
import { DataSource } from 'typeorm';
import { DemoActivity } from './demo-activity';
import { DEMO_LESSONS } from './demo-lessons';
import { DEMO_PASSWORD, DEMO_WORKSPACE } from './demo-workspace';

/**
 * Loads the demo workspace into an empty database so a first local start shows a living workspace.
 * Never touches a database that already has organisations.
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly lessons: LessonsService,
    private readonly cycles: CyclesDemo,
    private readonly activity: DemoActivity,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.seedDemo) await this.seed();
  }

  async seed(): Promise<boolean> {
    if ((await this.db.getRepository(OrganisationEntity).count()) > 0) return false;
    await this.db.transaction(async (manager) => {
      const idByKey = new Map<string, string>();
      for (const demo of DEMO_WORKSPACE) {
        const country = demo.countryIso3 ? await manager.findOneByOrFail(CountryEntity, { iso3: demo.countryIso3 }) : null;
        const organisation = await manager.save(
          manager.create(OrganisationEntity, {
            name: demo.name,
            kind: demo.kind,
            regionCode: country?.regionCode ?? demo.regionCode ?? null,
            countryIso3: country?.iso3 ?? null,
            // Every demo organisation works where its first member lives.
            timeZone: demo.members[0]?.timeZone ?? 'UTC',
          }),
        );
        if (demo.expertise || demo.website) {
          await manager.query('UPDATE organisations SET expertise = $2, website = $3 WHERE id = $1', [organisation.id, demo.expertise ?? [], demo.website ?? null]);
        }
        idByKey.set(demo.key, organisation.id);
        for (const person of demo.members) {
          const user = await this.users.create(
            { email: person.email, name: person.name, password: DEMO_PASSWORD, timeZone: person.timeZone, preferredLanguage: person.language },
            manager,
          );
          await manager.insert(MembershipEntity, { organisationId: organisation.id, userId: user.id, role: person.role, representative: person.representative ?? false });
          if (person.steeringCommittee) await manager.query('INSERT INTO steering_committee (user_id) VALUES ($1)', [user.id]);
        }
      }
      for (const demo of DEMO_WORKSPACE) {
        for (const target of demo.grantedReadOn ?? []) {
          await manager.insert(AccessGrantEntity, {
            granteeOrganisationId: idByKey.get(demo.key),
            resourceType: 'organisation',
            resourceId: idByKey.get(target),
          });
        }
      }
    });
    await this.seedLessons();
    await this.cycles.seed();
    await this.activity.seed();
    this.logger.log(`Demo workspace loaded: ${DEMO_WORKSPACE.length} organisations; password "${DEMO_PASSWORD}"`);
    return true;
  }

  /** Written through the lessons service as their authors, so they are indexed for search like any other. */
  private async seedLessons(): Promise<void> {
    for (const demo of DEMO_LESSONS) {
      const [author] = await this.db.query('SELECT id FROM users WHERE email = $1', [demo.author]);
      const organisation = DEMO_WORKSPACE.find((o) => o.key === demo.organisation)!;
      const [row] = await this.db.query('SELECT id FROM organisations WHERE name = $1', [organisation.name]);
      const auth = { userId: author.id, sessionId: '', email: demo.author };
      const lesson = await this.lessons.create(auth, { ...demo.lesson, organisationId: row.id });
      if (demo.publish) await this.lessons.setStatus(auth, lesson.id, 'published');
    }
  }
}
