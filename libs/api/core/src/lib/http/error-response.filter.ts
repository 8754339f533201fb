import { ArgumentsHost, BadRequestException, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ErrorDetail, ErrorId, ErrorResponse, Language } from '@simashe/contracts';
import { languageFromAcceptLanguage, translateMessage } from '@simashe/messages';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { z, ZodError } from 'zod';
import type { AuthenticatedRequest } from '../auth/auth-context';
import { AppError, RateLimitedError } from '../errors';
import { isDatabaseUnavailable } from '../database/unavailable';
import { RequestValidationException, type RequestPart } from './request-validation.pipe';

const ID_BY_STATUS: Record<number, ErrorId> = {
  400: 'validation_error',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  429: 'rate_limited',
};

type ZodLocale = ReturnType<typeof z.locales.en>;
const ZOD_LOCALES: Record<Language, ZodLocale> = { en: z.locales.en(), fr: z.locales.fr(), es: z.locales.es(), ar: z.locales.ar() };

/** zod's own wording of an issue in a language (a schema without a message of its own), or undefined. */
function zodDefaultMessage(issue: ZodError['issues'][number], language: Language, input?: { input: unknown }): string | undefined {
  const worded = ZOD_LOCALES[language].localeError({ ...issue, ...input } as Parameters<ZodLocale['localeError']>[0]);
  return typeof worded === 'string' ? worded : worded?.message;
}

/** One value of each kind zod names in "received …" (issues do not carry the value itself). */
const RECEIVED_SAMPLES: unknown[] = [undefined, null, '', 0, true, [], {}, Number.NaN, 0n, new Date(0)];

/**
 * How zod worded an issue, found again: the value it received (undefined: the field was left out), or nothing when
 * the schema gave a message of its own.
 */
function zodWording(issue: ZodError['issues'][number]): { input: unknown } | undefined {
  const samples = issue.code === 'invalid_type' ? RECEIVED_SAMPLES : [undefined];
  for (const input of samples) if (zodDefaultMessage(issue, 'en', { input }) === issue.message) return { input };
  return undefined;
}

const PART_LABEL: Record<RequestPart, string> = { body: '(body)', query: '(query)', path: '(path)' };

/**
 * One detail per issue, in the caller's language: the contracts' own messages through the message catalogue, zod's
 * defaults (where a schema gives none) through zod's locales, and a left-out value as required. `part` is where the
 * checked value came from (a query parameter is named as such, not as a field of the body).
 */
export function zodIssuesToDetails(error: ZodError, language: Language = 'en', part: RequestPart = 'body'): ErrorDetail[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || PART_LABEL[part];
    // A list, or nothing, where the API takes an object: said as readableBodyErrors says it of a bare value.
    if (!issue.path.length && part === 'body' && issue.code === 'invalid_type' && issue.expected === 'object') {
      return { path, message: translateMessage('The request body must be a JSON object', language) };
    }
    if (issue.code === 'unrecognized_keys') {
      const unknown = part === 'query' ? `Unknown query parameter(s): ${issue.keys.join(', ')}` : `Unknown field(s): ${issue.keys.join(', ')}`;
      return { path, message: translateMessage(unknown, language) };
    }
    const wording = zodWording(issue);
    if (wording && issue.code === 'invalid_type' && wording.input === undefined) {
      return { path, message: translateMessage(part === 'query' ? 'This query parameter is required' : 'This field is required', language) };
    }
    if (wording) return { path, message: zodDefaultMessage(issue, language, wording) ?? issue.message };
    return { path, message: translateMessage(issue.message, language) };
  });
}

/** "field: what is wrong", with the colon as `language` writes it (French puts a space before it). */
export function fieldSentence(path: string, message: string, language: Language): string {
  return `${path}${language === 'fr' ? ' : ' : ': '}${message}`;
}

/**
 * A socket message's first problem as one sentence in the reader's language ("update: …", or the message alone
 * when the problem is with the whole payload): sockets answer with one sentence, not a list of details.
 */
export function firstIssueSentence(error: ZodError, language: Language = 'en'): string {
  const [first] = error.issues;
  const [detail] = zodIssuesToDetails(error, language);
  // No payload, or not an object: zodIssuesToDetails would speak of a request body.
  if (!first || !detail || (!first.path.length && first.code === 'invalid_type')) return translateMessage('Invalid message', language);
  return first.path.length ? fieldSentence(detail.path, detail.message, language) : detail.message;
}

