import { randomUUID } from 'node:crypto';
import type { NextFunction, Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth-context';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Ties log lines and error bodies to one request; a proxy's id is kept when it is well formed. */
export function requestIdMiddleware(request: AuthenticatedRequest, response: Response, next: NextFunction): void {
  const incoming = request.header('x-request-id');
  request.requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', request.requestId);
  next();
}
