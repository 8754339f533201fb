import type { Meeting, RsvpCounts } from '@simashe/contracts';
import { formatDateTime } from '@simashe/web-i18n';
import { Alert, Button, Card, LoadingState, QueryError, SelectField } from '@simashe/web-ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsolate } from './occurrence-item';
import { useGuests, useRemindGuests } from './queries';

const ANSWERS = ['yes', 'maybe', 'no', 'none'] as const;

function Counts({ counts, label }: { counts: RsvpCounts; label: string }) {
  const { t } = useTranslation();
  return (
    <ul className="rsvp-counts" aria-label={label}>
      {ANSWERS.map((answer) => (
        <li key={answer} className={`rsvp-count rsvp-${answer}`}>
          {t(`meetings.guests.count.${answer}`, { count: counts[answer] })}
        </li>
      ))}
    </ul>
  );
}

/**
 * Who is coming to a session, by organisation and person, with counts; organisers remind those who have not
 * answered (once a day per session, which the API enforces and reports).
 */
export function GuestListCard({ meeting, viewZone }: { meeting: Meeting; viewZone: string }) {
  const { t, i18n } = useTranslation();
  const isolate = useIsolate();
  const [now] = useState(() => Date.now());
  const upcoming = meeting.occurrences.filter((o) => new Date(o.end).getTime() >= now);
  const sessions = upcoming.length > 0 ? upcoming : meeting.occurrences.slice(-1);
  const [chosen, setChosen] = useState<string | null>(null);
  const occurrence = chosen ?? sessions[0]?.occurrence ?? null;
  const guests = useGuests(meeting.id, occurrence);
  const remind = useRemindGuests();
  const session = meeting.occurrences.find((o) => o.occurrence === occurrence);
  const started = session ? new Date(session.start).getTime() <= now : true;
  const when = (iso: string) => formatDateTime(iso, i18n.language, { timeZone: viewZone, dateStyle: 'medium', timeStyle: 'short' });
  const reminder = remind.data ?? guests.data?.lastReminder ?? null;
  // "Remind" is disabled while it sends, which drops focus to the page: the outcome takes it instead, so keyboard
  // and screen-reader users land on (and hear) what happened.
  const result = useRef<HTMLDivElement>(null);
  const awaitingResult = useRef(false);
  useEffect(() => {
    if (awaitingResult.current && (remind.isSuccess || remind.isError)) {
      awaitingResult.current = false;
      result.current?.focus();
    }
  }, [remind.isSuccess, remind.isError]);

  if (!occurrence) return null;
  return (
    <Card title={t('meetings.guests.title')}>
      {sessions.length > 1 && (
        <SelectField
          label={t('meetings.guests.session')}
          value={occurrence}
          onChange={(e) => {
            setChosen(e.target.value);
            remind.reset();
          }}
          options={sessions.map((o) => ({ value: o.occurrence, label: when(o.start) }))}
        />
      )}
      {guests.isPending ? (
        <LoadingState label={t('common.loading')} />
      ) : guests.isError ? (
        <QueryError error={guests.error} onRetry={() => guests.refetch()} />
      ) : (
        <>
          <Counts counts={guests.data.counts} label={t('meetings.guests.totals')} />
          <div className="guest-organisations">
            {guests.data.organisations.map((organisation) => (
              <section key={organisation.name ?? ''} className="guest-organisation" aria-label={organisation.name ?? t('meetings.guests.noOrganisation')}>
                <h3>
                  <bdi>{organisation.name ?? t('meetings.guests.noOrganisation')}</bdi>
                </h3>
                <Counts counts={organisation.counts} label={t('meetings.guests.totalsOf', { name: isolate(organisation.name ?? t('meetings.guests.noOrganisation')) })} />
                <ul className="guests">
                  {organisation.guests.map((guest) => (
                    <li key={guest.userId}>
                      <bdi>{guest.name}</bdi> <span className={`badge rsvp-${guest.response ?? 'none'}`}>{t(`meetings.guests.answer.${guest.response ?? 'none'}`)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          {meeting.canManage && !started && (
            <div className="button-row">
              <Button
                variant="secondary"
                busy={remind.isPending}
                disabled={guests.data.toRemind === 0}
                onClick={() => {
                  if (!occurrence) return;
                  awaitingResult.current = true;
                  remind.mutate({ meetingId: meeting.id, occurrence });
                }}
              >
                {t('meetings.guests.remind', { count: guests.data.toRemind })}
              </Button>
            </div>
          )}
          <div className="remind-result" ref={result} tabIndex={-1}>
            {remind.error && <Alert kind="error">{remind.error.message}</Alert>}
            {remind.data && (
              <Alert kind={remind.data.alreadySent ? 'info' : 'success'}>
                {remind.data.alreadySent
                  ? t('meetings.guests.alreadyReminded', { date: when(remind.data.sentAt), name: isolate(remind.data.sentByName) })
                  : t('meetings.guests.reminded', { count: remind.data.reminded })}
              </Alert>
            )}
          </div>
          {!remind.data && reminder && (
            <p className="muted">{t('meetings.guests.lastReminder', { date: when(reminder.sentAt), name: isolate(reminder.sentByName), count: reminder.reminded })}</p>
          )}
        </>
      )}
    </Card>
  );
}
