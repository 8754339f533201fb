import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { CollaborationModule } from '@simashe/api-collaboration';
import { CyclesModule } from '@simashe/api-cycles';
import { LessonsModule } from '@simashe/api-lessons';
import { MeetingsModule } from '@simashe/api-meetings';
import { MonitoringModule } from '@simashe/api-monitoring';
import { ReportsModule } from '@simashe/api-reports';
import { OrganisationsModule } from '@simashe/api-organisations';
import { ResourcesModule } from '@simashe/api-resources';
import { TrainingModule } from '@simashe/api-training';
import { PublicationsModule } from '@simashe/api-publications';
import { CallsDemo } from './demo-calls';
import { DemoActivity } from './demo-activity';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [AccountsModule, CollaborationModule, LessonsModule, CyclesModule, ReportsModule, MeetingsModule, MonitoringModule, ResourcesModule, TrainingModule, PublicationsModule, OrganisationsModule], providers: [DemoSeeder, DemoActivity, CallsDemo], exports: [DemoSeeder] })
export class DemoModule {}
