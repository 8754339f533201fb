import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { AuditModule } from '@simashe/api-audit';
import { CollaborationModule } from '@simashe/api-collaboration';
import { CoreModule, type AppConfig } from '@simashe/api-core';
import { CyclesModule } from '@simashe/api-cycles';
import { MonitoringModule } from '@simashe/api-monitoring';
import { DemoModule } from '@simashe/api-demo';
import { DiscussionsModule } from '@simashe/api-discussions';
import { LessonsModule } from '@simashe/api-lessons';
import { MeetingsModule } from '@simashe/api-meetings';
import { NotificationsModule } from '@simashe/api-notifications';
import { SearchModule } from '@simashe/api-search';
import { OrganisationsModule } from '@simashe/api-organisations';
import { ReportsModule } from '@simashe/api-reports';
import { ResourcesModule } from '@simashe/api-resources';
import { TrainingModule } from '@simashe/api-training';
import { PublicationsModule } from '@simashe/api-publications';
import { WiringCheck } from './wiring-check';

export const DOMAIN_MODULES = [AccountsModule, OrganisationsModule, ReportsModule, MeetingsModule, NotificationsModule, LessonsModule, SearchModule, DiscussionsModule, CyclesModule, MonitoringModule, ResourcesModule, TrainingModule, PublicationsModule, AuditModule, DemoModule];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return { module: AppModule, imports: [CoreModule.forRoot(config, databaseUrl), ...DOMAIN_MODULES, CollaborationModule], providers: [WiringCheck] };
  }
}
