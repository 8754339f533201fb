import { z } from 'zod';

import { SUPPORTED_LANGUAGES } from './constants';

/** Languages the interface is offered in; the profile remembers the choice. */
export const LanguageSchema = z.enum(SUPPORTED_LANGUAGES, {
  error: () => `Language must be one of: ${SUPPORTED_LANGUAGES.join(', ')}`,
});

export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .min(1, 'Time zone is required')
  .max(64, 'Time zone is too long')
  .refine(isValidTimeZone, { message: 'Time zone must be an IANA name such as Europe/Zurich or Africa/Nairobi' });

export const UuidSchema = z.uuid({ message: 'Must be a valid identifier (UUID)' });

export const EmailSchema = z
  .string({ error: 'Email address is required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }).max(254, 'Email address is too long'));

export const PersonNameSchema = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(120, 'Name must be at most 120 characters');

/** argon2id protects the hash; the length bounds keep hashing cost predictable. */
export const NewPasswordSchema = z
  .string()
  .min(10, 'Password must be at least 10 characters')
  .max(200, 'Password must be at most 200 characters');

export const IdParamSchema = z.strictObject({ id: UuidSchema });
