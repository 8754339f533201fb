import { Module } from '@nestjs/common';
import { OrganisationsModule } from '@simashe/api-organisations';
import { DatasetExports } from './dataset-exports';
import { DatasetsController } from './datasets.controller';
import { DatasetsService } from './datasets.service';
import { MonitoringDemo } from './demo-monitoring';
import { MeasuresService } from './measures.service';
import { MonitoringRepository } from './monitoring.repository';

/** Health inequality monitoring: datasets of disaggregated estimates, summary measures, their charts. */
@Module({
  imports: [OrganisationsModule],
  controllers: [DatasetsController],
  providers: [MonitoringRepository, DatasetsService, MeasuresService, DatasetExports, MonitoringDemo],
  exports: [DatasetsService, MeasuresService, MonitoringDemo],
})
export class MonitoringModule {}
