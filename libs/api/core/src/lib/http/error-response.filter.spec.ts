import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { z } from 'zod';
import { ConflictError, NotFoundError } from '../errors';
import { ErrorResponseFilter } from './error-response.filter';

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

  it('maps framework and body-parser failures without leaking internals', () => {
    expect(filter.toErrorResponse(new NotFoundException(), 'r').id).toBe('not_found');
    expect(filter.toErrorResponse(new BadRequestException('Bad'), 'r').id).toBe('validation_error');
    expect(filter.toErrorResponse({ type: 'entity.too.large', status: 413 }, 'r').statusCode).toBe(413);
    const crash = filter.toErrorResponse(new Error('relation "secret_table" does not exist'), 'r');
    expect(crash).toMatchObject({ statusCode: 500, id: 'internal_error' });
    expect(crash.message).not.toContain('secret_table');
  });
});
