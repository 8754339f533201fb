import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { UnauthenticatedError } from '../errors';

/** Who is calling; attached to the request by the session guard. */
export interface AuthContext {
  userId: string;
  sessionId: string;
  email: string;
}

export type AuthenticatedRequest = Request & { auth?: AuthContext; requestId?: string };

export const IS_PUBLIC_ROUTE = 'simashe:public-route';
/** Routes are private by default; this opts one out of the session requirement. */
export const Public = () => SetMetadata(IS_PUBLIC_ROUTE, true);

export const CurrentAuth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.auth) throw new UnauthenticatedError();
  return request.auth;
});
