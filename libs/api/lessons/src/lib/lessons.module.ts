import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@simashe/api-organisations';
import { SearchModule } from '@simashe/api-search';
import { LessonsController } from './lessons.controller';
import { LessonsService } from './lessons.service';

/** The lessons-learned log: structured entries, searchable across the network, exported to CSV/XLSX. */
@Module({ imports: [OrganisationsModule, SearchModule], controllers: [LessonsController], providers: [LessonsService], exports: [LessonsService] })
export class LessonsModule {}
