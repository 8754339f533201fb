import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig, type AuthContext } from '@simashe/api-core';
import { randomBytes } from 'node:crypto';
import { LessThan, Repository } from 'typeorm';
import { hashSecretToken, newSecretToken } from './secret-token';
import { SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';

export const SESSION_COOKIE = 'simashe_session';
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface ResolvedSession {
  auth: AuthContext;
  csrfToken: string;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(userId: string, userAgent: string | undefined): Promise<{ token: string; session: SessionEntity }> {
    const { token, hash } = newSecretToken();
    const now = new Date();
    const session = await this.sessions.save(
      this.sessions.create({
        userId,
        tokenHash: hash,
        csrfToken: randomBytes(24).toString('base64url'),
        userAgent: userAgent?.slice(0, 300) ?? null,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionTtlHours * 3600_000),
      }),
    );
    // Expired rows are useless; clearing a user's own on sign-in keeps the table small without a job.
    await this.sessions.delete({ userId, expiresAt: LessThan(now) });
    return { token, session };
  }

  async resolve(token: string): Promise<ResolvedSession | null> {
    if (!token || token.length > 100) return null;
    const session = await this.sessions.findOneBy({ tokenHash: hashSecretToken(token) });
    const now = Date.now();
    if (!session || session.expiresAt.getTime() <= now) return null;
    const user = await this.users.findOne({ where: { id: session.userId }, select: { id: true, email: true } });
    if (!user) return null;
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.sessions.update(session.id, { lastSeenAt: new Date(now) });
    }
    return { auth: { userId: user.id, sessionId: session.id, email: user.email }, csrfToken: session.csrfToken };
  }

  async getCsrfToken(sessionId: string): Promise<string> {
    const session = await this.sessions.findOneByOrFail({ id: sessionId });
    return session.csrfToken;
  }

  async close(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
  }

  cookieOptions() {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: this.config.sessionTtlHours * 3600_000,
    };
  }
}
