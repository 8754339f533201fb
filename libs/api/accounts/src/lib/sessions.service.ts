import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { APP_CONFIG, clientIp, clientUserAgent, EventBus, ExpiringCache, NotFoundError, PreparedStatements, UnauthenticatedError, type AppConfig, type AuthContext } from '@simashe/api-core';
import { SUPPORTED_LANGUAGES, type Language, type SessionInfo } from '@simashe/contracts';
import { randomBytes } from 'node:crypto';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { hashSecretToken, newSecretToken } from './secret-token';
import { SessionEntity } from './session.entity';
import { sessionWithUser, type SessionWithUserRow } from './sessions.repository';
import { describeUserAgent } from './user-agent';
import { UserEntity } from './user.entity';

export const SESSION_COOKIE = 'simashe_session';
/**
 * last_seen_at is written at most this often: a write on every request would cost more than the idle timeout
 * gains from the precision (it is counted in minutes to days).
 */
const TOUCH_INTERVAL_MS = 60 * 1000;

export interface ResolvedSession {
  auth: AuthContext;
  csrfToken: string;
}

/** Told the ids of sessions that just ended, so live connections opened with them can be closed. */
export type SessionRevocationListener = (sessionIds: ReadonlySet<string>) => void;

export function presentSession(session: SessionEntity, currentSessionId: string): SessionInfo {
  return {
    id: session.id,
    userAgent: session.userAgent,
    device: describeUserAgent(session.userAgent),
    ip: session.ip,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    current: session.id === currentSessionId,
  };
}

