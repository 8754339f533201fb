import { Injectable, type OnModuleInit } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { EventBus } from '@simashe/api-core';
import { OrganisationsService } from '@simashe/api-organisations';
import { AUDIT_ACTIONS, type AuditAction, type DomainEvents } from '@simashe/contracts';
import { AuditRepository, type AuditEntryToStore, type NewAuditEntry } from './audit.repository';

type Draft = Omit<NewAuditEntry, 'action' | 'actor'>;

/** How each audited event becomes an entry; null leaves it out. One per action, or this does not compile. */
const ENTRIES: { [K in AuditAction]: (event: DomainEvents[K]) => Draft | null } = {
  'auth.signed_in': () => ({ organisationId: null, target: null, details: {} }),
  'auth.sign_in_failed': (e) => ({ actorEmail: e.email, organisationId: null, target: e.userId ? { type: 'user', id: e.userId } : null, details: {} }),
  'auth.signed_out': () => ({ organisationId: null, target: null, details: {} }),
  'invitation.sent': (e) => ({
    organisationId: e.organisationId,
    target: { type: 'invitation', id: e.invitationId, name: e.email },
    details: { role: e.role, emailSent: e.emailSent },
  }),
  'invitation.accepted': (e) => ({
    organisationId: e.organisationId,
    target: { type: 'invitation', id: e.invitationId, name: e.email },
    details: { role: e.role, newAccount: e.newAccount },
  }),
  'member.role_changed': (e) => ({ organisationId: e.organisationId, target: { type: 'user', id: e.userId }, details: { from: e.from, to: e.to } }),
  'member.removed': (e) => ({ organisationId: e.organisationId, target: { type: 'user', id: e.userId }, details: { role: e.role, left: e.left } }),
  'partner_grant.added': (e) => ({ organisationId: e.organisationId, target: { type: 'organisation', id: e.partnerOrganisationId, name: e.partnerName }, details: {} }),
  'partner_grant.removed': (e) => ({ organisationId: e.organisationId, target: { type: 'organisation', id: e.partnerOrganisationId }, details: {} }),
  'report.submitted': (e) => ({ organisationId: e.organisationId, target: { type: 'report', id: e.reportId, name: e.title }, details: { from: e.from } }),
  'report.reopened': (e) => ({ organisationId: e.organisationId, target: { type: 'report', id: e.reportId, name: e.title }, details: { to: e.to } }),
  'data.exported': (e) => ({ organisationId: e.organisationId, target: e.target, details: { dataset: e.dataset, format: e.format, rows: e.rows, filters: e.filters } }),
  // Files open to the whole network are read freely; only downloads of narrower audiences are worth a record.
  'file.downloaded': (e) =>
    e.restricted
      ? {
          organisationId: e.organisationId,
          target: { type: 'file', id: e.fileId, name: e.fileName },
          details: { parentType: e.parent.type, parentId: e.parent.id, parentTitle: e.parent.title },
        }
      : null,
};

/** Listens to the bus and writes one audit entry per audited event, before the request that caused it answers. */
@Injectable()
export class AuditRecorder implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly repository: AuditRepository,
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  onModuleInit(): void {
    for (const action of AUDIT_ACTIONS) this.listen(action);
  }

  private listen<K extends AuditAction>(action: K): void {
    this.events.on(action, async (event) => {
      const draft = ENTRIES[action](event);
      if (draft) await this.repository.insert(await this.named({ action, actor: event.actor, ...draft }));
    });
  }

  /** The entry with the names of the people and organisation it concerns, as they are called now (two lookups at most). */
  private async named(entry: NewAuditEntry): Promise<AuditEntryToStore> {
    const { actor, target } = entry;
    const targetUser = target?.type === 'user' && target.name == null ? target.id : null;
    const targetOrganisation = target?.type === 'organisation' && target.name == null ? target.id : null;
    const [people, organisations] = await Promise.all([
      this.users.people([actor.userId, targetUser]),
      this.organisations.names([entry.organisationId, targetOrganisation]),
    ]);
    const person = actor.userId ? people.get(actor.userId) : undefined;
    const targetName = target?.name ?? (targetUser ? people.get(targetUser)?.name : targetOrganisation ? organisations.get(targetOrganisation) : null) ?? null;
    return {
      ...entry,
      actorEmail: entry.actorEmail ?? person?.email ?? null,
      actorName: person?.name ?? null,
      organisationName: entry.organisationId ? (organisations.get(entry.organisationId) ?? null) : null,
      target: target ? { ...target, name: targetName } : null,
    };
  }
}
