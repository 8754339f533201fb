import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@simashe/api-organisations';
import { CalendarFeedController } from './calendar-feed.controller';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

@Module({ imports: [OrganisationsModule], controllers: [MeetingsController, CalendarFeedController], providers: [MeetingsService] })
export class MeetingsModule {}
