import type { MeetingOccurrence } from '@simashe/contracts';
import { formatDateTime, formatTime } from '@simashe/web-i18n';
import { DateTime } from 'luxon';
import { canWriteIn, useOrganisations } from '@simashe/web-organisations';
import { Alert, Button, ConfirmDialog } from '@simashe/web-ui';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCancelOccurrence, useCheckIn, useRegistration, useRsvp } from './queries';

function useTimeFormatter() {
  const { i18n } = useTranslation();
  return (iso: string, timeZone: string) => formatDateTime(iso, i18n.language, { timeZone, dateStyle: 'full', timeStyle: 'short' });
}

/** "Tuesday 2 March 2027 at 14:00–15:30", or both dates in full when the session ends on another day there. */
export function useSpanFormatter() {
  const { i18n } = useTranslation();
  return (start: string, end: string, timeZone: string) => {
    const first = formatDateTime(start, i18n.language, { timeZone, dateStyle: 'full', timeStyle: 'short' });
    const sameDay = DateTime.fromISO(start).setZone(timeZone).hasSame(DateTime.fromISO(end).setZone(timeZone), 'day');
    return `${first}–${sameDay ? formatTime(end, i18n.language, timeZone) : formatDateTime(end, i18n.language, { timeZone, dateStyle: 'full', timeStyle: 'short' })}`;
  };
}

/**
 * Isolates a name inside a translated sentence in right-to-left languages (first-strong isolate), so a Latin name
 * does not drag the sentence's punctuation and numbers to the wrong side. Left-to-right text is left as it is.
 */
export function useIsolate() {
  const { i18n } = useTranslation();
  const rtl = i18n.dir(i18n.language) === 'rtl';
  return (text: string) => (rtl ? `\u2068${text}\u2069` : text);
}

/** One occurrence with what a person does about it: RSVP, register, check in, calendar file; organisers cancel it. */
export function OccurrenceItem({ occurrence, viewZone, children }: { occurrence: MeetingOccurrence; viewZone: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const format = useTimeFormatter();
  const span = useSpanFormatter();
  const isolate = useIsolate();
  const rsvp = useRsvp();
  const cancel = useCancelOccurrence();
  const [confirming, setConfirming] = useState(false);
  const registration = useRegistration();
  const checkIn = useCheckIn();
  // Check-in opens 15 minutes before the start and closes at the end (the server enforces the same window).
  const [now] = useState(() => Date.now());
  const checkInOpen = now >= new Date(occurrence.start).getTime() - 15 * 60_000 && now <= new Date(occurrence.end).getTime();
  const organisations = useOrganisations();
  const seats = occurrence.registration;
  const canManage = (organisations.data?.items ?? []).some(
    (o) => o.name === occurrence.organiserOrganisationName && canWriteIn(o),
  );
  return (
    <li className="occurrence" aria-label={`${occurrence.title}, ${span(occurrence.start, occurrence.end, viewZone)}`}>
      <Link to={`/meetings/${occurrence.meetingId}`} dir="auto">
        <strong>{occurrence.title}</strong>
      </Link>{' '}
      {occurrence.modified && <span className="badge">{t('meetings.moved')}</span>}
      <div className="occurrence-time">{span(occurrence.start, occurrence.end, viewZone)}</div>
      {viewZone !== occurrence.timeZone && (
        <div className="muted">{t('meetings.organiserTime', { time: format(occurrence.start, occurrence.timeZone), zone: isolate(occurrence.timeZone) })}</div>
      )}
      <div className="muted">{t('meetings.by', { name: isolate(occurrence.organiserOrganisationName) })}</div>
      {seats && (
        <div className="registration">
          <span className="muted">
            {seats.capacity === null
              ? t('meetings.seatsOpen', { registered: seats.registered })
              : t('meetings.seats', { registered: seats.registered, capacity: seats.capacity, waitlisted: seats.waitlisted })}
          </span>{' '}
          {seats.status === 'registered' && <strong>{t('meetings.registered')}</strong>}
          {seats.status === 'waitlisted' && <strong>{t('meetings.waitlisted', { position: seats.waitlistPosition })}</strong>}{' '}
          <Button
            variant="secondary"
            busy={registration.isPending}
            onClick={() => registration.mutate({ meetingId: occurrence.meetingId, register: seats.status === null })}
          >
            {seats.status === null ? t('meetings.register') : t('meetings.leave')}
          </Button>
        </div>
      )}
      <div className="button-row" role="group" aria-label={t('meetings.rsvp')}>
        {(['yes', 'maybe', 'no'] as const).map((answer) => (
          <Button
            key={answer}
            variant="secondary"
            aria-pressed={occurrence.myRsvp === answer}
            className={occurrence.myRsvp === answer ? 'selected' : ''}
            onClick={() => rsvp.mutate({ meetingId: occurrence.meetingId, occurrence: occurrence.occurrence, response: answer })}
          >
            {t(`meetings.${answer}`)}
          </Button>
        ))}
        {occurrence.attended ? (
          <strong>{t('meetings.attended')}</strong>
        ) : (
          checkInOpen && (
            <Button busy={checkIn.isPending} onClick={() => checkIn.mutate({ meetingId: occurrence.meetingId, occurrence: occurrence.occurrence })}>
              {t('meetings.checkIn')}
            </Button>
          )
        )}
        {canManage && occurrence.attendees > 0 && <span className="muted">{t('meetings.attendees', { count: occurrence.attendees })}</span>}
        <a className="btn btn-secondary" href={`/api/meetings/${occurrence.meetingId}/ics`} download>
          {t('meetings.ics')}
        </a>
        {canManage && (
          <>
            <Button variant="danger" aria-haspopup="dialog" onClick={() => setConfirming(true)}>
              {t('meetings.cancelOccurrence')}
            </Button>
            {/* Irreversible for invitees (the session shows cancelled), so asked first, as "this and following" is. */}
            <ConfirmDialog
              open={confirming}
              title={t('meetings.cancelOccurrence')}
              message={t('meetings.confirmCancelOccurrence', { when: span(occurrence.start, occurrence.end, viewZone) })}
              confirmLabel={t('meetings.cancelOccurrence')}
              danger
              busy={cancel.isPending}
              error={cancel.error ? <Alert kind="error">{cancel.error.message}</Alert> : undefined}
              onCancel={() => setConfirming(false)}
              onConfirm={() => cancel.mutate({ meetingId: occurrence.meetingId, occurrence: occurrence.occurrence }, { onSuccess: () => setConfirming(false) })}
            />
          </>
        )}
      </div>
      {children}
    </li>
  );
}

