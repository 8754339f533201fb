import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { OrganisationsModule } from '@simashe/api-organisations';
import { NetworkNotices } from './network-notices';
import { NotificationsGateway } from './notifications.gateway';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

/** The in-app inbox shared by every domain (meeting reminders now; mentions, replies and submissions next). */
@Module({
  imports: [AccountsModule, OrganisationsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationsGateway, NetworkNotices],
  exports: [NotificationsService],
})
export class NotificationsModule {}
