import type { ErrorDetail, ErrorId } from '@simashe/contracts';

/** Every expected failure is one of these; the global filter renders them, anything else is a 500. */
export class AppError extends Error {
  constructor(
    readonly id: ErrorId,
    readonly statusCode: number,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: ErrorDetail[]) {
    super('validation_error', 400, message, details);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in to continue') {
    super('unauthenticated', 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do this') {
    super('forbidden', 403, message);
  }
}

export class NotFoundError extends AppError {
  constructor(what = 'The requested item', fullMessage?: string) {
    super('not_found', 404, fullMessage ?? `${what} was not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('conflict', 409, message);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', 429, message);
  }
}
