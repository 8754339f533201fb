import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@simashe/api-organisations';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

@Module({ imports: [OrganisationsModule], controllers: [MeetingsController], providers: [MeetingsService] })
export class MeetingsModule {}
