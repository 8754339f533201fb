import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, MAIL_TEXTS, mailLanguage, MailService, mailTime, ValidationError, type AppConfig, type AuthContext } from '@simashe/api-core';
import type { ChangePasswordRequest, PasswordResetDone, PasswordResetPreview, ResetPasswordRequest, SessionResponse } from '@simashe/contracts';
import { DataSource } from 'typeorm';
import { LoginRateLimiter } from './login-rate-limiter';
import { verifyPassword } from './password-hasher';
import { PasswordResetRateLimiter } from './password-reset-rate-limiter';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { hashSecretToken, newSecretToken } from './secret-token';
import { SessionsService } from './sessions.service';
import { presentCurrentUser, UsersService } from './users.service';

const WRONG_CURRENT_PASSWORD = 'The current password is not correct';
const LINK_UNKNOWN = 'This password reset link is not valid; copy the whole link from the email, or ask for a new one';
const LINK_USED = 'This password reset link has already been used; ask for a new one if you need to';
const LINK_EXPIRED = 'This password reset link has expired; ask for a new one';

function badLink(message: string): ValidationError {
  return new ValidationError(message, [{ path: 'token', message }]);
}

/** Changing a password while signed in, and the "forgot password" one-time link. */
@Injectable()
export class PasswordsService {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly loginLimiter: LoginRateLimiter,
    private readonly resetLimiter: PasswordResetRateLimiter,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Every other session of the person ends; the caller's own gets a new cookie token (the old cookie stops working
   * too), so this tab stays signed in. Wrong current passwords count towards the sign-in limits.
   */
  async change(auth: AuthContext, input: ChangePasswordRequest, address: string): Promise<{ token: string; session: SessionResponse }> {
    const email = auth.email.toLowerCase();
    this.loginLimiter.assertAllowed(email, address);
    const user = await this.users.getById(auth.userId);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      this.loginLimiter.recordFailure(email, address);
      throw new ValidationError(WRONG_CURRENT_PASSWORD, [{ path: 'currentPassword', message: WRONG_CURRENT_PASSWORD }]);
    }
    this.loginLimiter.recordSuccess(email);
    const { ended, rotated } = await this.db.transaction(async (manager) => {
      await this.users.setPassword(user.id, input.newPassword, manager);
      const ended = await this.sessions.revokeAllOf(user.id, { except: auth.sessionId, manager });
      return { ended, rotated: await this.sessions.rotate(auth.sessionId, manager) };
    });
    await this.sessions.announceRevoked(ended);
    await this.sessions.announceChanged({ sessionIds: [auth.sessionId] });
    return { token: rotated.token, session: { user: presentCurrentUser(user), csrfToken: rotated.csrfToken } };
  }

  /**
   * Makes a one-time link for the account with this email, if there is one, writes it to the log (as invitation
   * links are) and mails it when SMTP is configured. Says nothing about whether the account exists: the caller
   * answers the same either way, and the mail is not awaited so the answer takes as long.
   */
  async requestReset(email: string, address: string): Promise<void> {
    this.resetLimiter.takeRequest(email, address);
    const user = await this.users.findByEmail(email);
    if (!user) return;
    const { token, hash } = newSecretToken();
    const expiresAt = new Date(Date.now() + this.config.passwordResetTtlMinutes * 60_000);
    await this.db.transaction(async (manager) => {
      // Only the newest link works: asking again replaces the earlier one.
      await manager.delete(PasswordResetTokenEntity, { userId: user.id });
      await manager.insert(PasswordResetTokenEntity, { userId: user.id, tokenHash: hash, expiresAt });
    });
    const resetUrl = `${this.config.publicUrl}/reset-password/${token}`;
    this.logger.log(`Password reset link for ${user.email}: ${resetUrl}`);
    const language = mailLanguage(user.preferredLanguage);
    void this.mail.send({ to: user.email, ...MAIL_TEXTS.passwordReset(language, { email: user.email, url: resetUrl, expires: mailTime(expiresAt, language, user.timeZone ?? 'UTC') }) });
  }

  /** Whether a link still works, so the page can say so before the person types a new password. */
  async previewReset(token: string, address: string): Promise<PasswordResetPreview> {
    const link = await this.findUsable(token, address);
    return { expiresAt: link.expiresAt.toISOString() };
  }

  /** Sets the new password and ends every session of the person; the link is spent in the same transaction. */
  async reset(input: ResetPasswordRequest, address: string): Promise<PasswordResetDone> {
    const link = await this.findUsable(input.token, address);
    const user = await this.users.getById(link.userId);
    const ended = await this.db.transaction(async (manager) => {
      const spent = await manager
        .createQueryBuilder()
        .update(PasswordResetTokenEntity)
        .set({ usedAt: () => 'now()' })
        .where('id = :id AND used_at IS NULL AND expires_at > now()', { id: link.id })
        .execute();
      // Two submissions of one link at once: only the first sets a password.
      if (!spent.affected) throw badLink(LINK_USED);
      await this.users.setPassword(user.id, input.newPassword, manager);
      return this.sessions.revokeAllOf(user.id, { manager });
    });
    await this.sessions.announceRevoked(ended);
    // They proved they hold the mailbox: earlier failed sign-ins no longer lock the account.
    this.loginLimiter.recordSuccess(user.email.toLowerCase());
    return { email: user.email };
  }

  private async findUsable(token: string, address: string): Promise<PasswordResetTokenEntity> {
    this.resetLimiter.assertResetAllowed(address);
    const link = await this.db.getRepository(PasswordResetTokenEntity).findOneBy({ tokenHash: hashSecretToken(token) });
    const problem = !link ? LINK_UNKNOWN : link.usedAt ? LINK_USED : link.expiresAt.getTime() <= Date.now() ? LINK_EXPIRED : null;
    if (problem || !link) {
      this.resetLimiter.recordBadLink(address);
      throw badLink(problem ?? LINK_UNKNOWN);
    }
    return link;
  }
}
