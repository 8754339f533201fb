import { Injectable } from '@nestjs/common';
import { clientIp, clientUserAgent, EventBus, eventActor, UnauthenticatedError, type AuthContext } from '@simashe/api-core';
import type { CurrentUser, LoginRequest, SessionResponse, UpdateProfileRequest } from '@simashe/contracts';
import { LoginRateLimiter } from './login-rate-limiter';
import { TIMING_DECOY_HASH, verifyPassword } from './password-hasher';
import { SessionsService } from './sessions.service';
import { presentCurrentUser, UsersService } from './users.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginRateLimiter,
    private readonly events: EventBus,
  ) {}

  async signIn(
    credentials: LoginRequest,
    address: string,
    userAgent: string | undefined,
  ): Promise<{ token: string; session: SessionResponse }> {
    this.limiter.assertAllowed(credentials.email, address);
    const user = await this.users.findByEmail(credentials.email);
    const valid = await verifyPassword(user?.passwordHash ?? (await TIMING_DECOY_HASH), credentials.password);
    const origin = { ip: clientIp(address), userAgent: clientUserAgent(userAgent) };
    if (!user || !valid) {
      this.limiter.recordFailure(credentials.email, address);
      await this.events.emit('auth.sign_in_failed', { actor: { userId: null, ...origin }, email: credentials.email, userId: user?.id ?? null });
      throw new UnauthenticatedError('Email or password is incorrect');
    }
    this.limiter.recordSuccess(credentials.email);
    const { token, session } = await this.sessions.open(user.id, userAgent, address);
    await this.events.emit('auth.signed_in', { actor: { userId: user.id, ...origin }, sessionId: session.id });
    return { token, session: { user: presentCurrentUser(user), csrfToken: session.csrfToken } };
  }

  async signOut(auth: AuthContext): Promise<void> {
    await this.sessions.close(auth.sessionId);
    await this.events.emit('auth.signed_out', { actor: eventActor(auth), sessionId: auth.sessionId });
  }

  async describeSession(auth: AuthContext): Promise<SessionResponse> {
    const [user, csrfToken] = await Promise.all([this.users.getById(auth.userId), this.sessions.getCsrfToken(auth.sessionId)]);
    return { user: presentCurrentUser(user), csrfToken };
  }

  async updateProfile(auth: AuthContext, changes: UpdateProfileRequest): Promise<CurrentUser> {
    const user = await this.users.updateProfile(auth.userId, changes);
    await this.sessions.announceChanged({ userIds: [auth.userId] });
    return presentCurrentUser(user);
  }
}
