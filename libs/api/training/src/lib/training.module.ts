import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { OrganisationsModule } from '@simashe/api-organisations';
import { ResourcesModule } from '@simashe/api-resources';
import { SearchModule } from '@simashe/api-search';
import { PublicCertificatesController, TrainingController } from './training.controller';
import { TrainingDemo } from './training-demo';
import { TrainingRepository } from './training.repository';
import { TrainingService } from './training.service';

/** Training: courses of ordered modules, enrolment, progress, certificates checked publicly, completion figures. */
@Module({
  imports: [AccountsModule, OrganisationsModule, ResourcesModule, SearchModule],
  controllers: [TrainingController, PublicCertificatesController],
  providers: [TrainingRepository, TrainingService, TrainingDemo],
  exports: [TrainingService, TrainingDemo],
})
export class TrainingModule {}
