import { AUDIT_ACTIONS, MEMBER_ROLES, REPORT_STATUSES, type AuditAction, type AuditEntry } from '@simashe/contracts';
import { queryString } from '@simashe/web-api-client';
import { isolate } from '@simashe/web-i18n';

/** The filters the page keeps in its address (so a filtered view can be bookmarked and shared). */
export interface AuditFilterValues {
  organisationId?: string;
  action?: AuditAction;
  actor?: string;
  from?: string;
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters from the address, leaving out anything malformed (a hand-edited link must not break the page). */
export function filtersFromParams(params: URLSearchParams): AuditFilterValues {
  const value = (key: string, valid: (text: string) => boolean) => {
    const text = params.get(key)?.trim();
    return text && valid(text) ? text : undefined;
  };
  return {
    organisationId: value('organisationId', (text) => UUID.test(text)),
    action: value('action', (text) => (AUDIT_ACTIONS as readonly string[]).includes(text)) as AuditAction | undefined,
    actor: value('actor', (text) => text.length <= 200),
    from: value('from', (text) => DAY.test(text)),
    to: value('to', (text) => DAY.test(text)),
  };
}

export function paramsFromFilters(filters: AuditFilterValues): URLSearchParams {
  return new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== ''));
}

/** The API query: days are the reader's, so their time zone goes along whenever a day is asked for. */
export function auditQuery(filters: AuditFilterValues, timeZone: string, page?: { cursor?: string; limit?: number }): string {
  return queryString({
    ...filters,
    timeZone: filters.from || filters.to ? timeZone : undefined,
    cursor: page?.cursor,
    limit: page?.limit === undefined ? undefined : String(page.limit),
  });
}

export function csvHref(filters: AuditFilterValues, timeZone: string): string {
  return `/api/audit.csv${auditQuery(filters, timeZone)}`;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The action's name as a catalogue key: `auth.signed_in` lives at `audit.actions.auth.signed_in`. */
export const actionLabelKey = (action: AuditAction) => `audit.actions.${action}`;

// Names, titles and emails are set apart from the sentence around them (web-i18n's `isolate`).

/** One sentence saying what happened, in the reader's language, from what the entry recorded. */
export function describeEntry(entry: AuditEntry, t: Translate): string {
  const details = entry.details;
  const raw = (key: string) => (typeof details[key] === 'string' ? (details[key] as string) : '');
  const text = (key: string) => isolate(raw(key));
  const role = (key: string) => ((MEMBER_ROLES as readonly string[]).includes(raw(key)) ? t(`audit.roles.${raw(key)}`) : text(key));
  const status = (key: string) => ((REPORT_STATUSES as readonly string[]).includes(raw(key)) ? t(`audit.statuses.${raw(key)}`) : text(key));
  const name = entry.target?.name ? isolate(entry.target.name) : t('audit.describe.someone');
  const format = raw('format').toUpperCase();
  const count = typeof details['rows'] === 'number' ? details['rows'] : 0;
  switch (entry.action) {
    case 'auth.signed_in':
      return t('audit.describe.signedIn');
    case 'auth.sign_in_failed':
      return t('audit.describe.signInFailed', { email: isolate(entry.actor.email ?? '') });
    case 'auth.signed_out':
      return t('audit.describe.signedOut');
    case 'invitation.sent':
      return t(details['emailSent'] === false ? 'audit.describe.invitationSentNoEmail' : 'audit.describe.invitationSent', { email: name, role: role('role') });
    case 'invitation.accepted':
      return t(details['newAccount'] ? 'audit.describe.invitationAcceptedNewAccount' : 'audit.describe.invitationAccepted', { role: role('role') });
    case 'member.role_changed':
      return t('audit.describe.roleChanged', { name, from: role('from'), to: role('to') });
    case 'member.removed':
      return details['left'] ? t('audit.describe.memberLeft') : t('audit.describe.memberRemoved', { name, role: role('role') });
    case 'partner_grant.added':
      return t('audit.describe.partnerGranted', { name });
    case 'partner_grant.removed':
      return t('audit.describe.partnerRevoked', { name });
    case 'report.submitted':
      return t('audit.describe.reportSubmitted', { title: name });
    case 'report.reopened':
      return t('audit.describe.reportReopened', { title: name, status: status('to') });
    case 'data.exported':
      switch (raw('dataset')) {
        case 'report':
          return t('audit.describe.exportReport', { title: name, format });
        case 'lessons':
          return t('audit.describe.exportLessons', { count, format });
        case 'audit_log':
          return t('audit.describe.exportAuditLog', { count, format });
        default:
          return t('audit.describe.exportDashboard', { format });
      }
    case 'file.downloaded':
      return t(raw('parentType') === 'initiative' ? 'audit.describe.fileDownloadedInitiative' : 'audit.describe.fileDownloaded', { file: name, title: text('parentTitle') });
  }
}

/**
 * Cursor paging, newest first: the cursors of the pages seen so far, so "newer" steps back without asking the
 * server for a cursor it never gives. The first page has none.
 */
export interface PageTrail {
  cursors: Array<string | undefined>;
}

export const firstPage = (): PageTrail => ({ cursors: [undefined] });
export const currentCursor = (trail: PageTrail) => trail.cursors[trail.cursors.length - 1];
export const pageNumber = (trail: PageTrail) => trail.cursors.length;
export const olderPage = (trail: PageTrail, nextCursor: string | null): PageTrail => (nextCursor ? { cursors: [...trail.cursors, nextCursor] } : trail);
export const newerPage = (trail: PageTrail): PageTrail => (trail.cursors.length > 1 ? { cursors: trail.cursors.slice(0, -1) } : trail);
