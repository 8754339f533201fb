import { Module } from '@nestjs/common';
import { AccountsModule } from '@simashe/api-accounts';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [AccountsModule], providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
