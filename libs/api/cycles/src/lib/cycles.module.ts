import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { LessonsModule } from '@simashe/api-lessons';
import { MeetingsModule } from '@simashe/api-meetings';
import { OrganisationsModule } from '@simashe/api-organisations';
import { ReportsModule } from '@simashe/api-reports';
import { SearchModule } from '@simashe/api-search';
import { CycleItemsController, CyclesController, MeasuresController } from './cycles.controller';
import { CyclesRepository } from './cycles.repository';
import { CyclesService } from './cycles.service';
import { DashboardService } from './dashboard.service';
import { CyclesDemo } from './demo-cycles';
import { DashboardController, InitiativesController } from './initiatives.controller';
import { MeasuresService } from './measures.service';

/** Action-learning cycles: initiatives, driver diagrams, cycles, measures with SPC charts, dashboards. */
@Module({
  imports: [AccountsModule, OrganisationsModule, SearchModule, LessonsModule, ReportsModule, MeetingsModule],
  controllers: [InitiativesController, DashboardController, CyclesController, CycleItemsController, MeasuresController],
  providers: [CyclesRepository, CyclesService, MeasuresService, DashboardService, CyclesDemo],
  exports: [CyclesService, MeasuresService, CyclesDemo],
})
export class CyclesModule {}
