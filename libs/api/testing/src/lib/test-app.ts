import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { configureApp, CoreModule, ensureDatabase, loadConfig, type AppConfig } from '@simashe/api-core';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';

export interface TestApp {
  app: INestApplication;
  db: DataSource;
  config: AppConfig;
  databaseUrl: string;
  /** Set when booted with listen: the origin socket.io clients connect to. */
  baseUrl: string;
  http(): ReturnType<typeof request>;
  close(): Promise<void>;
}

function testServerUrl(): string {
  const url = process.env['SIMASHE_TEST_PG_URL'];
  if (!url) throw new Error('SIMASHE_TEST_PG_URL is not set: run API tests through Jest with the postgres global setup');
  return url;
}

/** A fresh, empty database on the test cluster, so test files never see each other's rows. */
export async function createTestDatabase(): Promise<string> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(testServerUrl(), name);
  return `${testServerUrl()}/${name}`;
}

/** Boots the real Nest application (same wiring as main.ts) on a new database; migrations run on start. */
export async function bootTestApp(
  imports: Array<Type | DynamicModule>,
  overrides: Partial<AppConfig> = {},
  options: { listen?: boolean } = {},
): Promise<TestApp> {
  const databaseUrl = await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({ DATABASE_URL: databaseUrl, PORT: '3999' }),
    seedDemo: false,
    reminderIntervalSeconds: 0,
    ...overrides,
  };
  const moduleRef = await Test.createTestingModule({ imports: [CoreModule.forRoot(config, databaseUrl), ...imports] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
  configureApp(app, config);
  let baseUrl = '';
  if (options.listen) {
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    baseUrl = `http://127.0.0.1:${address.port}`;
  } else {
    await app.init();
  }
  const server = app.getHttpServer() as App;
  return {
    app,
    db: app.get(DataSource),
    config,
    databaseUrl,
    baseUrl,
    http: () => request(server),
    close: () => app.close(),
  };
}
