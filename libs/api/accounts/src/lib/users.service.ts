import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ConflictError, NotFoundError } from '@simashe/api-core';
import type { CurrentUser, Language, UpdateProfileRequest } from '@simashe/contracts';
import { EntityManager, Repository } from 'typeorm';
import { hashPassword } from './password-hasher';
import { UserEntity } from './user.entity';

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
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findByEmail(email: string, manager?: EntityManager): Promise<UserEntity | null> {
    const repository = manager ? manager.getRepository(UserEntity) : this.users;
    return repository.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /** Which of these ids are accounts, in one query (other domains check references here, not in `users`). */
  async existingIds(ids: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Set();
    const rows: Array<{ id: string }> = await this.users.query('SELECT id FROM users WHERE id = ANY($1::uuid[])', [unique]);
    return new Set(rows.map((row) => row.id));
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
