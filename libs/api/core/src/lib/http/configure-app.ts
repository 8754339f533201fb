import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import type { AppConfig } from '../config';
import { queryCountMiddleware } from '../database/query-counter';
import { readableBodyErrors } from './error-response.filter';
import { requestIdMiddleware } from './request-id.middleware';
import { securityHeaders } from './security-headers';
import { answerUnreadableRequests } from './unreadable-requests';

export const API_PREFIX = 'api';
export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs/openapi.json';

/** Everything between Nest and the wire; shared by main.ts and the integration tests so both run the same app. */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.setGlobalPrefix(API_PREFIX);
  answerUnreadableRequests(app.getHttpServer());
  app.use(requestIdMiddleware);
  // Answers of 1 KiB or more are gzipped for a client that accepts it (lists shrink 4–7×: the lessons list 9.3 to
  // 2.5 KiB): on a slow link that is most of a page's wait. The web build's files come compressed already
  // (serveWebAssets), and compression leaves an answer that says its encoding alone.
  app.use(compression({ threshold: 1024 }));
  for (const middleware of securityHeaders(config)) app.use(middleware);
  app.use(cookieParser());
  app.useBodyParser('json', { limit: config.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.bodyLimit, extended: false });
  app.use(readableBodyErrors);
  // Opt-in (SQL_QUERY_COUNT): guards, pipes and handlers run inside the counter; X-Query-Count on every response.
  if (config.sqlQueryCount) app.use(queryCountMiddleware);
  app.disable('x-powered-by');
  // No ETag on API answers: it hashed every JSON body (3 % of the API's time under load), and no client sends
  // If-None-Match (TanStack Query refetches; the web build's files under /assets keep theirs).
  app.set('etag', false);
  app.set('trust proxy', config.trustProxy);

  // Built on the first request for it, not at start: most processes never serve it, and it is large.
  const info = new DocumentBuilder()
    .setTitle('SIMASHE Workspace API')
    .setDescription('Validation, errors and types come from the shared zod contracts.')
    .setVersion(config.version)
    .addCookieAuth('simashe_session')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' }, 'csrf')
    .build();
  SwaggerModule.setup(OPENAPI_UI_PATH, app, () => cleanupOpenApiDoc(SwaggerModule.createDocument(app, info)), { jsonDocumentUrl: OPENAPI_JSON_PATH });
  return app;
}
