import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { ValidationError } from '../errors';

/** C0 control characters other than tab and line breaks, and DEL: never part of text a person writes. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The path of the first string holding a control character, or null. */
export function findControlCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return CONTROL_CHARACTERS.test(value) ? path.join('.') || '(value)' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findControlCharacter(item, [...path, String(index)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findControlCharacter(key, [...path, key]) ?? findControlCharacter(item, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Every HTTP request's body, query and path parameters, before any route sees them: a NUL byte or another control
 * character answers 400 naming the field (PostgreSQL cannot even store NUL in text, which used to surface as 500s).
 */
@Injectable()
export class ControlCharactersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<Request>();
      for (const [where, value] of [['body', request.body], ['query', request.query], ['path', request.params]] as const) {
        const path = findControlCharacter(value);
        if (path !== null) {
          const field = where === 'body' ? path : `${where}.${path}`;
          throw new ValidationError(`${field} contains a control character (such as NUL), which is not allowed`, [
            { path: field, message: 'Control characters (such as NUL) are not allowed' },
          ]);
        }
      }
    }
    return next.handle();
  }
}
