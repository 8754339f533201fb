import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { APP_CONFIG, ConflictError, distinctIds, EventBus, ExpiringCache, NotFoundError, PreparedStatements, type AppConfig } from '@simashe/api-core';
import type { CurrentUser, Language, UpdateProfileRequest } from '@simashe/contracts';
import { EntityManager, Repository } from 'typeorm';
import { hashPassword } from './password-hasher';
import { UserEntity } from './user.entity';
import { existingUserIds, idsByEmail, mergeNotificationPreferences, notificationPreferencesOf, peopleByIds, peopleNamed, type Person } from './users.repository';

export type { Person };

/** People's names by id, as `UsersService.names` gives them. */
export type PeopleNames = ReadonlyMap<string, string>;

/** A name from `UsersService.names`: null for no one, or someone no longer there (a deleted account). */
export const nameOf = (names: PeopleNames, id: string | null | undefined): string | null => (id ? (names.get(id) ?? null) : null);

export interface NewUser {
  email: string;
  name: string;
  password: string;
  preferredLanguage?: Language;
  timeZone?: string;
}

export function presentCurrentUser(user: UserEntity): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    preferredLanguage: user.preferredLanguage as Language,
    timeZone: user.timeZone,
    reminderMinutes: [...user.reminderMinutes].sort((a, b) => b - a),
    emailReminders: user.emailReminders,
  };
}

@Injectable()
export class UsersService {
  /**
   * People read moments ago, by id, for `AUTH_CACHE_SECONDS`: every list of every domain names people. A profile
   * change drops the person here and on every instance (`sessions.changed`), as it does their sessions.
   */
  private readonly recent: ExpiringCache<string, Person>;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly prepared: PreparedStatements,
    events: EventBus,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'authCacheSeconds'>,
  ) {
    this.recent = new ExpiringCache(config.authCacheSeconds * 1000);
    events.on('sessions.changed', ({ userIds }) => {
      for (const id of userIds) this.recent.delete(id);
    });
  }

  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    const repository = manager ? manager.getRepository(UserEntity) : this.users;
    return repository.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** Which of these ids are accounts, in one query (other domains check references here, not in `users`). */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    const unique = distinctIds(ids);
    return new Set(unique.length ? await existingUserIds(this.users.manager, unique) : []);
  }

  /**
   * The people with these ids, by id, in one query: other domains show names (authors, owners, reviewers) and
   * notify people (language, zone, reminders) through this, never by joining `users`. Ids that are not accounts
   * (a deleted person) are absent; nulls are ignored.
   */
  async people(ids: Iterable<string | null | undefined>, manager?: EntityManager): Promise<Map<string, Person>> {
    const unique = distinctIds(ids);
    // Inside a transaction: read there (it may hold new people), never from or into the cache.
    if (manager) return new Map((unique.length ? await peopleByIds(manager, unique) : []).map((person) => [person.id, person]));
    // A prepared statement: lists of every domain ask this on each request.
    return this.recent.getMany(unique, async (missing) => (await peopleByIds(this.prepared, missing)).map((person) => [person.id, person]));
  }

  /** The ids of the accounts with these emails (any case), by the email as given, in one query (the demo finds its people so). */
  async idsByEmail(emails: readonly string[], manager?: EntityManager): Promise<Map<string, string>> {
    const unique = [...new Set(emails)];
    const rows = unique.length ? await idsByEmail(manager ?? this.users.manager, unique.map((email) => email.toLowerCase())) : [];
    const byStored = new Map(rows.map((row) => [row.email, row.id]));
    return new Map(unique.flatMap((email): Array<[string, string]> => (byStored.has(email.toLowerCase()) ? [[email, byStored.get(email.toLowerCase()) as string]] : [])));
  }

  /** The names of these people, by id (see `people`). */
  async names(ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
    const people = await this.people(ids);
    return new Map([...people.values()].map((person) => [person.id, person.name]));
  }

  /** One person's name (null for no id or an unknown one), through the same cached lookup as `names`. */
  async name(id: string | null | undefined): Promise<string | null> {
    return nameOf(await this.names([id]), id);
  }

  /** People whose name contains `text` (case-insensitive; `%` and `_` are plain characters), by name. */
  named(text: string, limit: number): Promise<Array<{ id: string; name: string }>> {
    return peopleNamed(this.users.manager, text, limit);
  }

  /** What the person chose to be told about, as stored (api-notifications reads it with its defaults). */
  notificationPreferences(userId: string): Promise<Record<string, boolean>> {
    return notificationPreferencesOf(this.users.manager, userId);
  }

  /** Changes some of the person's notification choices, keeping the others. */
  setNotificationPreferences(userId: string, changes: Record<string, boolean>): Promise<void> {
    return mergeNotificationPreferences(this.users.manager, userId, changes);
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundError('The user');
    return user;
  }

  /** Inside the caller's transaction when given one, so an invitation and its new account commit together. */
  async create(input: NewUser, manager?: EntityManager): Promise<UserEntity> {
    const repository = manager ? manager.getRepository(UserEntity) : this.users;
    if (await this.findByEmail(input.email, manager)) {
      throw new ConflictError('An account with this email already exists; sign in instead');
    }
    return repository.save(
      repository.create({
        email: input.email.toLowerCase(),
        name: input.name,
        passwordHash: await hashPassword(input.password),
        preferredLanguage: input.preferredLanguage ?? 'en',
        timeZone: input.timeZone ?? 'UTC',
      }),
    );
  }

  async setPassword(userId: string, password: string, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(UserEntity) : this.users;
    await repository.update({ id: userId }, { passwordHash: await hashPassword(password) });
  }

  async updateProfile(userId: string, changes: UpdateProfileRequest): Promise<UserEntity> {
    const user = await this.getById(userId);
    Object.assign(user, changes);
    return this.users.save(user);
  }
}
