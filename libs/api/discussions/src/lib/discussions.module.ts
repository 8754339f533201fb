import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@simashe/api-organisations';
import { AccountsModule } from '@simashe/api-accounts';
import { LessonsModule } from '@simashe/api-lessons';
import { MeetingsModule } from '@simashe/api-meetings';
import { NotificationsModule } from '@simashe/api-notifications';
import { ReportsModule } from '@simashe/api-reports';
import { SearchModule } from '@simashe/api-search';
import { DiscussionsController } from './discussions.controller';
import { DiscussionsGateway } from './discussions.gateway';
import { DiscussionsRepository } from './discussions.repository';
import { DiscussionsService } from './discussions.service';

/** Threads on reports, meetings and lessons, and network-wide topics (communities of practice). */
@Module({
  imports: [AccountsModule, OrganisationsModule, ReportsModule, MeetingsModule, LessonsModule, NotificationsModule, SearchModule],
  controllers: [DiscussionsController],
  providers: [DiscussionsRepository, DiscussionsService, DiscussionsGateway],
})
export class DiscussionsModule {}
