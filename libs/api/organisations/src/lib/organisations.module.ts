import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@simashe/api-accounts';
import { AccessPolicy } from './access.policy';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { MentionNames } from './mention-names';
import { MembershipCallsController } from './membership-calls.controller';
import { MembershipCallsService } from './membership-calls.service';
import { NetworkController } from './network.controller';
import { NetworkService } from './network.service';
import { ORGANISATION_ENTITIES } from './organisation.entities';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

/** Organisations, memberships, invitations, partner grants, the network directory, and the access policy every later module reuses. */
@Module({
  imports: [TypeOrmModule.forFeature(ORGANISATION_ENTITIES), AccountsModule],
  controllers: [OrganisationsController, InvitationsController, NetworkController, MembershipCallsController],
  providers: [AccessPolicy, OrganisationsService, InvitationsService, NetworkService, MembershipCallsService, MentionNames],
  exports: [AccessPolicy, OrganisationsService, MembershipCallsService, MentionNames],
})
export class OrganisationsModule {}
