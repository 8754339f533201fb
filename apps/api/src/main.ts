import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Cluster, collectWhenIdle, configureApp, keepHelperThreadsLow, loadConfig, RedisIoAdapter, serveWebAssets, startEmbeddedPostgres } from '@simashe/api-core';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppModule } from './app.module';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Bootstrap');
  const config = loadConfig();
  let databaseUrl = config.databaseUrl;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (!databaseUrl) {
    logger.log(`DATABASE_URL not set: using embedded PostgreSQL in ${config.dataDir} (port ${config.embeddedPostgresPort})`);
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPostgresPort,
      database: 'simashe',
      log: (message) => logger.debug(message.trim()),
    });
    databaseUrl = embedded.url;
  }

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl), {
    bodyParser: false,
    bufferLogs: false,
  });
  configureApp(app, config);
  if (config.redisUrl) {
    // One of several instances: socket.io rooms, cluster events and open documents are shared through Redis.
    const adapter = new RedisIoAdapter(app);
    await app.get(Cluster).connect();
    await adapter.connect(app.get(Cluster));
    app.useWebSocketAdapter(adapter);
    logger.log('REDIS_URL set: running as one of several instances');
  }
  serveWebApp(app, config.webDistDir ?? resolve(process.cwd(), 'dist/apps/web'), logger);

  const shutdown = async (signal: string) => {
    logger.log(`${signal} received: closing`);
    await app.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen(config.port, config.host);
  // Memory taken by a burst of work is given back when the server goes quiet (needs --expose-gc, node-args.json).
  collectWhenIdle();
  // The event loop gets the cores first; V8's background compiling and marking, and libuv's pool, take what is left.
  keepHelperThreadsLow();
  logger.log(`SIMASHE Workspace on http://localhost:${config.port} (API under /api, docs at /api/docs)`);
}

/** One port for everything: the built web app is served beside the API, with client-side routes falling back to index.html. */
function serveWebApp(app: NestExpressApplication, distDir: string, logger: Logger): void {
  const indexHtml = join(distDir, 'index.html');
  if (!existsSync(indexHtml)) {
    logger.warn(`No web build at ${distDir}: only the API is served (run "npx nx build web")`);
    return;
  }
  // Only under /assets (all the build holds besides index.html): every other path, /api above all, is not looked
  // up on disk first (a file-system stat per API request showed in the load benchmark's profile).
  app.use('/assets', ...serveWebAssets(join(distDir, 'assets')));
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api')) return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexHtml);
  });
}

bootstrap().catch((error) => {
  new Logger('Bootstrap').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
