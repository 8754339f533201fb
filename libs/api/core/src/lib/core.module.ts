import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from './config';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions, migrateOnce } from './database/data-source-options';
import { PreparedStatements } from './database/prepared';
import { Cluster } from './cluster/cluster';
import { EventBus } from './events/event-bus';
import { HealthController } from './health/health.controller';
import { RequestValidationPipe } from './http/request-validation.pipe';
import { ErrorResponseFilter } from './http/error-response.filter';
import { MailService } from './mail/mail.service';
import { ObjectStore } from './storage/object-store';

/** Database, validation, error rendering, mail, the event bus and health: what every domain module stands on. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(databaseUrl, { countQueries: config.sqlQueryCount }), autoLoadEntities: true }),
          // Connected, then migrated under an advisory lock (replicas starting together take turns).
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options as DataSourceOptions).initialize();
            await migrateOnce(dataSource);
            return dataSource;
          },
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
        { provide: APP_FILTER, useClass: ErrorResponseFilter },
        MailService,
        Cluster,
        EventBus,
        PreparedStatements,
        ObjectStore,
      ],
      exports: [APP_CONFIG, MailService, Cluster, EventBus, PreparedStatements, ObjectStore],
    };
  }
}
