import type { z } from 'zod';
import { ValidationError } from '../errors';
import { requireSafeInput } from './control-characters.guard';

/**
 * A multipart form's JSON part (the fields beside its files), parsed with its zod contract: 400 naming each wrong
 * field, exactly as a JSON body would get, so that files and fields can travel, and be refused, together.
 */
export function parseJsonField<T extends z.ZodType>(schema: T, raw: string, field: string): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ValidationError('The form is not valid JSON', [{ path: field, message: 'Not valid JSON' }]);
  }
  // Escaped inside the JSON ("\u0000"), these passed the guard, which saw only the form's text: as in any JSON body,
  // a NUL (which PostgreSQL cannot store: a 500) or a lone surrogate (stored as "�") is refused, naming the field
  // as the form's contract names it ("title"), as zod's issues below do.
  // (A part that is a bare string is named by the form field that holds it.)
  requireSafeInput(value, value !== null && typeof value === 'object' ? '' : field);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ValidationError('Check the form', parsed.error.issues.map((issue) => ({ path: issue.path.join('.') || field, message: issue.message })));
  return parsed.data;
}
