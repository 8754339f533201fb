import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@simashe/api-accounts';
import { AccessPolicy } from './access.policy';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { ORGANISATION_ENTITIES } from './organisation.entities';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

/** Organisations, memberships, invitations, partner grants, and the access policy every later module reuses. */
@Module({
  imports: [TypeOrmModule.forFeature(ORGANISATION_ENTITIES), AccountsModule],
  controllers: [OrganisationsController, InvitationsController],
  providers: [AccessPolicy, OrganisationsService, InvitationsService],
  exports: [AccessPolicy, OrganisationsService],
})
export class OrganisationsModule {}
