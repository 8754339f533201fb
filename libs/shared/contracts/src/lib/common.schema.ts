import { z } from 'zod';

import { SUPPORTED_LANGUAGES } from './constants';

/** Languages the interface is offered in; the profile remembers the choice. */
export const LanguageSchema = z.enum(SUPPORTED_LANGUAGES, {
  error: () => `Language must be one of: ${SUPPORTED_LANGUAGES.join(', ')}`,
});

/** `?lang=`: which language a server-drawn file (chart, export) is written in, instead of the reader's own. */
export const LanguageQuerySchema = z.strictObject({ lang: LanguageSchema.optional() });

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

/**
 * Lower-cased as read: PostgreSQL takes either case as the same id, but the server also compares ids as text (live
 * document rooms, caches, events), where a client writing one in capitals once got a room of its own.
 */
export const UuidSchema = z.uuid({ message: 'Must be a valid identifier (UUID)' }).toLowerCase();

export const EmailSchema = z
  .string({ error: 'Email address is required' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address' }).max(254, 'Email address is too long'));

/**
 * Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): invisible, they can make a
 * name or title read differently from what it holds (e.g. "\u202Efdp.exe"). Right-to-left text needs none of them.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Zero-width space, non-joiner, joiner, word joiner and the byte-order mark: they show as nothing on their own. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** The text without bidi embedding, override and isolate characters. */
export function stripBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, '');
}

/** Whether the text shows anything once zero-width characters and white space are set aside. */
export function hasVisibleText(value: string): boolean {
  return value.replace(ZERO_WIDTH, '').trim().length > 0;
}

/**
 * A name or title that people read in lists: bidi overrides are stripped, white space trimmed, and text made
 * only of zero-width characters is refused with a message naming the field. Zero-width joiners inside real text
 * (emoji, Persian, Indic scripts) are kept.
 */
export function displayTextSchema(field: string, { min = 1, max, requiredMessage }: { min?: number; max: number; requiredMessage?: string }) {
  return z
    .string({ error: `${field} is required` })
    .overwrite(stripBidiControls)
    .trim()
    .min(min, requiredMessage ?? (min <= 1 ? `${field} is required` : `${field} must be at least ${min} characters`))
    .max(max, `${field} must be at most ${max} characters`)
    .refine((value) => value.length === 0 || hasVisibleText(value), `${field} cannot be made only of invisible characters (such as zero-width spaces)`);
}

export const PersonNameSchema = displayTextSchema('Name', { max: 120 });

/** argon2id protects the hash; the length bounds keep hashing cost predictable. */
export const NewPasswordSchema = z
  .string()
  .min(10, 'Password must be at least 10 characters')
  .max(200, 'Password must be at most 200 characters');

export const IdParamSchema = z.strictObject({ id: UuidSchema });

/** Uploaded evidence files (lessons, cycle observations): what may be uploaded, and how big. */
export const UPLOAD_FILE_TYPES: Record<string, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'text/csv': 'csv',
  'text/plain': 'txt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};
export const MAX_UPLOAD_FILE_BYTES = 10 * 1024 * 1024;
/** An uploaded file as lists show it (never its bytes). */
export const StoredFileSchema = z.object({ id: UuidSchema, name: z.string(), contentType: z.string(), size: z.number().int(), createdAt: z.string() });
export type StoredFile = z.infer<typeof StoredFileSchema>;
/** `/:id/files/:fileId`: a file of a lesson or an initiative. */
export const FileParamsSchema = z.strictObject({ id: UuidSchema, fileId: UuidSchema });

/** Whether a YYYY-MM-DD date exists on the calendar (2027-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Whether a YYYY-MM-DD date lies in the years the workspace stores (1900–2200): PostgreSQL has no year 0, which
 * JavaScript has ("0000-01-01" was a 500), and no plan, period or observation lies outside them.
 */
export function isStorableDate(value: string): boolean {
  return value >= '1900-01-01' && value <= '2200-12-31';
}

/**
 * The form fields of a multipart upload of one file and nothing else: none. Another field is refused ("Unknown
 * field(s)"), as an unknown field of a JSON body is, rather than silently ignored.
 */
export const FileOnlyFormSchema = z.preprocess((body) => body ?? {}, z.strictObject({})); // no body at all is no field
