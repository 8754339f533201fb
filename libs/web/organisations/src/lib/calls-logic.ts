import {
  MAX_SCORE,
  MAX_SUPPORTING_DOCUMENT_BYTES,
  MAX_SUPPORTING_DOCUMENTS,
  MIN_SCORE,
  WHO_MEMBER_STATES,
  type ApplicationInput,
  type ApplicationStatus,
  type CreateCallRequest,
  type ErrorDetail,
  type ExpertiseArea,
} from '@simashe/contracts';
import { countryName } from '@simashe/web-i18n';

/**
 * The open call's screen logic, apart from React so it is unit-tested: the country list, the documents check before
 * sending, the application and new-call payloads, where the first error is, and whether a review is complete.
 */

/** The WHO Member States as select options, named and sorted in the reader's language (the public form has no session). */
export function countryOptions(language: string): Array<{ value: string; label: string }> {
  const collator = new Intl.Collator(language);
  return Object.entries(WHO_MEMBER_STATES)
    .flatMap(([, states]) => states.map(([iso3, iso2, name]) => ({ value: iso3, label: countryName({ iso2, name }, language) })))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export const DOCUMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'csv', 'txt', 'png', 'jpg', 'jpeg'] as const;
export const DOCUMENT_ACCEPT = DOCUMENT_EXTENSIONS.map((extension) => `.${extension}`).join(',');

export type DocumentCheck = 'ok' | 'wrongType' | 'tooBig' | 'empty';

/**
 * Whether a supporting document is worth sending: by its name's extension (browsers disagree on media types), not
 * empty, at most 10 MB. The server decides in the end: it also looks at the bytes, so a disguised file passes here.
 */
export function checkDocument(file: Pick<File, 'name' | 'size'>): DocumentCheck {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extension)) return 'wrongType';
  if (file.size === 0) return 'empty';
  if (file.size > MAX_SUPPORTING_DOCUMENT_BYTES) return 'tooBig';
  return 'ok';
}

/** The first problem of the chosen documents: too many, or the first file that would be refused (with its index). */
export function checkDocuments(files: ReadonlyArray<Pick<File, 'name' | 'size'>>): { problem: 'ok' | 'tooMany' } | { problem: Exclude<DocumentCheck, 'ok'>; index: number } {
  if (files.length > MAX_SUPPORTING_DOCUMENTS) return { problem: 'tooMany' };
  for (const [index, file] of files.entries()) {
    const problem = checkDocument(file);
    if (problem !== 'ok') return { problem, index };
  }
  return { problem: 'ok' };
}

/** A file size for people: kB below a megabyte (rounded up, so a tiny file is never "0 kB"), MB with one decimal above. */
export function formatDocumentSize(bytes: number, language: string): string {
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat(language).format(Math.max(1, Math.ceil(bytes / 1024)))} kB`;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

export interface ApplicationDraft {
  institutionName: string;
  countryIso3: string;
  website: string;
  expertise: ExpertiseArea[];
  contactName: string;
  contactEmail: string;
  motivation: string;
}

export const EMPTY_APPLICATION: ApplicationDraft = { institutionName: '', countryIso3: '', website: '', expertise: [], contactName: '', contactEmail: '', motivation: '' };

/** The form as the API reads it: trimmed, an empty website left out, the areas in the catalogue's order. Checking is the API's. */
export function applicationPayload(draft: ApplicationDraft, order: readonly ExpertiseArea[]): ApplicationInput {
  const website = draft.website.trim();
  return {
    institutionName: draft.institutionName.trim(),
    countryIso3: draft.countryIso3,
    ...(website ? { website } : {}),
    expertise: order.filter((area) => draft.expertise.includes(area)),
    contactName: draft.contactName.trim(),
    contactEmail: draft.contactEmail.trim(),
    motivation: draft.motivation.trim(),
  };
}

/** The multipart body: the fields as JSON in `application`, the documents in `documents`. */
export function applicationFormData(payload: ApplicationInput, files: readonly File[]): FormData {
  const form = new FormData();
  form.append('application', JSON.stringify(payload));
  for (const file of files) form.append('documents', file);
  return form;
}

/** The motivation's length as the API counts it (trimmed), and whether it is within 50 to 5,000 characters. */
export const MOTIVATION_MIN = 50;
export const MOTIVATION_MAX = 5000;
export function motivationLength(text: string): { length: number; ok: boolean } {
  const length = text.trim().length;
  return { length, ok: length >= MOTIVATION_MIN && length <= MOTIVATION_MAX };
}

/** A field's error from the API's details: `documents.1` belongs to the documents field. */
export function fieldErrors(details: readonly ErrorDetail[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { path, message } of details) {
    const field = path.split('.')[0] || path;
    errors[field] ??= message;
  }
  return errors;
}

/** The first field in the form's order that has an error, to move the focus to. */
export function firstErrorField(errors: Record<string, string>, order: readonly string[]): string | undefined {
  return order.find((field) => errors[field] !== undefined);
}

export interface CallDraft {
  title: string;
  description: string;
  criteria: string[];
  deadlineLocal: string;
  timeZone: string;
}

export const MAX_CRITERIA = 8;

/** A new call as the API reads it: blank criterion rows left out, texts trimmed. */
export function callPayload(draft: CallDraft): CreateCallRequest {
  return {
    title: draft.title.trim(),
    description: draft.description.trim(),
    criteria: draft.criteria.map((label) => label.trim()).filter(Boolean).map((label) => ({ label })),
    deadlineLocal: draft.deadlineLocal.slice(0, 16),
    timeZone: draft.timeZone,
  };
}

/** The criteria a review has not scored yet (a score is a whole number from 1 to 5). */
export function missingScores(criteria: ReadonlyArray<{ key: string }>, scores: Readonly<Record<string, number | undefined>>): string[] {
  return criteria.filter(({ key }) => {
    const score = scores[key];
    return score === undefined || !Number.isInteger(score) || score < MIN_SCORE || score > MAX_SCORE;
  }).map(({ key }) => key);
}

export const SCORES = Array.from({ length: MAX_SCORE - MIN_SCORE + 1 }, (_, index) => MIN_SCORE + index);

/** The statuses in the order an application moves through them, for the badges' classes. */
export function statusTone(status: ApplicationStatus): 'info' | 'success' | 'muted' {
  return status === 'accepted' ? 'success' : status === 'declined' ? 'muted' : 'info';
}

/** The reader's own zone when signed out: the browser's. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
