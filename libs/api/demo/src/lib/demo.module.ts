import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { LessonsModule } from '@simashe/api-lessons';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [AccountsModule, LessonsModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
