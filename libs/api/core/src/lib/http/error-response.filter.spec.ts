import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import { ErrorResponseFilter, responseLanguage } from './error-response.filter';
import { RequestValidationException } from './request-validation.pipe';

describe('ErrorResponseFilter', () => {
  const filter = new ErrorResponseFilter();

  it('renders typed errors with their stable id', () => {
    expect(filter.toErrorResponse(new ConflictError('Already there'), 'r1')).toEqual({
      statusCode: 409,
      id: 'conflict',
      message: 'Already there',
      details: undefined,
      requestId: 'r1',
    });
    expect(filter.toErrorResponse(new NotFoundError('The report'), 'r2').message).toBe('The report was not found');
  });

  it('turns zod issues into per-field details, naming unknown fields', () => {
    const result = z.strictObject({ email: z.email('Enter a valid email address') }).safeParse({ email: 'x', extra: 1 });
    const response = filter.toErrorResponse(new ZodValidationException(result.error), 'r3');
    expect(response.statusCode).toBe(400);
    expect(response.id).toBe('validation_error');
    expect(response.details).toEqual([
      { path: 'email', message: 'Enter a valid email address' },
      { path: '(body)', message: 'Unknown field(s): extra' },
    ]);
  });

  it('says a body that is a list, or missing, is not the object the API takes, in the caller’s language', () => {
    const schema = z.strictObject({ email: z.string() });
    for (const body of [[{ email: 'a@b.org' }], undefined]) {
      const response = filter.toErrorResponse(new ZodValidationException(schema.safeParse(body).error), 'r');
      expect(response.details).toEqual([{ path: '(body)', message: 'The request body must be a JSON object' }]);
    }
    const french = filter.toErrorResponse(new ZodValidationException(schema.safeParse([]).error), 'r', 'fr');
    expect(french.details).toEqual([{ path: '(body)', message: 'Le corps de la requête doit être un objet JSON' }]);
    // A nested field of the wrong kind keeps its own wording.
    const nested = z.strictObject({ period: z.strictObject({ start: z.string() }) }).safeParse({ period: [] });
    expect(filter.toErrorResponse(new ZodValidationException(nested.error), 'r').details?.[0]).toMatchObject({ path: 'period', message: expect.stringMatching(/expected object/) });
  });

  it('says a left-out value is required, and a value of the wrong kind what it was, in the caller’s language', () => {
    const schema = z.strictObject({ start: z.string(), count: z.number(), title: z.string('Title is required') });
    const left = filter.toErrorResponse(new ZodValidationException(schema.safeParse({ count: 'three' }).error), 'r');
    expect(left.details).toEqual([
      { path: 'start', message: 'This field is required' },
      { path: 'count', message: 'Invalid input: expected number, received string' },
      { path: 'title', message: 'Title is required' },
    ]);
    const spanish = filter.toErrorResponse(new ZodValidationException(schema.safeParse({ start: 1, count: null, title: 't' }).error), 'r', 'es');
    expect(spanish.details).toEqual([
      { path: 'start', message: expect.stringMatching(/^Entrada inválida: se esperaba texto, recibido número/) },
      { path: 'count', message: expect.stringMatching(/^Entrada inválida: se esperaba número, recibido nulo/) },
    ]);
  });

  it('names query parameters as such, not as fields of the body', () => {
    const schema = z.strictObject({ q: z.string(), from: z.iso.datetime('from must be an ISO date-time').optional() });
    const error = schema.safeParse({ limit: '5', from: 'then' }).error;
    const response = filter.toErrorResponse(new RequestValidationException(error, 'query'), 'r');
    expect(response.details).toEqual([
      { path: 'q', message: 'This query parameter is required' },
      { path: 'from', message: 'from must be an ISO date-time' },
      { path: '(query)', message: 'Unknown query parameter(s): limit' },
    ]);
    expect(filter.toErrorResponse(new RequestValidationException(error, 'query'), 'r', 'ar').details?.[2]).toEqual({ path: '(query)', message: 'معاملات استعلام غير معروفة: limit' });
  });

  it('maps framework and body-parser failures without leaking internals', () => {
    expect(filter.toErrorResponse(new NotFoundException(), 'r').id).toBe('not_found');
    expect(filter.toErrorResponse(new BadRequestException('Bad'), 'r').id).toBe('validation_error');
    expect(filter.toErrorResponse({ type: 'entity.too.large', status: 413 }, 'r').statusCode).toBe(413);
    const crash = filter.toErrorResponse(new Error('relation "secret_table" does not exist'), 'r');
    expect(crash).toMatchObject({ statusCode: 500, id: 'internal_error' });
    expect(crash.message).not.toContain('secret_table');
  });

  it('answers in the caller’s language: message and details, nested names, zod defaults', () => {
    expect(filter.toErrorResponse(new NotFoundError('The report'), 'r', 'fr').message).toBe('Le rapport est introuvable');
    expect(filter.toErrorResponse(new ForbiddenError(), 'r', 'ar').message).toBe('ليست لديك صلاحية للقيام بذلك');
    const invalid = filter.toErrorResponse(new ValidationError('Unknown country', [{ path: 'countryIso3', message: 'Not a WHO Member State code' }]), 'r', 'es');
    expect(invalid).toMatchObject({ message: 'País desconocido', details: [{ path: 'countryIso3', message: 'No es el código de un Estado Miembro de la OMS' }] });
    const result = z.strictObject({ email: z.email('Enter a valid email address'), age: z.number() }).safeParse({ email: 'x', extra: 1 });
    const zodResponse = filter.toErrorResponse(new ZodValidationException(result.error), 'r', 'fr');
    expect(zodResponse.details).toEqual([
      { path: 'email', message: 'Saisissez une adresse e-mail valide' },
      { path: 'age', message: 'Ce champ est obligatoire' },
      { path: '(body)', message: 'Champ(s) inconnu(s) : extra' },
    ]);
    expect(zodResponse.message).toMatch(/^Requête non valide — email : Saisissez une adresse e-mail valide ; age : Ce champ est obligatoire/);
    // A sentence the catalogue does not know stays English rather than disappearing.
    expect(filter.toErrorResponse(new ConflictError('Already there'), 'r', 'fr').message).toBe('Already there');
  });

  it('picks the language: profile first, then Accept-Language, then English', () => {
    const request = (auth: object | undefined, acceptLanguage?: string) => ({ auth, headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} }) as never;
    expect(responseLanguage(request({ language: 'es' }, 'fr'))).toBe('es');
    expect(responseLanguage(request(undefined, 'fr-FR,fr;q=0.9,en;q=0.8'))).toBe('fr');
    expect(responseLanguage(request({ userId: 'u' }, 'de, ar;q=0.5'))).toBe('ar');
    expect(responseLanguage(request(undefined, 'de'))).toBe('en');
    expect(responseLanguage(undefined)).toBe('en');
  });
});
