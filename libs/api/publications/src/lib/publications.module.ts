import { Module } from '@nestjs/common';
import { CollaborationModule } from '@simashe/api-collaboration';
import { CyclesModule } from '@simashe/api-cycles';
import { LessonsModule } from '@simashe/api-lessons';
import { MonitoringModule } from '@simashe/api-monitoring';
import { OrganisationsModule } from '@simashe/api-organisations';
import { ReportsModule } from '@simashe/api-reports';
import { SearchModule } from '@simashe/api-search';
import { PublicationsController } from './publications.controller';
import { PublicationsDemo } from './publications-demo';
import { PublicationsRepository } from './publications.repository';
import { PublicationsService } from './publications.service';

/** Joint publications: authors across organisations, status to published with a DOI, a real-time draft, links, citations. */
@Module({
  imports: [OrganisationsModule, CollaborationModule, ReportsModule, LessonsModule, CyclesModule, MonitoringModule, SearchModule],
  controllers: [PublicationsController],
  providers: [PublicationsRepository, PublicationsService, PublicationsDemo],
  exports: [PublicationsService, PublicationsDemo],
})
export class PublicationsModule {}
