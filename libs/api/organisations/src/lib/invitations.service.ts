import { Inject, Injectable, Logger } from '@nestjs/common';
import { hashSecretToken, newSecretToken, UsersService } from '@simashe/api-accounts';
import {
  APP_CONFIG,
  ConflictError,
  EventBus,
  eventActor,
  MAIL_TEXTS,
  mailLanguage,
  MailService,
  mailTime,
  NotFoundError,
  ValidationError,
  type AppConfig,
  type AuthContext,
} from '@simashe/api-core';
import type {
  AcceptInvitationRequest,
  CreateInvitationRequest,
  InvitationCreated,
  InvitationPreview,
  MemberRole,
} from '@simashe/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AccessPolicy } from './access.policy';
import { InvitationEntity, MembershipEntity, OrganisationEntity } from './organisation.entities';

const NO_LONGER_VALID = 'This invitation link is no longer valid (already used, withdrawn or expired); ask for a new one';

@Injectable()
export class InvitationsService {
  private readonly logger = new Logger('Invitations');

  constructor(
    private readonly db: DataSource,
    private readonly policy: AccessPolicy,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly events: EventBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(auth: AuthContext, organisationId: string, input: CreateInvitationRequest): Promise<InvitationCreated> {
    await this.policy.requireAccess(auth, 'organisation:manage', organisationId);
    const organisation = await this.db.getRepository(OrganisationEntity).findOneByOrFail({ id: organisationId });
    const existingUser = await this.users.findByEmail(input.email);
    if (existingUser && (await this.db.getRepository(MembershipEntity).existsBy({ organisationId, userId: existingUser.id }))) {
      throw new ConflictError(`${input.email} is already a member of ${organisation.name}`);
    }
    const { invitation, token } = await this.db.transaction((manager) => this.prepare(manager, organisationId, input, auth.userId));
    return this.announce(auth, organisation.name, invitation, token);
  }

  /**
   * Stores an invitation within the caller's transaction (inviting the same person again withdraws the earlier
   * link, so only one is ever live). The caller announces it once committed.
   */
  async prepare(manager: EntityManager, organisationId: string, input: CreateInvitationRequest, invitedBy: string): Promise<{ invitation: InvitationEntity; token: string }> {
    const { token, hash } = newSecretToken();
    await manager.update(InvitationEntity, { organisationId, email: input.email, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
    const invitation = await manager.save(
      manager.create(InvitationEntity, {
        organisationId,
        email: input.email,
        role: input.role,
        tokenHash: hash,
        invitedBy,
        expiresAt: new Date(Date.now() + this.config.invitationTtlHours * 3600_000),
      }),
    );
    return { invitation, token };
  }

  /** A stored invitation made known: its link logged and mailed (the inviter's language, then English), the event recorded. */
  async announce(auth: AuthContext, organisationName: string, invitation: InvitationEntity, token: string): Promise<InvitationCreated> {
    const role = invitation.role as MemberRole;
    const acceptUrl = `${this.config.publicUrl}/invitations/${token}`;
    this.logger.log(`Invitation to ${invitation.email} for "${organisationName}" as ${role}: ${acceptUrl}`);
    // The invitee has no profile yet: the inviting admin's language, with English after it when that differs.
    const inviter = (await this.users.people([auth.userId])).get(auth.userId);
    const language = mailLanguage(inviter?.preferredLanguage);
    const words = (lang: typeof language) =>
      MAIL_TEXTS.invitation(lang, { organisation: organisationName, role, url: acceptUrl, expires: mailTime(invitation.expiresAt, lang, inviter?.timeZone ?? 'UTC') });
    const mail = words(language);
    const emailSent = await this.mail.send({ to: invitation.email, subject: mail.subject, text: language === 'en' ? mail.text : `${mail.text}\n\n---\n\n${words('en').text}` });
    await this.events.emit('invitation.sent', {
      actor: eventActor(auth),
      organisationId: invitation.organisationId,
      invitationId: invitation.id,
      email: invitation.email,
      role,
      emailSent,
    });
    return {
      id: invitation.id,
      email: invitation.email,
      role,
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
      acceptUrl,
      emailSent,
    };
  }

  async revoke(auth: AuthContext, organisationId: string, invitationId: string): Promise<void> {
    await this.policy.requireAccess(auth, 'organisation:manage', organisationId);
    const result = await this.db
      .getRepository(InvitationEntity)
      .update({ id: invitationId, organisationId, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!result.affected) throw new NotFoundError('The pending invitation');
  }

  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.findLive(token);
    const organisation = await this.db.getRepository(OrganisationEntity).findOneByOrFail({ id: invitation.organisationId });
    return {
      organisationName: organisation.name,
      email: invitation.email,
      role: invitation.role as MemberRole,
      expiresAt: invitation.expiresAt.toISOString(),
      accountExists: (await this.users.findByEmail(invitation.email)) !== null,
    };
  }

  /**
   * A new person sets name and password here; someone who already has an account accepts while signed in
   * as that account. Either way the link is spent in the same transaction that grants the membership.
   */
  async accept(
    token: string,
    input: AcceptInvitationRequest,
    auth: AuthContext | undefined,
    origin: { ip: string | null; userAgent: string | null } = { ip: null, userAgent: null },
  ): Promise<{ organisationId: string; email: string }> {
    const invitation = await this.findLive(token);
    const existing = await this.users.findByEmail(invitation.email);
    if (existing && auth?.userId !== existing.id) {
      throw new ConflictError(`An account for ${invitation.email} already exists: sign in as that account, then open this link again`);
    }
    if (!existing && (!input.name || !input.password)) {
      const details = [
        ...(input.name ? [] : [{ path: 'name', message: 'Name is required' }]),
        ...(input.password ? [] : [{ path: 'password', message: 'Password is required' }]),
      ];
      throw new ValidationError('Choose your name and a password to create your account', details);
    }
    const userId = await this.db.transaction(async (manager) => {
      const spent = await manager
        .createQueryBuilder()
        .update(InvitationEntity)
        .set({ acceptedAt: () => 'now()' })
        .where('id = :id AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()', { id: invitation.id })
        .execute();
      if (!spent.affected) throw new NotFoundError(undefined, NO_LONGER_VALID);
      const user =
        existing ??
        (await this.users.create(
          {
            email: invitation.email,
            name: input.name as string,
            password: input.password as string,
            preferredLanguage: input.preferredLanguage,
            timeZone: input.timeZone,
          },
          manager,
        ));
      await manager.update(InvitationEntity, { id: invitation.id }, { acceptedBy: user.id });
      await manager
        .createQueryBuilder()
        .insert()
        .into(MembershipEntity)
        .values({ organisationId: invitation.organisationId, userId: user.id, role: invitation.role })
        .orUpdate(['role'], ['organisation_id', 'user_id'])
        .execute();
      return user.id;
    });
    await this.events.emit('access.changed', { userIds: [userId] });
    await this.events.emit('invitation.accepted', {
      actor: { userId, ...origin },
      organisationId: invitation.organisationId,
      invitationId: invitation.id,
      email: invitation.email,
      role: invitation.role as MemberRole,
      newAccount: !existing,
    });
    return { organisationId: invitation.organisationId, email: invitation.email };
  }

  private async findLive(token: string): Promise<InvitationEntity> {
    const invitation = await this.db.getRepository(InvitationEntity).findOneBy({ tokenHash: hashSecretToken(token) });
    if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
      throw new NotFoundError(undefined, NO_LONGER_VALID);
    }
    return invitation;
  }
}
