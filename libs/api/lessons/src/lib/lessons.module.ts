import { ReportsModule } from '@simashe/api-reports';
import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { OrganisationsModule } from '@simashe/api-organisations';
import { SearchModule } from '@simashe/api-search';
import { LessonsController } from './lessons.controller';
import { LessonsService } from './lessons.service';

/** The lessons-learned log: structured entries, searchable across the network, exported to CSV/XLSX. */
@Module({ imports: [AccountsModule, OrganisationsModule, ReportsModule, SearchModule], controllers: [LessonsController], providers: [LessonsService], exports: [LessonsService] })
export class LessonsModule {}
