import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Language } from '@simashe/contracts';
import type { Request } from 'express';
import { UnauthenticatedError } from '../errors';
import { validTimeZone } from '../time/stamp';

/** Who is calling; attached to the request by the session guard. */
export interface AuthContext {
  userId: string;
  sessionId: string;
  email: string;
  /** The person's name as their profile had it when the session was read: what others see beside their cursor. */
  name?: string;
  /** Where the request came from (set by the session guard on HTTP requests; absent for sockets and jobs). */
  ip?: string | null;
  userAgent?: string | null;
  /**
   * The user's preferred language (profile), read with the session: what server-drawn charts and exports speak.
   * Absent where the server acts for someone outside a request (demo seeding); see `readerLanguage`.
   */
  language?: Language;
  /** The user's chosen time zone (profile), read with the session: the zone exports are stamped in. */
  timeZone?: string;
}

/** The language to render for: an explicit choice (e.g. `?lang=` on an export), else the user's, else English. */
export function readerLanguage(auth: AuthContext, requested?: Language): Language {
  return requested ?? auth.language ?? 'en';
}

/** The zone to stamp exports in: the user's, else UTC (see `formatStamp`). */
export function readerTimeZone(auth: AuthContext): string {
  return validTimeZone(auth.timeZone);
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
