import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { OrganisationsModule } from '@simashe/api-organisations';
import { ReportsModule } from '@simashe/api-reports';
import { DatasetExports } from './dataset-exports';
import { DatasetsController, MonitoringChartsController } from './datasets.controller';
import { MonitoringChartsService } from './monitoring-charts.service';
import { DatasetsService } from './datasets.service';
import { MonitoringDemo } from './demo-monitoring';
import { MeasuresService } from './measures.service';
import { MonitoringRepository } from './monitoring.repository';

/** Health inequality monitoring: datasets of disaggregated estimates, summary measures, their charts. */
@Module({
  imports: [AccountsModule, OrganisationsModule, ReportsModule],
  controllers: [DatasetsController, MonitoringChartsController],
  providers: [MonitoringRepository, DatasetsService, MeasuresService, MonitoringChartsService, DatasetExports, MonitoringDemo],
  exports: [DatasetsService, MeasuresService, MonitoringDemo],
})
export class MonitoringModule {}
