import { AccountsModule } from '@simashe/api-accounts';
import { Module } from '@nestjs/common';
import { CollaborationModule } from '@simashe/api-collaboration';
import { NotificationsModule } from '@simashe/api-notifications';
import { OrganisationsModule } from '@simashe/api-organisations';
import { SearchModule } from '@simashe/api-search';
import { AgendaService } from './agenda.service';
import { CalendarFeedController } from './calendar-feed.controller';
import { MeetingAccess } from './meeting-access';
import { MeetingSearch } from './meeting-search';
import { MeetingRemindersService } from './meeting-reminders.service';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';
import { MinutesService } from './minutes.service';

/** Meetings and webinars: scheduling, invitations, RSVP, calendars, agenda, minutes (real-time documents) and attendance. */
@Module({
  imports: [AccountsModule, OrganisationsModule, CollaborationModule, NotificationsModule, SearchModule],
  controllers: [MeetingsController, CalendarFeedController],
  providers: [MeetingAccess, MeetingSearch, MeetingsService, AgendaService, MinutesService, MeetingRemindersService],
  exports: [MeetingAccess, MeetingsService, MinutesService],
})
export class MeetingsModule {}
