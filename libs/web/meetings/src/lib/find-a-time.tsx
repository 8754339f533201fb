import type { DirectoryEntry } from '@simashe/contracts';
import { commonWindows, workingWindows, type Window } from '@simashe/scheduling';
import { formatDate, formatDateTime, formatDayLabel, formatTime } from '@simashe/web-i18n';
import { Button, EmptyState } from '@simashe/web-ui';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsolate } from './occurrence-item';

/** Distinct, dark-enough colours for each organisation's working hours. */
const PALETTE = ['#2f6f9f', '#a05a00', '#6b4c9a', '#2d7d6f', '#9b3d5a', '#5a6b2d'];

function Segments({ windows, day, className, colour }: { windows: Window[]; day: DateTime; className: string; colour?: string }) {
  const dayEnd = day.plus({ days: 1 });
  return (
    <>
      {windows.map((w) => {
        const start = DateTime.max(DateTime.fromISO(w.start), day);
        const end = DateTime.min(DateTime.fromISO(w.end), dayEnd);
        if (end <= start) return null;
        const offset = start.diff(day, 'minutes').minutes / 14.4;
        const width = end.diff(start, 'minutes').minutes / 14.4;
        return <span key={w.start} className={`segment ${className}`} style={{ insetInlineStart: `${offset}%`, inlineSize: `${width}%`, background: colour }} />;
      })}
    </>
  );
}

/**
 * "Find a time": each invited organisation's working hours, in its own zone, drawn over one week in the
 * viewer's zone, with the stretches everyone shares highlighted and offered as start times.
 */
export function FindATime({
  organisations,
  zone,
  onPick,
}: {
  organisations: DirectoryEntry[];
  zone: string;
  /** Called with a start instant chosen from the overlaps. */
  onPick: (startIso: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const isolate = useIsolate();
  const [weekStart, setWeekStart] = useState(() => DateTime.now().setZone(zone).startOf('week').plus({ weeks: 1 }).toISODate()!);
  if (organisations.length === 0) return <EmptyState>{t('meetings.findATimeEmpty')}</EmptyState>;
  const from = DateTime.fromISO(weekStart, { zone });
  const week = { start: from.toUTC().toISO()!, end: from.plus({ weeks: 1 }).toUTC().toISO()! };
  const perOrganisation = organisations.map((o) => ({ organisation: o, windows: workingWindows(o, week) }));
  const overlaps = commonWindows(perOrganisation.map((p) => p.windows));
  const days = Array.from({ length: 7 }, (_, index) => from.plus({ days: index }));

  return (
    <div className="find-a-time">
      <div className="button-row">
        <Button variant="secondary" onClick={() => setWeekStart(from.minus({ weeks: 1 }).toISODate()!)}>
          {t('meetings.previousWeek')}
        </Button>
        <strong>{t('meetings.weekOf', { date: formatDate(from.toJSDate(), i18n.language, zone) })}</strong>
        <Button variant="secondary" onClick={() => setWeekStart(from.plus({ weeks: 1 }).toISODate()!)}>
          {t('meetings.nextWeek')}
        </Button>
      </div>
      <p className="muted">{t('meetings.findATimeIntro', { zone })}</p>
      <ul className="fat-legend">
        {perOrganisation.map(({ organisation }, index) => (
          <li key={organisation.id}>
            <span className="swatch" style={{ background: PALETTE[index % PALETTE.length] }} aria-hidden="true" />{' '}
            {t('meetings.worksFrom', { name: isolate(organisation.name), start: organisation.workDayStart, end: organisation.workDayEnd, zone: isolate(organisation.timeZone) })}
          </li>
        ))}
      </ul>
      <div className="fat-grid" aria-hidden="true">
        <div className="fat-day">
          <div />
          <div className="fat-scale">
            {[0, 6, 12, 18].map((hour) => (
              <span key={hour} style={{ insetInlineStart: `${(hour / 24) * 100}%` }}>
                {formatTime(from.set({ hour, minute: 0 }).toJSDate(), i18n.language, zone)}
              </span>
            ))}
          </div>
        </div>
        {days.map((day) => (
          <div key={day.toISODate()} className="fat-day">
            <div className="fat-day-name">{formatDayLabel(day.toISODate()!, i18n.language, 'weekdayDay')}</div>
            {perOrganisation.map(({ organisation, windows }, index) => (
              <div key={organisation.id} className="fat-track" title={organisation.name}>
                <Segments windows={windows} day={day} className="segment-work" colour={PALETTE[index % PALETTE.length]} />
              </div>
            ))}
            <div className="fat-track fat-track-common">
              <Segments windows={overlaps} day={day} className="segment-common" />
            </div>
          </div>
        ))}
      </div>
      <h3>{t('meetings.overlaps')}</h3>
      {overlaps.length === 0 ? (
        <EmptyState>{t('meetings.noOverlap')}</EmptyState>
      ) : (
        <ul className="fat-overlaps">
          {overlaps.map((w) => (
            <li key={w.start}>
              <span>
                {formatDateTime(w.start, i18n.language, { timeZone: zone, dateStyle: 'full', timeStyle: 'short' })}–{formatTime(w.end, i18n.language, zone)}
              </span>{' '}
              <Button variant="secondary" onClick={() => onPick(w.start)}>
                {t('meetings.useThisTime')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