@Injectable()
export class SessionsService {
  /**
   * Sessions read lately, by token hash: every request resolves its session, and most come again within seconds.
   * Whatever ends or changes a session drops it here and, through `sessions.revoked` / `sessions.changed`, on every
   * other instance; `AUTH_CACHE_SECONDS` bounds how long one is trusted without reading it again.
   */
  private readonly recent: ExpiringCache<string, SessionWithUserRow>;

  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: EventBus,
    private readonly prepared: PreparedStatements,
  ) {
    this.recent = new ExpiringCache(config.authCacheSeconds * 1000);
    events.on('sessions.revoked', ({ sessionIds }) => {
      const ended = new Set(sessionIds);
      this.recent.deleteWhere((row) => ended.has(row.id));
    });
    events.on('sessions.changed', ({ sessionIds, userIds }) => {
      const sessions = new Set(sessionIds);
      const users = new Set(userIds);
      this.recent.deleteWhere((row) => sessions.has(row.id) || users.has(row.user_id));
    });
  }

  async open(userId: string, userAgent: string | undefined, ip?: string): Promise<{ token: string; session: SessionEntity }> {
    const { token, hash } = newSecretToken();
    const now = new Date();
    const session = await this.sessions.save(
      this.sessions.create({
        userId,
        tokenHash: hash,
        csrfToken: randomBytes(24).toString('base64url'),
        userAgent: clientUserAgent(userAgent),
        ip: clientIp(ip),
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.lifetimeMs),
      }),
    );
    // Expired rows are useless; clearing a user's own on sign-in keeps the table small without a job.
    await this.sessions.delete({ userId, expiresAt: LessThan(now) });
    return { token, session };
  }

  /**
   * The session a cookie token names, if it is still live: within its absolute lifetime and used within the
   * idle timeout. A dead one is deleted on the spot. Records when (and from where) it was last used, at most
   * once a minute.
   */
  async resolve(token: string, ip?: string): Promise<ResolvedSession | null> {
    if (!token || token.length > 100) return null;
    // The session and its person in one statement, unless read moments ago: this runs on every request.
    const tokenHash = hashSecretToken(token);
    const cached = this.recent.get(tokenHash);
    // Taken before reading: a sign-out (or any change) while this request reads keeps what it read out of the cache.
    const mark = this.recent.mark;
    const row = cached ?? (await sessionWithUser(this.prepared, tokenHash));
    if (!row) return null;
    const session = { id: row.id, userId: row.user_id, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at };
    const now = Date.now();
    if (!this.isLive(session, now)) {
      this.recent.delete(tokenHash);
      await this.sessions.delete({ id: session.id });
      await this.announceRevoked([session.id]);
      return null;
    }
    const user = { id: row.user_id, email: row.email, preferredLanguage: row.preferred_language, timeZone: row.time_zone };
    if (now - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
      const address = clientIp(ip);
      await this.sessions.update(session.id, { lastSeenAt: new Date(now), ...(address ? { ip: address } : {}) });
      row.last_seen_at = new Date(now);
    }
    // Cached once per read from the database: serving it from memory does not extend its time there, so
    // AUTH_CACHE_SECONDS bounds how long a session is trusted without being read again, in use or not.
    if (!cached) this.recent.set(tokenHash, row, mark);
    const language = (SUPPORTED_LANGUAGES as readonly string[]).includes(user.preferredLanguage) ? (user.preferredLanguage as Language) : 'en';
    return { auth: { userId: user.id, sessionId: session.id, email: user.email, name: row.name, language, timeZone: user.timeZone }, csrfToken: row.csrf_token };
  }

  async getCsrfToken(sessionId: string): Promise<string> {
    // Ended since this request's session was resolved (from memory): the caller is signed out.
    const session = await this.sessions.findOneBy({ id: sessionId });
    if (!session) throw new UnauthenticatedError();
    return session.csrfToken;
  }

  /** The caller's live sessions, this one first, then the most recently used. */
  async list(auth: AuthContext): Promise<SessionInfo[]> {
    const rows = await this.sessions.find({ where: { userId: auth.userId }, order: { lastSeenAt: 'DESC', createdAt: 'DESC' } });
    const now = Date.now();
    return rows
      .filter((session) => this.isLive(session, now))
      .map((session) => presentSession(session, auth.sessionId))
      .sort((a, b) => Number(b.current) - Number(a.current));
  }

  /** Ends one of the caller's sessions; someone else's is answered as not found. */
  async revoke(auth: AuthContext, sessionId: string): Promise<void> {
    const result = await this.sessions.delete({ id: sessionId, userId: auth.userId });
    if (!result.affected) throw new NotFoundError('The session');
    await this.announceRevoked([sessionId]);
  }

  /** Ends every session of the caller but the one making the request. */
  async revokeOthers(auth: AuthContext): Promise<number> {
    const ended = await this.revokeAllOf(auth.userId, { except: auth.sessionId });
    await this.announceRevoked(ended);
    return ended.length;
  }

  /**
   * Deletes a person's sessions (all, or all but one) and returns their ids. Inside a transaction when given a
   * manager; the caller then announces the ids once it has committed.
   */
  async revokeAllOf(userId: string, options: { except?: string; manager?: EntityManager } = {}): Promise<string[]> {
    const query = this.repository(options.manager).createQueryBuilder().delete().from(SessionEntity).where('user_id = :userId', { userId });
    if (options.except) query.andWhere('id <> :except', { except: options.except });
    const result = await query.returning('id').execute();
    return (result.raw as Array<{ id: string }>).map((row) => row.id);
  }

  /**
   * Gives a session a new cookie token and CSRF token and restarts its lifetime (the person just proved their
   * password again): the old cookie stops working, live connections of this session keep going.
   */
  async rotate(sessionId: string, manager?: EntityManager): Promise<{ token: string; csrfToken: string }> {
    const { token, hash } = newSecretToken();
    const csrfToken = randomBytes(24).toString('base64url');
    const now = new Date();
    await this.repository(manager)
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ tokenHash: hash, csrfToken, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + this.lifetimeMs) })
      .where('id = :sessionId', { sessionId })
      .execute();
    return { token, csrfToken };
  }

  async close(sessionId: string): Promise<void> {
    await this.sessions.delete({ id: sessionId });
    await this.announceRevoked([sessionId]);
  }

  /** Socket namespaces listen here (through the event bus) to drop connections whose session ended. Returns the way to stop. */
  onRevoked(listener: SessionRevocationListener): () => void {
    return this.events.on('sessions.revoked', ({ sessionIds }) => listener(new Set(sessionIds)));
  }

  /** Socket namespaces listen here to read again the sessions of people whose profile changed (name, language, zone). */
  onChanged(listener: (change: { sessionIds: ReadonlySet<string>; userIds: ReadonlySet<string> }) => void): () => void {
    return this.events.on('sessions.changed', ({ sessionIds, userIds }) => listener({ sessionIds: new Set(sessionIds), userIds: new Set(userIds) }));
  }

  async announceRevoked(sessionIds: string[]): Promise<void> {
    if (sessionIds.length > 0) await this.events.emit('sessions.revoked', { sessionIds });
  }

  /** Once a change is committed: these sessions (a rotated token), or these people's (a new email, language or zone), are read again everywhere. */
  async announceChanged(change: { sessionIds?: string[]; userIds?: string[] }): Promise<void> {
    await this.events.emit('sessions.changed', { sessionIds: change.sessionIds ?? [], userIds: change.userIds ?? [] });
  }

  cookieOptions() {
    return {
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: this.config.cookieSecure,
      path: '/',
      maxAge: this.lifetimeMs,
    };
  }

  private get lifetimeMs(): number {
    return this.config.sessionLifetimeHours * 3600_000;
  }

  /** Absolute lifetime from sign-in (the shorter of the stored deadline and the current setting) and idle timeout. */
  private isLive(session: Pick<SessionEntity, 'expiresAt' | 'createdAt' | 'lastSeenAt'>, now: number): boolean {
    const ends = Math.min(session.expiresAt.getTime(), session.createdAt.getTime() + this.lifetimeMs);
    return now < ends && now - session.lastSeenAt.getTime() < this.config.sessionIdleTimeoutMinutes * 60_000;
  }

  private repository(manager?: EntityManager): Repository<SessionEntity> {
    return manager ? manager.getRepository(SessionEntity) : this.sessions;
  }
}
