import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { CollaborationModule } from '@simashe/api-collaboration';
import { NotificationsModule } from '@simashe/api-notifications';
import { OrganisationsModule } from '@simashe/api-organisations';
import { SearchModule } from '@simashe/api-search';
import { ChartEmbedRegistry } from './export/chart-embeds';
import { ReportExportService } from './export/report-export.service';
import { ReportAccess } from './report-access';
import { ReportCommentsGateway } from './report-comments.gateway';
import { ReportCommentsService } from './report-comments.service';
import { ReportsController } from './reports.controller';
import { ReportSearch } from './report-search';
import { ReportsService } from './reports.service';

/** Progress reports: metadata, templates and workflow over HTTP; their text is a real-time document. */
@Module({
  imports: [AccountsModule, OrganisationsModule, CollaborationModule, SearchModule, NotificationsModule],
  controllers: [ReportsController],
  providers: [ReportAccess, ReportsService, ReportExportService, ReportCommentsService, ReportCommentsGateway, ReportSearch, ChartEmbedRegistry],
  exports: [ReportsService, ChartEmbedRegistry],
})
export class ReportsModule {}
