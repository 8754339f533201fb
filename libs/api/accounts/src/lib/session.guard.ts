import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, IS_PUBLIC_ROUTE, requestOrigin, UnauthenticatedError, type AuthenticatedRequest } from '@simashe/api-core';
import { timingSafeEqual } from 'node:crypto';
import { SESSION_COOKIE, SessionsService } from './sessions.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Every HTTP route is private unless marked @Public(); an expired or idle session counts as none (401). State-changing
 * requests must come from our own origin, and when a session cookie carries them, echo the session's CSRF token
 * (double submit).
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    const mutating = !SAFE_METHODS.has(request.method);
    if (mutating) this.assertSameOrigin(request);

    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const resolved = typeof token === 'string' ? await this.sessions.resolve(token, request.ip) : null;
    if (resolved) {
      if (mutating) {
        const header = request.header('x-csrf-token') ?? '';
        if (!sameSecret(header, resolved.csrfToken)) {
          throw new ForbiddenError('Missing or stale security token (X-CSRF-Token); reload the page and try again');
        }
      }
      // Where the request came from travels with the caller, for the events it causes (the audit log).
      request.auth = { ...resolved.auth, ...requestOrigin(request) };
    }
    if (!isPublic && !request.auth) throw new UnauthenticatedError();
    return true;
  }

  private assertSameOrigin(request: AuthenticatedRequest): void {
    const origin = request.header('origin');
    if (!origin) return;
    let from: URL;
    try {
      from = new URL(origin);
    } catch {
      throw new ForbiddenError('Request origin is not valid');
    }
    // Scheme and host both: http://host is another origin than https://host.
    if (from.host !== request.header('host') || from.protocol !== `${request.protocol}:`) throw new ForbiddenError('Cross-site requests are not allowed');
  }
}
