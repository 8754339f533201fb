import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { CollaborationModule } from '@simashe/api-collaboration';
import { NotificationsModule } from '@simashe/api-notifications';
import { OrganisationsModule } from '@simashe/api-organisations';
import { SearchModule } from '@simashe/api-search';
import { ChartEmbedRegistry } from './export/chart-embeds';
import { ReportExportService } from './export/report-export.service';
import { ReportImagesController } from './images/report-images.controller';
import { ReportImagesRepository } from './images/report-images.repository';
import { ReportImagesService } from './images/report-images.service';
import { ReportAccess } from './report-access';
import { ReportCommentsGateway } from './report-comments.gateway';
import { ReportCommentsService } from './report-comments.service';
import { ReportMentions } from './report-mentions';
import { ReportsController } from './reports.controller';
import { ReportSearch } from './report-search';
import { ReportsService } from './reports.service';

/** Progress reports: metadata, templates and workflow over HTTP; their text is a real-time document. */
@Module({
  imports: [AccountsModule, OrganisationsModule, CollaborationModule, SearchModule, NotificationsModule],
  controllers: [ReportsController, ReportImagesController],
  providers: [ReportAccess, ReportsService, ReportImagesRepository, ReportImagesService, ReportExportService, ReportCommentsService, ReportCommentsGateway, ReportMentions, ReportSearch, ChartEmbedRegistry],
  exports: [ReportsService, ChartEmbedRegistry, ReportImagesService],
})
export class ReportsModule {}