/**
 * The language to answer in: the signed-in person's profile language, else the best of `Accept-Language` among
 * the four, else English.
 */
export function responseLanguage(request: (Request & { auth?: { language?: Language } }) | undefined): Language {
  return request?.auth?.language ?? languageFromAcceptLanguage(request?.headers?.['accept-language']) ?? 'en';
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

/**
 * One shape for every error: { statusCode, id, message, details?, requestId }.
 * Unknown failures are logged with the request id and answered without internals.
 */
/**
 * body-parser's refusals of a JSON body, said in a sentence. Nest would turn them into a bare 400 carrying
 * JSON.parse's own words ("Unexpected token 'n', "null" is not valid JSON") before the filter sees them.
 * Installed right after the body parsers (configureApp); the one place these are answered (Nest's mapping runs
 * before this filter, so a case here for body-parser's 'entity.parse.failed' was never reached).
 */
export function readableBodyErrors(error: unknown, _request: Request, _response: Response, next: (error?: unknown) => void): void {
  const failed = error as (BodyParserError & { body?: unknown }) | null;
  if (failed?.type !== 'entity.parse.failed') return next(error);
  let json = false;
  try {
    JSON.parse(String(failed.body));
    json = true; // valid JSON, but a bare value: the API takes objects (and lists)
  } catch {
    // not JSON at all
  }
  next(new BadRequestException(json ? 'The request body must be a JSON object' : 'Request body is not valid JSON'));
}

@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<AuthenticatedRequest>();
    const response = context.getResponse<Response>();
    const body = this.toErrorResponse(exception, request?.requestId ?? 'unknown', responseLanguage(request));
    if (body.statusCode >= 500) {
      this.logger.error(`[${body.requestId}] ${request?.method} ${request?.url}`, (exception as Error)?.stack);
    }
    if (exception instanceof RateLimitedError) response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }

  /** The response body, its sentences in `language` (English when the catalogue does not know one). */
  toErrorResponse(exception: unknown, requestId: string, language: Language = 'en'): ErrorResponse {
    if (exception instanceof ZodValidationException) {
      const zodError = exception.getZodError();
      const part = exception instanceof RequestValidationException ? exception.part : 'body';
      const details = zodError instanceof ZodError ? zodIssuesToDetails(zodError, language, part) : undefined;
      const invalid = translateMessage('Invalid request', language);
      const separator = language === 'fr' ? ' ; ' : language === 'ar' ? '؛ ' : '; ';
      const summary = details?.length ? details.map((d) => fieldSentence(d.path, d.message, language)).join(separator) : invalid;
      return { statusCode: 400, id: 'validation_error', message: `${invalid} — ${summary}`, details, requestId };
    }
    const body = this.englishResponse(exception, requestId);
    if (language === 'en') return body;
    return {
      ...body,
      message: translateMessage(body.message, language),
      details: body.details?.map((detail) => ({ ...detail, message: translateMessage(detail.message, language) })),
    };
  }

  private englishResponse(exception: unknown, requestId: string): ErrorResponse {
    if (exception instanceof AppError) {
      return { statusCode: exception.statusCode, id: exception.id, message: exception.message, details: exception.details, requestId };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      return {
        statusCode,
        id: ID_BY_STATUS[statusCode] ?? (statusCode >= 500 ? 'internal_error' : 'validation_error'),
        message: this.httpExceptionMessage(exception),
        requestId,
      };
    }
    const bodyParserError = exception as BodyParserError;
    if (bodyParserError?.type === 'entity.too.large') {
      return { statusCode: 413, id: 'payload_too_large', message: 'Request body is too large', requestId };
    }
    if (bodyParserError?.expose && bodyParserError.status && bodyParserError.status < 500) {
      const statusCode = bodyParserError.status;
      return { statusCode, id: ID_BY_STATUS[statusCode] ?? 'validation_error', message: (exception as Error).message, requestId };
    }
    if (isDatabaseUnavailable(exception)) {
      return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, id: 'internal_error', message: 'The database cannot be reached at the moment; nothing was changed. Try again shortly', requestId };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, id: 'internal_error', message: 'Something went wrong on our side; it has been logged', requestId };
  }

  private httpExceptionMessage(exception: HttpException): string {
    const status = exception.getStatus();
    if (status === 404) return 'The requested resource was not found';
    const response = exception.getResponse();
    if (typeof response === 'string') return response;
    const message = (response as { message?: unknown }).message;
    if (Array.isArray(message)) return message.join('; ');
    return typeof message === 'string' ? message : exception.message;
  }
}
