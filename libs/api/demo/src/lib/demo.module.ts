import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { CyclesModule } from '@simashe/api-cycles';
import { LessonsModule } from '@simashe/api-lessons';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [AccountsModule, LessonsModule, CyclesModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
